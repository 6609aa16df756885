import normalQuantile from "@stdlib/stats-base-dists-normal-quantile";
import { Matrix, inverse } from "ml-matrix";
import { SymError } from "../errors";
import { tCritical, twoSidedPFromT } from "../_lib/distributions";
import { percentileInterval } from "../linkage/percentile";
import { simpleRegression } from "../linkage/regression";
import { MersenneTwister } from "../random/mersenneTwister";
import { countTotal, netPromoterScore, type RecommendationCounts } from "../nps/nps";
import { DEFAULT_COST_RATIO } from "../turnover/turnover";
import { MIN_DRIVER_RESPONDENTS, type RespondentMoments } from "./respondentDrivers";

/** An estimate with its interval. */
export interface Link {
  estimate: number;
  low: number;
  high: number;
}

/** One coefficient of the respondent-level regression of the eNPS contribution on the dimension scores. */
export interface EnpsCoefficient extends Link {
  id: string;
  standardError: number;
  p: number;
}

/**
 * Least squares over respondents of the eNPS contribution (+100 / 0 / −100) on the dimension
 * scores, with an intercept (docs/domain.md#money-chain): eNPS points per score point, others held.
 */
export interface EnpsRegression {
  n: number;
  degreesOfFreedom: number;
  rSquared: number;
  coefficients: EnpsCoefficient[];
}

/**
 * OLS from listwise co-moments: b = Sxx⁻¹·Sxy, σ̂² = (Syy − bᵀSxy)/(n − k − 1), se(b) =
 * sqrt(σ̂²·(Sxx⁻¹)ⱼⱼ), CI b ± t(n − k − 1)·se, two-sided p. Reference: statsmodels OLS.
 * Null under `MIN_DRIVER_RESPONDENTS` complete respondents, with constant or collinear scores.
 */
export function enpsRegression(moments: RespondentMoments, dimensions: readonly string[], confidence = 0.95): EnpsRegression | null {
  const k = dimensions.length;
  const size = moments.dimensions.length + 2;
  const outcome = size - 1;
  const positions = dimensions.map((id) => moments.dimensions.indexOf(id));
  const missing = dimensions.filter((_, index) => positions[index] < 0);
  if (missing.length > 0) {
    throw new SymError("invalid-argument", `respondent moments have no ${missing.join(", ")} (they hold ${moments.dimensions.join(", ")})`);
  }
  const degreesOfFreedom = moments.n - k - 1;
  if (k === 0 || moments.n < MIN_DRIVER_RESPONDENTS || degreesOfFreedom < 1) return null;
  const comoment = (i: number, j: number) => moments.comoments[i * size + j];
  const sxx = new Matrix(positions.map((i) => positions.map((j) => comoment(i, j))));
  const sxy = positions.map((i) => comoment(i, outcome));
  const syy = comoment(outcome, outcome);
  if (!(syy > 0) || positions.some((i) => !(comoment(i, i) > 0))) return null;
  let sxxInverse: Matrix;
  try {
    sxxInverse = inverse(sxx);
  } catch {
    return null;
  }
  const b = sxy.map((_, row) => sxy.reduce((sum, value, column) => sum + sxxInverse.get(row, column) * value, 0));
  if (!b.every(Number.isFinite)) return null;
  const explained = b.reduce((sum, value, index) => sum + value * sxy[index], 0);
  const residualVariance = Math.max(0, syy - explained) / degreesOfFreedom;
  const margin = tCritical(confidence, degreesOfFreedom);
  return {
    n: moments.n,
    degreesOfFreedom,
    rSquared: explained / syy,
    coefficients: dimensions.map((id, index) => {
      const standardError = Math.sqrt(residualVariance * sxxInverse.get(index, index));
      return {
        id,
        estimate: b[index],
        low: b[index] - margin * standardError,
        high: b[index] + margin * standardError,
        standardError,
        p: standardError > 0 ? twoSidedPFromT(b[index] / standardError, degreesOfFreedom) : 0,
      };
    }),
  };
}

/** A unit's figures for the turnover link: its eNPS (employees) and its headcount, leavers and salary. */
export interface UnitTurnoverFacts {
  unit: string;
  headcount?: number;
  leavers?: number;
  salary?: number;
}

/** The unit turnover regression that values an eNPS point (docs/domain.md#turnover-linkage). */
export interface TurnoverOnEnps {
  units: number;
  /** Change of the turnover rate per eNPS point. */
  slope: number;
  low: number;
  high: number;
  standardError: number;
  p: number;
  /** Headcount of the units in the regression. */
  headcount: number;
  /** Their mean salary, weighted by headcount. */
  meanSalary: number;
}

/**
 * OLS of unit turnover rate (leavers / headcount) on unit eNPS, over units whose employees'
 * eNPS is showable (at least `minGroupSize` answers) and that carry headcount, leavers and salary.
 * Null under three such units or when eNPS does not vary.
 */
export function turnoverOnEnps(
  aggregates: Readonly<Record<string, { recommendation: RecommendationCounts }>>,
  facts: readonly UnitTurnoverFacts[],
  minGroupSize: number,
  confidence = 0.95,
): TurnoverOnEnps | null {
  const rows = facts.flatMap((fact) => {
    const aggregate = aggregates[fact.unit];
    if (!aggregate || countTotal(aggregate.recommendation) < minGroupSize) return [];
    if (fact.headcount === undefined || fact.leavers === undefined || fact.salary === undefined || !(fact.headcount > 0)) return [];
    return [{ enps: netPromoterScore(aggregate.recommendation), headcount: fact.headcount, leavers: fact.leavers, salary: fact.salary }];
  });
  if (rows.length < 3 || rows.every((row) => row.enps === rows[0].enps)) return null;
  const regression = simpleRegression(
    rows.map((row) => row.enps),
    rows.map((row) => row.leavers / row.headcount),
    confidence,
  );
  const headcount = rows.reduce((sum, row) => sum + row.headcount, 0);
  return {
    units: rows.length,
    slope: regression.slope,
    low: regression.low,
    high: regression.high,
    standardError: regression.standardError,
    p: regression.p,
    headcount,
    meanSalary: rows.reduce((sum, row) => sum + row.salary * row.headcount, 0) / headcount,
  };
}

/** An alert's gap as the Welch test gives it. */
export interface AlertGap {
  id: string;
  label: string;
  gap: number;
  low: number;
  high: number;
  degreesOfFreedom: number;
}

/** The money value of closing one alert, link by link. */
export interface MoneyChainEntry {
  id: string;
  label: string;
  /** Points of employee score that close the gap (|gap|), with the gap's interval. */
  points: Link;
  /** eNPS points per score point (the respondent regression's coefficient). */
  enpsPerPoint: Link;
  /** Leavers avoided per eNPS point over the units' headcount (−slope × headcount). */
  leaversPerEnpsPoint: Link;
  /** Cost of one leaver: mean salary × cost ratio (a setting, no interval). */
  costPerLeaver: number;
  /** points × enpsPerPoint. */
  enps: number;
  /** enps × leaversPerEnpsPoint. */
  leavers: number;
  /** leavers × costPerLeaver, with the one interval of the whole chain. */
  value: Link;
}

export interface MoneyChain {
  /** Always true: associations across respondents and units, not causes. */
  estimate: true;
  costRatio: number;
  confidence: number;
  replicates: number;
  seed: number;
  regression: { n: number; rSquared: number };
  turnover: TurnoverOnEnps;
  alerts: MoneyChainEntry[];
  /** Alerts with the employee score above the customer score: closing them is on the customer side, outside the chain. */
  notValued: string[];
}

export interface MoneyChainOptions {
  costRatio?: number;
  confidence?: number;
  /** Draws of the chain's interval (default 10,000). */
  replicates?: number;
  seed?: number;
}

const TWO_TO_32 = 4294967296;

/**
 * The money value of closing each alert (docs/domain.md#money-chain), as a chain of estimates:
 * the gap closed in points (|G|, raising the employee score to the customer score) → eNPS points
 * (× the respondent regression's coefficient) → leavers avoided (× −slope of unit turnover on
 * eNPS × headcount) → cost (× mean salary × cost ratio). Each link keeps its own interval; the
 * whole chain gets one interval by a parametric bootstrap (the Monte Carlo method for products of
 * coefficients, MacKinnon, Lockwood & Williams 2004, Multivariate Behavioral Research 39(1)):
 * each estimate drawn from its normal sampling distribution, independently, seeded, and the
 * percentile interval of the product taken. Only alerts whose employee score is below the customer
 * score pass through eNPS; the others are listed in `notValued`.
 */
export function moneyChain(
  alerts: readonly AlertGap[],
  regression: EnpsRegression,
  turnover: TurnoverOnEnps,
  options: MoneyChainOptions = {},
): MoneyChain {
  const costRatio = options.costRatio ?? DEFAULT_COST_RATIO;
  const confidence = options.confidence ?? 0.95;
  const replicates = options.replicates ?? 10_000;
  const seed = options.seed ?? 1;
  if (!(costRatio >= 0) || !Number.isFinite(costRatio)) {
    throw new SymError("invalid-argument", `the cost ratio must be a number of 0 or more, got ${costRatio}`, { value: costRatio });
  }
  if (!Number.isInteger(replicates) || replicates < 100 || replicates > 1_000_000) {
    throw new SymError("invalid-argument", `the chain's interval needs 100 to 1,000,000 draws, got ${replicates}`, { value: replicates });
  }
  const costPerLeaver = turnover.meanSalary * costRatio;
  const leaversPerEnps = -turnover.slope * turnover.headcount;
  const generator = new MersenneTwister(seed);
  // Inverse-CDF draws: a uniform strictly inside (0, 1) from one 32-bit word.
  const normal = () => normalQuantile((generator.next() + 0.5) / TWO_TO_32, 0, 1);
  const entries: MoneyChainEntry[] = [];
  const notValued: string[] = [];
  for (const alert of alerts) {
    const coefficient = regression.coefficients.find((entry) => entry.id === alert.id);
    if (alert.gap >= 0 || !coefficient) {
      notValued.push(alert.id);
      continue;
    }
    const points = -alert.gap;
    const gapError = (alert.high - alert.low) / (2 * tCritical(confidence, alert.degreesOfFreedom));
    const enps = points * coefficient.estimate;
    const leavers = enps * leaversPerEnps;
    const draws = new Float64Array(replicates);
    for (let index = 0; index < replicates; index++) {
      const drawnPoints = points + gapError * normal();
      const drawnCoefficient = coefficient.estimate + coefficient.standardError * normal();
      const drawnSlope = turnover.slope + turnover.standardError * normal();
      draws[index] = drawnPoints * drawnCoefficient * -drawnSlope * turnover.headcount * costPerLeaver;
    }
    entries.push({
      id: alert.id,
      label: alert.label,
      points: { estimate: points, low: -alert.high, high: -alert.low },
      enpsPerPoint: { estimate: coefficient.estimate, low: coefficient.low, high: coefficient.high },
      leaversPerEnpsPoint: {
        estimate: leaversPerEnps,
        low: -turnover.high * turnover.headcount,
        high: -turnover.low * turnover.headcount,
      },
      costPerLeaver,
      enps,
      leavers,
      value: { estimate: leavers * costPerLeaver, ...percentileInterval(draws, confidence) },
    });
  }
  return {
    estimate: true,
    costRatio,
    confidence,
    replicates,
    seed,
    regression: { n: regression.n, rSquared: regression.rSquared },
    turnover,
    alerts: entries,
    notValued,
  };
}
