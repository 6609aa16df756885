import { SymError } from "../errors";
import { checkConfidence } from "../_lib/distributions";
import type { SampleSummary } from "../_lib/summary";
import type { GroupAggregate, PopulationAggregate } from "../barometer/aggregate";
import { mergeGroupAggregates } from "../barometer/aggregate";
import type { Language, Model, Thresholds } from "../model/schemas";
import { countTotal, netPromoterScore, npsInterval, type NpsInterval, type RecommendationCounts } from "../nps/nps";
import { welchGapTest } from "../gap/welch";
import { gapStatus } from "../gap/status";
import { symmetryIndex } from "../gap/symmetryIndex";
import { headlineOf } from "../gap/headline";
import { jointSuppression } from "../privacy/jointSuppression";
import { gapChange, npsChange, scoreChange, type GapChangeStatus, type NpsChange } from "./change";
import { listWaves } from "./waveOrder";

/** One population in one wave: the total, and its units when the source has a unit column. */
export interface WavePopulation {
  readonly n: number;
  readonly recommendation: RecommendationCounts;
  readonly dimensions: Readonly<Record<string, SampleSummary>>;
  readonly units?: Readonly<Record<string, GroupAggregate>>;
}

export interface WaveInput {
  readonly wave: string;
  readonly employees: WavePopulation;
  readonly customers: WavePopulation;
}

export interface TrendOptions {
  readonly model: Model;
  readonly language?: Language;
  readonly thresholds?: Partial<Thresholds>;
  /** Level of the intervals (0.95). */
  readonly confidence?: number;
  /** Waves to compare; default: each wave with the next. */
  readonly pairs?: readonly { from: string; to: string }[];
}

/** Gap status of a wave: the barometer's, or not computable when one side has no scores at all. */
export type TrendGapStatus = "alert" | "watch" | "ok" | "suppressed" | "not-computable";

export interface TrendScore {
  /** Null when hidden (fewer than the threshold, or complementary across waves) or absent. */
  score: number | null;
  /** Null when hidden: the exact count of a hidden group is a figure too. */
  n: number | null;
}

export interface TrendWaveDimension {
  id: string;
  label: string;
  employee: TrendScore;
  customer: TrendScore;
  gap: number | null;
  p: number | null;
  status: TrendGapStatus;
}

export interface TrendUnit {
  unit: string;
  n: number | null;
  enps: number | null;
  suppressed: boolean;
}

export interface TrendWave {
  wave: string;
  employees: { n: number | null; enps: NpsInterval | null };
  customers: { n: number | null; nps: NpsInterval | null };
  symmetryIndex: number | null;
  /** Headline next to the index: dimensions on alert and the largest gap. */
  alerts: number;
  largestGap: { id: string; gap: number } | null;
  dimensions: TrendWaveDimension[];
  /** eNPS by unit in this wave, hidden across units and across waves. */
  units: TrendUnit[];
}

export type TrendChangeStatus = GapChangeStatus | "not-computable";

export interface TrendScoreChange {
  change: number;
  low: number;
  high: number;
  p: number;
}

export interface TrendDimensionChange {
  id: string;
  label: string;
  gapFrom: number | null;
  gapTo: number | null;
  gapChange: number | null;
  low: number | null;
  high: number | null;
  p: number | null;
  df: number | null;
  status: TrendChangeStatus;
  /** An alert of the first wave that is no longer one and narrowed (docs/domain.md#gap-change-status). */
  closed: boolean;
  employeeChange: TrendScoreChange | null;
  customerChange: TrendScoreChange | null;
}

export interface TrendChange {
  from: string;
  to: string;
  enps: NpsChange | null;
  nps: NpsChange | null;
  dimensions: TrendDimensionChange[];
}

export interface Trend {
  waves: TrendWave[];
  changes: TrendChange[];
  minGroupSize: number;
}

interface Side {
  /** shown[wave] per dimension id, after suppression across waves. */
  readonly shown: Map<string, boolean[]>;
  readonly recommendationShown: boolean[];
  readonly respondentsShown: boolean[];
}

/**
 * Which waves may show a figure whose count per wave is `counts`: each wave must reach the
 * threshold, and since the pooled barometer shows the total over the waves, a hidden wave must
 * not be recoverable as pooled − the other waves (docs/domain.md#joint-suppression:
 * two waves of the same group); `jointSuppression` takes the cover.
 */
function wavesShown(counts: readonly number[], threshold: number): boolean[] {
  const { hidden } = jointSuppression(counts, [{ groupOf: counts.map((_, wave) => wave), groupCount: counts.length }], threshold);
  return hidden[0].map((isHidden, wave) => !isHidden && counts[wave] > 0);
}

/** A population's figures across waves: each dimension, the recommendation answers and the respondents. */
function sideVisibility(populations: readonly WavePopulation[], dimensions: readonly string[], threshold: number): Side {
  const shown = new Map<string, boolean[]>();
  for (const id of dimensions)
    shown.set(
      id,
      wavesShown(
        populations.map((population) => population.dimensions[id]?.n ?? 0),
        threshold,
      ),
    );
  return {
    shown,
    recommendationShown: wavesShown(
      populations.map((population) => countTotal(population.recommendation)),
      threshold,
    ),
    respondentsShown: wavesShown(
      populations.map((population) => population.n),
      threshold,
    ),
  };
}

/**
 * eNPS by unit and wave. Shown together with each wave's total (here) and each unit's pooled
 * eNPS (the barometer), so the cells (unit × wave) are suppressed jointly with both groupings.
 */
function unitsByWave(waves: readonly WaveInput[], threshold: number): TrendUnit[][] {
  const names = [...new Set(waves.flatMap((wave) => Object.keys(wave.employees.units ?? {})))].sort((a, b) => a.localeCompare(b));
  if (names.length === 0) return waves.map(() => []);
  const width = waves.length;
  const answers = (name: string, column: number) =>
    countTotal(waves[column].employees.units?.[name]?.recommendation ?? { promoters: 0, passives: 0, detractors: 0 });
  const counts = names.flatMap((name) => waves.map((_, column) => answers(name, column)));
  const cells = counts.map((_, cell) => cell);
  const { hidden } = jointSuppression(
    counts,
    [
      { groupOf: cells, groupCount: cells.length },
      { groupOf: cells.map((cell) => cell % width), groupCount: width },
      { groupOf: cells.map((cell) => Math.floor(cell / width)), groupCount: names.length },
    ],
    threshold,
  );
  return waves.map((wave, column) =>
    names.flatMap((name, row) => {
      const group = wave.employees.units?.[name];
      if (!group) return [];
      const cell = row * width + column;
      const suppressed = hidden[0][cell];
      return [
        {
          unit: name,
          n: suppressed ? null : group.n,
          enps: suppressed || counts[cell] === 0 ? null : netPromoterScore(group.recommendation),
          suppressed,
        },
      ];
    }),
  );
}

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
