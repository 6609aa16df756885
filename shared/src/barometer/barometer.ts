import { SymError } from "../errors";
import { checkConfidence } from "../_lib/distributions";
import type { BarometerResult, GapStatus, Language, Model, Thresholds } from "../model/schemas";
import { countTotal, netPromoterScore, npsInterval, type RecommendationCounts } from "../nps/nps";
import { welchGapTest } from "../gap/welch";
import { gapStatus } from "../gap/status";
import { symmetryIndex } from "../gap/symmetryIndex";
import { headlineOf, type Headline } from "../gap/headline";
import { CONFIDENTIALITY_FLOOR, suppressGroups } from "../privacy/suppression";
import { jointUnitManagerEnps } from "./jointGroups";
import type { SampleSummary } from "../_lib/summary";
import type { GroupAggregate, PopulationAggregate } from "./aggregate";

export interface BarometerOptions {
  readonly model: Model;
  readonly language?: Language;
  readonly thresholds?: Partial<Thresholds>;
  /** Level of the gap and NPS intervals (0.95). */
  readonly confidence?: number;
}

export interface BarometerGroupResult {
  unit: string;
  /** Respondents; null for a hidden group, whose count is a figure too ("fewer than N"). */
  n: number | null;
  enps: number | null;
  suppressed: boolean;
}

export type Barometer = BarometerResult &
  Headline & {
    managers: BarometerGroupResult[];
    /** Dimensions mapped in one population only: no gap can be computed. */
    unpairedDimensions: { id: string; population: "employees" | "customers" }[];
    minGroupSize: number;
  };

function intervalIfShowable(counts: RecommendationCounts, minGroupSize: number, confidence: number) {
  return countTotal(counts) >= Math.max(minGroupSize, 1) ? npsInterval(counts, confidence) : null;
}

function populationScore(summary: SampleSummary | undefined, minGroupSize: number, alpha: number | null | undefined) {
  const n = summary?.n ?? 0;
  return {
    score: summary && n >= minGroupSize && n > 0 ? summary.mean : null,
    n,
    alpha: n >= minGroupSize ? (alpha ?? null) : null,
  };
}

/**
 * eNPS per group (unit, manager) with confidentiality: a group whose eNPS rests on fewer than
 * `minGroupSize` answers is hidden, and complementary suppression hides one more so the hidden
 * one cannot be recovered from the total and its siblings.
 */
export function groupEnps(groups: Record<string, GroupAggregate>, minGroupSize: number): BarometerGroupResult[] {
  const names = Object.keys(groups).sort((a, b) => a.localeCompare(b));
  const decisions = suppressGroups(
    names.map((name) => ({
      group: name,
      n: countTotal(groups[name].recommendation),
    })),
    minGroupSize,
  );
  return decisions.map((decision) => {
    const group = groups[decision.group];
    const answers = countTotal(group.recommendation);
    const showable = !decision.suppressed && answers > 0;
    return {
      unit: decision.group,
      n: decision.suppressed ? null : group.n,
      enps: showable ? netPromoterScore(group.recommendation) : null,
      suppressed: decision.suppressed,
    };
  });
}

/**
 * The barometer (docs/domain.md#gap, after the article on the barometer of symmetry): per dimension, employee and customer scores, the gap
 * (employee − customer, points on 0–100) with its Welch test, CI, p, Hedges' g and status
 * (alert/watch/ok); the symmetry index; eNPS and NPS with adjusted-Wald intervals; eNPS per unit
 * and manager with confidentiality. A figure about fewer than `minGroupSize` people is null.
 */
export function computeBarometer(employees: PopulationAggregate, customers: PopulationAggregate, options: BarometerOptions): Barometer {
  // Options left undefined (a CLI flag not given) keep the model's value instead of erasing it.
  const overrides = Object.fromEntries(Object.entries(options.thresholds ?? {}).filter(([, value]) => value !== undefined));
  const thresholds: Thresholds = { ...options.model.thresholds, ...overrides };
  const language = options.language ?? "en";
  const confidence = options.confidence ?? 0.95;
  checkConfidence(confidence, "computeBarometer");
  const minGroupSize = thresholds.minGroupSize;
  if (!(Number.isInteger(minGroupSize) && minGroupSize >= CONFIDENTIALITY_FLOOR)) {
    throw new SymError(
      "invalid-argument",
      `computeBarometer requires a whole confidentiality threshold of ${CONFIDENTIALITY_FLOOR} or more, got ${minGroupSize}`,
    );
  }

  const dimensions: Barometer["dimensions"] = [];
  const unpairedDimensions: Barometer["unpairedDimensions"] = [];
  const gaps: number[] = [];
  const weights: number[] = [];
  for (const dimension of options.model.dimensions) {
    const employeeSummary = employees.dimensions[dimension.id];
    const customerSummary = customers.dimensions[dimension.id];
    if (!employeeSummary && !customerSummary) continue;
    if (!employeeSummary || !customerSummary) {
      unpairedDimensions.push({
        id: dimension.id,
        population: employeeSummary ? "employees" : "customers",
      });
      continue;
    }
    const employee = populationScore(employeeSummary, minGroupSize, employees.alpha?.[dimension.id]);
    const customer = populationScore(customerSummary, minGroupSize, customers.alpha?.[dimension.id]);
    const entry = {
      id: dimension.id,
      label: dimension.label[language],
      employee,
      customer,
      gap: null as number | null,
      low: null as number | null,
      high: null as number | null,
      p: null as number | null,
      hedgesG: null as number | null,
      status: "suppressed" as GapStatus,
    };
    if (employee.score !== null && customer.score !== null) {
      const gap = employee.score - customer.score;
      entry.gap = gap;
      try {
        const test = welchGapTest(employeeSummary, customerSummary, confidence);
        entry.low = test.low;
        entry.high = test.high;
        entry.p = test.p;
        entry.hedgesG = Number.isFinite(test.hedgesG) ? test.hedgesG : null;
      } catch (error) {
        // Constant scores in both groups or a group of one: the gap stands, its test does not.
        if (!(error instanceof SymError) || (error.code !== "zero-variance" && error.code !== "too-few-values")) throw error;
      }
      // No p (constant scores, a group of one) never makes an alert: gapStatus rates it watch or ok.
      entry.status = gapStatus(gap, entry.p, thresholds.gapThreshold, thresholds.alpha);
      gaps.push(gap);
      weights.push(dimension.weight);
    }
    dimensions.push(entry);
  }

  return {
    employees: {
      n: employees.n,
      enps: intervalIfShowable(employees.recommendation, minGroupSize, confidence),
    },
    customers: {
      n: customers.n,
      nps: intervalIfShowable(customers.recommendation, minGroupSize, confidence),
    },
    dimensions,
    symmetryIndex: gaps.length > 0 ? symmetryIndex(gaps, weights) : null,
    // Next to the index, so that 95 with two alerts never reads as "almost perfect".
    ...headlineOf(dimensions),
    ...jointUnitManagerEnps(employees, minGroupSize, (groups) => groupEnps(groups, minGroupSize)),
    unpairedDimensions,
    minGroupSize,
  };
}
