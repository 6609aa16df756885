import { SymError } from "../errors";
import { checkConfidence, tCritical, twoSidedPFromT } from "../_lib/distributions";
import { summaryVariance, type SampleSummary } from "../_lib/summary";
import { npsDifference, type RecommendationCounts } from "../nps/nps";
import { welchGapTest } from "../gap/welch";

export type GapChangeStatus = "narrowed" | "widened" | "stable";

export interface ScoreChange {
  /** m₂ − m₁ in points. */
  change: number;
  low: number;
  high: number;
  t: number;
  degreesOfFreedom: number;
  p: number;
}

/**
 * Change of a score (employee or customer) from wave 1 to wave 2 (docs/domain.md#score-change): Δ = m₂ − m₁, SE = sqrt(v₁/n₁ + v₂/n₂), Welch df, CI, two-sided p. The two waves are
 * independent samples (conservative when the same people answer again).
 * Reference: scipy.stats.ttest_ind(wave2, wave1, equal_var=False).
 *
 * @throws too-few-values under two scores in a wave; zero-variance when both waves are constant
 */
export function scoreChange(first: SampleSummary, second: SampleSummary, confidence = 0.95): ScoreChange {
  const test = welchGapTest(second, first, confidence);
  return { change: test.gap, low: test.low, high: test.high, t: test.t, degreesOfFreedom: test.degreesOfFreedom, p: test.p };
}

/** The four samples of a gap change: employees and customers of each wave. */
export interface GapSamples {
  readonly employeesFrom: SampleSummary;
  readonly customersFrom: SampleSummary;
  readonly employeesTo: SampleSummary;
  readonly customersTo: SampleSummary;
}

export interface GapChange {
  /** G₁ = E₁ − C₁ and G₂ = E₂ − C₂, points. */
  gapFrom: number;
  gapTo: number;
  /** ΔG = G₂ − G₁. */
  gapChange: number;
  low: number;
  high: number;
  standardError: number;
  t: number;
  degreesOfFreedom: number;
  p: number;
  status: GapChangeStatus;
}

/**
 * Change of a gap between two waves over four independent samples (docs/domain.md#gap-change):
 * ΔG = (E₂ − C₂) − (E₁ − C₁), SE = sqrt(Σᵢ vᵢ/nᵢ), Welch–Satterthwaite over four samples
 * df = SE⁴ / Σᵢ ((vᵢ/nᵢ)² / (nᵢ − 1)), t = ΔG/SE, CI ΔG ± t(df, 1−α/2)·SE, two-sided p.
 * Status: narrowed when |G₂| < |G₁| and p < α, widened when |G₂| > |G₁| and p < α, else stable.
 * (Satterthwaite 1946: the approximate df of a linear combination of independent variances.)
 *
 * @throws too-few-values under two scores in a sample; zero-variance when all four are constant
 */
export function gapChange(samples: GapSamples, confidence = 0.95, alpha = 0.05): GapChange {
  checkConfidence(confidence, "gapChange");
  if (!(alpha > 0 && alpha < 1))
    throw new SymError("invalid-argument", `gapChange requires alpha between 0 and 1, got ${alpha}`, { value: alpha });
  const named = [
    ["wave-1 employee", samples.employeesFrom],
    ["wave-1 customer", samples.customersFrom],
    ["wave-2 employee", samples.employeesTo],
    ["wave-2 customer", samples.customersTo],
  ] as const;
  let variance = 0;
  let dfDenominator = 0;
  for (const [name, summary] of named) {
    if (summary.n < 2) {
      throw new SymError(
        "too-few-values",
        `gapChange requires at least two scores in each sample, got ${summary.n} ${name} score${summary.n === 1 ? "" : "s"}`,
        {
          value: summary.n,
        },
      );
    }
    const share = summaryVariance(summary) / summary.n;
    variance += share;
    dfDenominator += (share * share) / (summary.n - 1);
  }
  const standardError = Math.sqrt(variance);
  if (standardError === 0) throw new SymError("zero-variance", "gapChange requires scores that vary in at least one of the four samples");
  const gapFrom = samples.employeesFrom.mean - samples.customersFrom.mean;
  const gapTo = samples.employeesTo.mean - samples.customersTo.mean;
  const change = gapTo - gapFrom;
  const degreesOfFreedom = variance ** 2 / dfDenominator;
  const t = change / standardError;
  const margin = tCritical(confidence, degreesOfFreedom) * standardError;
  const p = twoSidedPFromT(t, degreesOfFreedom);
  return {
    gapFrom,
    gapTo,
    gapChange: change,
    low: change - margin,
    high: change + margin,
    standardError,
    t,
    degreesOfFreedom,
    p,
    status: gapChangeStatus(gapFrom, gapTo, p, alpha),
  };
}

/** Narrowed / widened when |G| moved and p < α, stable otherwise (docs/domain.md#gap-change-status). */
export function gapChangeStatus(gapFrom: number, gapTo: number, p: number, alpha = 0.05): GapChangeStatus {
  if (!(p < alpha)) return "stable";
  const before = Math.abs(gapFrom);
  const after = Math.abs(gapTo);
  return after < before ? "narrowed" : after > before ? "widened" : "stable";
}

export interface NpsChange {
  /** NPS₂ − NPS₁, points. */
  change: number;
  z: number;
  p: number;
}

/** eNPS / NPS change between two waves: the two-NPS z test of docs/domain.md#nps-change (adjusted Wald, Rocks 2016). */
export function npsChange(first: RecommendationCounts, second: RecommendationCounts): NpsChange {
  const difference = npsDifference(second, first);
  return { change: difference.difference, z: difference.z, p: difference.p };
}
