import { SymError } from "../errors";
import { checkConfidence } from "../_lib/distributions";
import type { SampleSummary } from "../_lib/summary";
import type { PopulationAggregate } from "../barometer/aggregate";
import { mergeGroupAggregates } from "../barometer/aggregate";
import type { Thresholds } from "../model/schemas";
import { countTotal, npsInterval, type RecommendationCounts } from "../nps/nps";
import { welchGapTest } from "../gap/welch";
import { gapStatus } from "../gap/status";
import { symmetryIndex } from "../gap/symmetryIndex";
import { headlineOf } from "../gap/headline";
import { gapChange, npsChange, scoreChange } from "./change";
import { listWaves } from "./waveOrder";

export type {
  WavePopulation,
  WaveInput,
  TrendOptions,
  TrendGapStatus,
  TrendScore,
  TrendWaveDimension,
  TrendUnit,
  TrendWave,
  TrendChangeStatus,
  TrendScoreChange,
  TrendDimensionChange,
  TrendChange,
  Trend,
} from "./types";
import type {
  WavePopulation,
  WaveInput,
  TrendOptions,
  TrendWaveDimension,
  TrendWave,
  TrendScoreChange,
  TrendDimensionChange,
  TrendChange,
  Trend,
} from "./types";
import { sideVisibility, unitsByWave, type Side } from "./trendSuppression";

function checkedThresholds(options: TrendOptions): Thresholds {
  const overrides = Object.fromEntries(Object.entries(options.thresholds ?? {}).filter(([, value]) => value !== undefined));
  const thresholds: Thresholds = { ...options.model.thresholds, ...overrides };
  if (!(Number.isInteger(thresholds.minGroupSize) && thresholds.minGroupSize >= 1)) {
    throw new SymError(
      "invalid-argument",
      `computeTrend requires a whole confidentiality threshold of 1 or more, got ${thresholds.minGroupSize}`,
    );
  }
  return thresholds;
}

function gapTestP(employees: SampleSummary, customers: SampleSummary, confidence: number): number | null {
  try {
    return welchGapTest(employees, customers, confidence).p;
  } catch (error) {
    if (error instanceof SymError && (error.code === "zero-variance" || error.code === "too-few-values")) return null;
    throw error;
  }
}

/** Runs a test whose data may be too thin (a group of one, constant scores): null then. */
function unlessUndefined<T>(test: () => T): T | null {
  try {
    return test();
  } catch (error) {
    if (error instanceof SymError && (error.code === "zero-variance" || error.code === "too-few-values")) return null;
    throw error;
  }
}

/**
 * The barometer over time (docs/domain.md#waves): per wave, each dimension's
 * employee and customer scores, the gap and its status, the symmetry index with its headline
 * (alerts, largest gap), eNPS / NPS and eNPS by unit; between waves, the change of each score
 * (Welch), of each gap (four-sample Welch, status narrowed / widened / stable, closed) and of
 * eNPS / NPS (two-NPS z test). Every figure is computed per wave with the confidentiality rules
 * applied per wave and across waves; a wave without customers keeps its employee side, its gaps
 * marked not computable.
 *
 * @param waves in order (see `orderSurveyWaves`), at least two
 * @throws invalid-argument with fewer than two waves, or a pair naming a wave not given
 */
export function computeTrend(waves: readonly WaveInput[], options: TrendOptions): Trend {
  const thresholds = checkedThresholds(options);
  const language = options.language ?? "en";
  const confidence = options.confidence ?? 0.95;
  checkConfidence(confidence, "computeTrend");
  const labels = waves.map((wave) => wave.wave);
  if (waves.length < 2) {
    throw new SymError(
      "too-few-values",
      `a trend needs at least two waves, got ${waves.length === 0 ? "none" : `one (${listWaves(labels)})`}: the barometer of a single wave is sym barometer`,
      { value: labels },
    );
  }
  if (new Set(labels).size !== labels.length)
    throw new SymError("invalid-argument", `computeTrend requires distinct waves, got ${listWaves(labels)}`);
  const threshold = thresholds.minGroupSize;
  const dimensions = options.model.dimensions.filter((dimension) =>
    waves.some((wave) => wave.employees.dimensions[dimension.id] !== undefined || wave.customers.dimensions[dimension.id] !== undefined),
  );
  const ids = dimensions.map((dimension) => dimension.id);
  const employees = sideVisibility(
    waves.map((wave) => wave.employees),
    ids,
    threshold,
  );
  const customers = sideVisibility(
    waves.map((wave) => wave.customers),
    ids,
    threshold,
  );
  const units = unitsByWave(waves, threshold);

  const summaryOf = (population: WavePopulation, side: Side, id: string, index: number): SampleSummary | null => {
    const summary = population.dimensions[id];
    return summary && summary.n > 0 && side.shown.get(id)![index] ? summary : null;
  };

  const trendWaves: TrendWave[] = waves.map((wave, index) => {
    const entries: TrendWaveDimension[] = [];
    const gaps: number[] = [];
    const weights: number[] = [];
    for (const dimension of dimensions) {
      const employee = summaryOf(wave.employees, employees, dimension.id, index);
      const customer = summaryOf(wave.customers, customers, dimension.id, index);
      const hasEmployees = (wave.employees.dimensions[dimension.id]?.n ?? 0) > 0;
      const hasCustomers = (wave.customers.dimensions[dimension.id]?.n ?? 0) > 0;
      const entry: TrendWaveDimension = {
        id: dimension.id,
        label: dimension.label[language],
        employee: { score: employee?.mean ?? null, n: employee?.n ?? null },
        customer: { score: customer?.mean ?? null, n: customer?.n ?? null },
        gap: null,
        p: null,
        status: hasEmployees && hasCustomers ? "suppressed" : "not-computable",
      };
      if (employee && customer) {
        entry.gap = employee.mean - customer.mean;
        entry.p = gapTestP(employee, customer, confidence);
        entry.status = gapStatus(entry.gap, entry.p, thresholds.gapThreshold, thresholds.alpha);
        gaps.push(entry.gap);
        weights.push(dimension.weight);
      }
      entries.push(entry);
    }
    const enpsShown = employees.recommendationShown[index] && countTotal(wave.employees.recommendation) > 0;
    const npsShown = customers.recommendationShown[index] && countTotal(wave.customers.recommendation) > 0;
    return {
      wave: wave.wave,
      employees: {
        n: employees.respondentsShown[index] ? wave.employees.n : null,
        enps: enpsShown ? npsInterval(wave.employees.recommendation, confidence) : null,
      },
      customers: {
        n: customers.respondentsShown[index] ? wave.customers.n : null,
        nps: npsShown ? npsInterval(wave.customers.recommendation, confidence) : null,
      },
      symmetryIndex: gaps.length > 0 ? symmetryIndex(gaps, weights) : null,
      ...headlineOf(entries),
      dimensions: entries,
      units: units[index],
    };
  });

  const position = new Map(labels.map((label, index) => [label, index]));
  const pairs = options.pairs ?? labels.slice(1).map((to, index) => ({ from: labels[index], to }));
  const changes = pairs.map(({ from, to }): TrendChange => {
    for (const wave of [from, to]) {
      if (!position.has(wave))
        throw new SymError("invalid-argument", `the wave ${JSON.stringify(wave)} is not in the data; waves found: ${listWaves(labels)}`, {
          value: wave,
        });
    }
    const a = position.get(from)!;
    const b = position.get(to)!;
    const npsIfShown = (side: Side, counts: (index: number) => RecommendationCounts) =>
      side.recommendationShown[a] && side.recommendationShown[b] && countTotal(counts(a)) > 0 && countTotal(counts(b)) > 0
        ? npsChange(counts(a), counts(b))
        : null;
    return {
      from,
      to,
      enps: npsIfShown(employees, (index) => waves[index].employees.recommendation),
      nps: npsIfShown(customers, (index) => waves[index].customers.recommendation),
      dimensions: dimensions.map((dimension): TrendDimensionChange => {
        const id = dimension.id;
        const e1 = summaryOf(waves[a].employees, employees, id, a);
        const c1 = summaryOf(waves[a].customers, customers, id, a);
        const e2 = summaryOf(waves[b].employees, employees, id, b);
        const c2 = summaryOf(waves[b].customers, customers, id, b);
        const scoreDelta = (first: SampleSummary | null, second: SampleSummary | null): TrendScoreChange | null => {
          if (!first || !second) return null;
          const change = unlessUndefined(() => scoreChange(first, second, confidence));
          return change && { change: change.change, low: change.low, high: change.high, p: change.p };
        };
        const test =
          e1 && c1 && e2 && c2
            ? unlessUndefined(() =>
                gapChange({ employeesFrom: e1, customersFrom: c1, employeesTo: e2, customersTo: c2 }, confidence, thresholds.alpha),
              )
            : null;
        const statusFrom = trendWaves[a].dimensions.find((entry) => entry.id === id)!;
        const statusTo = trendWaves[b].dimensions.find((entry) => entry.id === id)!;
        return {
          id,
          label: dimension.label[language],
          gapFrom: statusFrom.gap,
          gapTo: statusTo.gap,
          gapChange: test?.gapChange ?? (statusFrom.gap !== null && statusTo.gap !== null ? statusTo.gap - statusFrom.gap : null),
          low: test?.low ?? null,
          high: test?.high ?? null,
          p: test?.p ?? null,
          df: test?.degreesOfFreedom ?? null,
          status: test?.status ?? "not-computable",
          closed: statusFrom.status === "alert" && statusTo.status !== "alert" && test?.status === "narrowed",
          employeeChange: scoreDelta(e1, e2),
          customerChange: scoreDelta(c1, c2),
        };
      }),
    };
  });

  return { waves: trendWaves, changes, minGroupSize: threshold };
}

/**
 * Per-wave populations from unit aggregates per wave (`PopulationAggregate.waves`, what the API
 * receives): each wave's total is the merge of its units (respondents without a unit are not in
 * these aggregates, so a source with a unit on every row gives the same figures as its rows).
 */
export function wavePopulationsFromUnits(aggregate: Pick<PopulationAggregate, "waves">): Map<string, WavePopulation> {
  const result = new Map<string, WavePopulation>();
  for (const [wave, units] of Object.entries(aggregate.waves ?? {})) {
    result.set(wave, { ...mergeGroupAggregates(Object.values(units)), units });
  }
  return result;
}
