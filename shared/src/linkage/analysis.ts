import { SymError } from "../errors";
import { benjaminiHochberg, correlationTest } from "../correlation/correlation";
import { welchGapTest } from "../gap/welch";
import { summarise } from "../_lib/summary";
import { COST_RATIO_PRESETS } from "../turnover/turnover";
import { drawResampleCounts } from "../random/replicateGenerator";
import { buildAnalysisTable, type AnalysisTable } from "./table";
import { completeRows, WeightedColumns } from "./weightedColumns";
import { relativeWeights, splitCorrelations } from "./relativeWeights";
import { simpleRegression } from "./regression";
import { bootstrapTailSize, mergeSeriesSummaries, summariseSeries, summaryInterval, type SeriesSummary } from "./bootstrapSummary";
import { checkLinkageLimits, DEFAULT_LINKAGE_LIMITS, type LinkageLimits } from "./limits";
import {
  LinkageRequestSchema,
  type CorrelationRow,
  type DriverRow,
  type LinkageRequest,
  type LinkageResult,
  type ParsedLinkageRequest,
  type QuartileRow,
  type TurnoverLinkage,
} from "./schemas";

/**
 * Cross-unit linkage (docs/domain.md#correlation): correlations of employee metrics with outcomes (Pearson,
 * Spearman, Fisher-z CI, p, Benjamini–Hochberg q, percentile bootstrap over units), quartile
 * comparison (as in Gallup's Q12 meta-analyses), key drivers by relative weights, and the money
 * value of eNPS through turnover. The bootstrap runs in chunks of replicates that any worker can
 * compute and any order can merge: same seed, same numbers, however the job is split.
 */

interface CorrelationGroup {
  readonly columns: WeightedColumns;
  readonly pairs: { readonly index: number; readonly xColumn: number; readonly yColumn: number }[];
  /** The same pairs by x column, so each replicate reads an x column once for all its outcomes. */
  readonly byX: { readonly xColumn: number; readonly yColumns: Int32Array; readonly pairIndices: Int32Array }[];
}

function pairsByX(pairs: CorrelationGroup["pairs"]): CorrelationGroup["byX"] {
  const xColumns = [...new Set(pairs.map((pair) => pair.xColumn))];
  return xColumns.map((xColumn) => {
    const own = pairs.filter((pair) => pair.xColumn === xColumn);
    return { xColumn, yColumns: Int32Array.from(own, (pair) => pair.yColumn), pairIndices: Int32Array.from(own, (pair) => pair.index) };
  });
}

interface DriverPlan {
  readonly y: string;
  readonly predictors: string[];
  readonly columns: WeightedColumns;
  /** Point estimates on the units themselves (every count 1). */
  readonly weights: number[];
  readonly rSquared: number;
}

export interface LinkagePlan {
  readonly request: ParsedLinkageRequest;
  readonly table: AnalysisTable;
  readonly pairs: { readonly x: string; readonly y: string; readonly rows: Int32Array }[];
  readonly groups: CorrelationGroup[];
  readonly drivers: DriverPlan[];
  /** Turnover money, computed with the plan so that a bad request fails before any replicate. */
  readonly turnover: { readonly result: TurnoverLinkage | null; readonly skipped?: string };
}

/** Bootstrap replicates [from, to) of a plan: per series, one value per replicate (null = undefined). */
export interface BootstrapChunk {
  from: number;
  to: number;
  /** Series are method-major: index = methodIndex × pairs + pairIndex. */
  correlations: (number | null)[][];
  /** Driver series: outcome-major shares of R², index = outcomeIndex × predictors + predictorIndex. */
  drivers: (number | null)[][];
}

function checkDistinctNames(names: readonly string[], field: string): void {
  const duplicate = names.find((name, index) => names.indexOf(name) !== index);
  if (duplicate !== undefined)
    throw new SymError("invalid-argument", `linkage request lists "${duplicate}" twice in ${field}`, { value: duplicate });
}

/** True when every value is the same number (exactly: rounding must not make a constant vary). */
function isConstant(values: Float64Array): boolean {
  return values.every((value) => value === values[0]);
}

/**
 * Checks what every correlation needs before any replicate runs: at least four units with both
 * metrics (the Fisher interval needs n > 3) and metrics that vary across them.
 */
function checkPair(table: AnalysisTable, pair: { x: string; y: string; rows: Int32Array }): void {
  const context = `correlation of "${pair.x}" with "${pair.y}"`;
  if (pair.rows.length < 4) {
    const excluded =
      table.excluded > 0 ? `; ${table.excluded} unit${table.excluded === 1 ? " is" : "s are"} under the confidentiality threshold` : "";
    throw new SymError("too-few-values", `${context} requires at least 4 units with both metrics, got ${pair.rows.length}${excluded}`, {
      value: pair.rows.length,
    });
  }
  for (const [name, column] of [
    [pair.x, table.x[pair.x]],
    [pair.y, table.y[pair.y]],
  ] as const) {
    const values = pick(column, pair.rows);
    if (isConstant(values)) {
      throw new SymError(
        "zero-variance",
        `${context} requires metrics that vary across units; "${name}" is ${values[0]} in all ${values.length} units`,
        {
          value: name,
        },
      );
    }
  }
}

/**
 * Validates a request and prepares everything the replicates need. Every input error (unknown
 * metric, too few units, constant column, drivers under their minimum) is thrown here, before a
 * job fans out, and so is a request over `limits` (limits.ts).
 *
 * @throws invalid-argument, too-few-values, zero-variance or limit-exceeded, with a message naming the field or metric
 */
export function planLinkage(input: LinkageRequest | ParsedLinkageRequest, limits: LinkageLimits = DEFAULT_LINKAGE_LIMITS): LinkagePlan {
  const parsed = LinkageRequestSchema.safeParse(input);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    throw new SymError("invalid-argument", `linkage request is invalid at ${issue.path.join(".") || "(root)"}: ${issue.message}`, {
      value: issue.path.join("."),
    });
  }
  const request = parsed.data;
  checkLinkageLimits(request, limits);
  checkDistinctNames(request.x, "x");
  checkDistinctNames(request.y, "y");
  checkDistinctNames(request.methods, "methods");
  if (request.drivers?.predictors) checkDistinctNames(request.drivers.predictors, "drivers.predictors");
  const table = buildAnalysisTable(request);
  const pairs = request.x.flatMap((x) => request.y.map((y) => ({ x, y, rows: completeRows([table.x[x], table.y[y]], table.rows) })));
  for (const pair of pairs) checkPair(table, pair);
  // Pairs with the same complete rows share their prepared columns in every replicate.
  const groupsByRows = new Map<string, { rows: Int32Array; columnNames: string[]; pairs: CorrelationGroup["pairs"] }>();
  pairs.forEach((pair, index) => {
    const key = pair.rows.join(",");
    let group = groupsByRows.get(key);
    if (!group) {
      group = { rows: pair.rows, columnNames: [], pairs: [] };
      groupsByRows.set(key, group);
    }
    const columnOf = (name: string) => {
      let position = group!.columnNames.indexOf(name);
      if (position < 0) position = group!.columnNames.push(name) - 1;
      return position;
    };
    group.pairs.push({ index, xColumn: columnOf(`x:${pair.x}`), yColumn: columnOf(`y:${pair.y}`) });
  });
  const columnData = (name: string) => (name.startsWith("x:") ? table.x[name.slice(2)] : table.y[name.slice(2)]);
  const groups = [...groupsByRows.values()].map((group) => ({
    columns: new WeightedColumns(group.rows, group.columnNames.map(columnData)),
    pairs: group.pairs,
    byX: pairsByX(group.pairs),
  }));
  const drivers = planDrivers(request, table);
  return { request, table, pairs, groups, drivers, turnover: turnoverLinkage(request, table) };
}

function correlationMatrix(columns: WeightedColumns): number[][] {
  const size = columns.columnCount;
  return Array.from({ length: size }, (_, i) => Array.from({ length: size }, (_, j) => (i === j ? 1 : columns.correlation(i, j))));
}

function planDrivers(request: ParsedLinkageRequest, table: AnalysisTable): DriverPlan[] {
  if (!request.drivers) return [];
  const predictors = request.drivers.predictors ?? request.x;
  if (predictors.length < 2) throw new SymError("invalid-argument", "key drivers require at least two employee metrics");
  return request.y.map((y) => {
    const names = [...predictors, y];
    const data = [...predictors.map((name) => table.x[name]), table.y[y]];
    const rows = completeRows(data, table.rows);
    if (rows.length < request.drivers!.minUnits) {
      throw new SymError(
        "too-few-values",
        `key drivers require at least ${request.drivers!.minUnits} units with every metric for "${y}", got ${rows.length}`,
        { value: rows.length },
      );
    }
    const constant = names.find((_, index) => isConstant(pick(data[index], rows)));
    if (constant !== undefined)
      throw new SymError("zero-variance", `key drivers require metrics that vary across units; "${constant}" is constant`, {
        value: constant,
      });
    const columns = new WeightedColumns(rows, data);
    columns.loadCounts(new Uint32Array(table.rows).fill(1));
    columns.centre(false);
    const { predictors: predictorCorrelations, outcome } = splitCorrelations(correlationMatrix(columns));
    let estimate: { weights: number[]; rSquared: number };
    try {
      estimate = relativeWeights(predictorCorrelations, outcome);
    } catch (error) {
      if (error instanceof SymError) {
        throw new SymError(error.code, `key drivers of "${y}": ${error.message} (${predictors.join(", ")})`, { value: predictors });
      }
      throw error;
    }
    return { y, predictors, columns, weights: estimate.weights, rSquared: estimate.rSquared };
  });
}

function driverShares(plan: DriverPlan, counts: ArrayLike<number>): number[] {
  const total = plan.columns.loadCounts(counts);
  plan.columns.centre(false, total);
  const matrix = correlationMatrix(plan.columns);
  if (matrix.some((row) => row.some((value) => !Number.isFinite(value)))) return plan.predictors.map(() => Number.NaN);
  try {
    const { predictors, outcome } = splitCorrelations(matrix);
    const { weights, rSquared } = relativeWeights(predictors, outcome);
    return weights.map((weight) => weight / rSquared);
  } catch {
    return plan.predictors.map(() => Number.NaN); // a resample with collinear predictors has no weights
  }
}

/** Computes bootstrap replicates [from, to) of a plan. */
export function bootstrapChunk(plan: LinkagePlan, from: number, to: number): BootstrapChunk {
  const { methods, seed, bootstrap } = plan.request;
  if (!Number.isInteger(from) || !Number.isInteger(to) || from < 0 || to < from || to > bootstrap) {
    throw new SymError("invalid-argument", `bootstrapChunk requires whole replicates 0 ≤ from ≤ to ≤ ${bootstrap}, got ${from}–${to}`, {
      value: [from, to],
    });
  }
  const length = to - from;
  // Replicate-major typed buffers while computing (each replicate writes one contiguous row; NaN =
  // undefined), series of JSON-friendly nulls only in the returned chunk.
  const pairCount = plan.pairs.length;
  const seriesCount = methods.length * pairCount;
  const driverCount = plan.drivers.reduce((sum, driver) => sum + driver.predictors.length, 0);
  const correlationValues = new Float64Array(length * seriesCount).fill(Number.NaN);
  const driverValues = new Float64Array(length * driverCount).fill(Number.NaN);
  const counts = new Uint32Array(plan.table.rows);
  const replicateValues = new Float64Array(Math.max(1, ...plan.groups.flatMap((group) => group.byX.map((entry) => entry.yColumns.length))));
  for (let replicate = from; replicate < to; replicate++) {
    const row = (replicate - from) * seriesCount;
    drawResampleCounts(seed, replicate, counts);
    for (const group of plan.groups) {
      const total = group.columns.loadCounts(counts);
      if (total < 4) continue;
      for (let methodIndex = 0; methodIndex < methods.length; methodIndex++) {
        group.columns.centre(methods[methodIndex] === "spearman", total);
        for (const { xColumn, yColumns, pairIndices } of group.byX) {
          group.columns.correlations(xColumn, yColumns, replicateValues);
          for (let k = 0; k < pairIndices.length; k++)
            correlationValues[row + methodIndex * pairCount + pairIndices[k]] = replicateValues[k];
        }
      }
    }
    let series = (replicate - from) * driverCount;
    for (const driver of plan.drivers) {
      for (const share of driverShares(driver, counts)) driverValues[series++] = share;
    }
  }
  const seriesOf = (values: Float64Array, count: number) =>
    Array.from({ length: count }, (_, series) => {
      const out = new Array<number | null>(length);
      for (let offset = 0; offset < length; offset++) {
        const value = values[offset * count + series];
        out[offset] = Number.isFinite(value) ? value : null;
      }
      return out;
    });
  return { from, to, correlations: seriesOf(correlationValues, seriesCount), drivers: seriesOf(driverValues, driverCount) };
}

/** Splits B replicates into chunks of at most `size` (the job's fan-out). */
export function bootstrapRanges(replicates: number, size: number): { from: number; to: number }[] {
  if (!Number.isInteger(size) || size < 1)
    throw new SymError("invalid-argument", `bootstrapRanges requires a chunk size of 1 or more, got ${size}`, { value: size });
  if (!Number.isInteger(replicates) || replicates < 0)
    throw new SymError("invalid-argument", `bootstrapRanges requires a whole number of replicates, got ${replicates}`, {
      value: replicates,
    });
  const ranges: { from: number; to: number }[] = [];
  for (let from = 0; from < replicates; from += size) ranges.push({ from, to: Math.min(replicates, from + size) });
  return ranges;
}

/**
 * What a chunk of replicates contributes to the intervals (bootstrapSummary.ts): per series, the
 * count of finite replicates and the few order statistics at each end the percentiles can read.
 * Summaries of any split of [0, B) merge into the same intervals as the replicates themselves.
 */
export interface BootstrapChunkSummary {
  from: number;
  to: number;
  /** Same series order as BootstrapChunk.correlations. */
  correlations: SeriesSummary[];
  /** Same series order as BootstrapChunk.drivers. */
  drivers: SeriesSummary[];
}

function seriesCounts(plan: LinkagePlan): { correlations: number; drivers: number } {
  return {
    correlations: plan.request.methods.length * plan.pairs.length,
    drivers: plan.drivers.reduce((sum, driver) => sum + driver.predictors.length, 0),
  };
}

/** Summarises a computed chunk for merging (its raw replicates are then no longer needed). */
export function summariseBootstrapChunk(plan: LinkagePlan, chunk: BootstrapChunk): BootstrapChunkSummary {
  const tail = bootstrapTailSize(plan.request.bootstrap, plan.request.confidence);
  return {
    from: chunk.from,
    to: chunk.to,
    correlations: chunk.correlations.map((series) => summariseSeries(series, tail)),
    drivers: chunk.drivers.map((series) => summariseSeries(series, tail)),
  };
}

/**
 * Folds chunk summaries, in any order and one at a time, into the linkage result. Its memory is
 * the summaries' (series × 2 × bootstrapTailSize numbers), not the B replicates of every series.
 * A range seen twice (a redelivered chunk) is counted once; overlapping ranges, a summary of
 * another plan, or missing replicates at the end are refused.
 */
export class BootstrapMerge {
  private readonly tail: number;
  private readonly counts: { correlations: number; drivers: number };
  private readonly ranges = new Map<number, number>();
  private correlations: SeriesSummary[];
  private drivers: SeriesSummary[];

  constructor(private readonly plan: LinkagePlan) {
    this.tail = bootstrapTailSize(plan.request.bootstrap, plan.request.confidence);
    this.counts = seriesCounts(plan);
    const empty = (): SeriesSummary => ({ count: 0, smallest: [], largest: [] });
    this.correlations = Array.from({ length: this.counts.correlations }, empty);
    this.drivers = Array.from({ length: this.counts.drivers }, empty);
  }

  /** Adds one chunk's summary; returns false when that range was already added. */
  add(summary: BootstrapChunkSummary): boolean {
    const { from, to } = summary;
    if (!Number.isInteger(from) || !Number.isInteger(to) || from < 0 || to <= from || to > this.plan.request.bootstrap) {
      throw new SymError(
        "invalid-argument",
        `bootstrap chunk ${from}–${to} is outside the ${this.plan.request.bootstrap} replicates of this linkage`,
      );
    }
    if (this.ranges.get(from) === to) return false; // a queue delivers at least once
    for (const [start, end] of this.ranges) {
      if (from < end && start < to) throw new SymError("invalid-argument", `bootstrap chunk ${from}–${to} overlaps chunk ${start}–${end}`);
    }
    const length = to - from;
    const shaped = (series: SeriesSummary[], count: number) =>
      series.length === count && series.every((one) => one.count <= length && one.smallest.length + one.largest.length <= one.count);
    if (!shaped(summary.correlations, this.counts.correlations) || !shaped(summary.drivers, this.counts.drivers)) {
      throw new SymError("shape-mismatch", `bootstrap chunk ${from}–${to} does not match this linkage (another request or plan?)`);
    }
    this.correlations = this.correlations.map((merged, index) => mergeSeriesSummaries(merged, summary.correlations[index], this.tail));
    this.drivers = this.drivers.map((merged, index) => mergeSeriesSummaries(merged, summary.drivers[index], this.tail));
    this.ranges.set(from, to);
    return true;
  }

  /** The linkage result, once the chunks cover every replicate. */
  complete(): LinkageResult {
    const covered = [...this.ranges].reduce((sum, [from, to]) => sum + (to - from), 0);
    if (covered !== this.plan.request.bootstrap) {
      const sorted = [...this.ranges].sort((a, b) => a[0] - b[0]);
      let expected = 0;
      for (const [from, to] of sorted) {
        if (from !== expected) throw new SymError("invalid-argument", `bootstrap chunks do not cover replicates ${expected}–${from - 1}`);
        expected = to;
      }
      throw new SymError("invalid-argument", `bootstrap chunks cover ${covered} of ${this.plan.request.bootstrap} replicates`);
    }
    return linkageResult(this.plan, this.correlations, this.drivers);
  }
}

function pick(column: Float64Array, rows: Int32Array): Float64Array {
  const values = new Float64Array(rows.length);
  for (let k = 0; k < rows.length; k++) values[k] = column[rows[k]];
  return values;
}

function correlationRows(plan: LinkagePlan, replicates: readonly SeriesSummary[]): CorrelationRow[] {
  const { methods, confidence, bootstrap } = plan.request;
  return methods.flatMap((method, methodIndex) => {
    const tests = plan.pairs.map((pair) =>
      correlationTest(pick(plan.table.x[pair.x], pair.rows), pick(plan.table.y[pair.y], pair.rows), method, confidence),
    );
    const q = benjaminiHochberg(tests.map((test) => test.p));
    return tests.map((test, pairIndex) => {
      const interval = bootstrap > 0 ? summaryInterval(replicates[methodIndex * plan.pairs.length + pairIndex], confidence) : null;
      return {
        x: plan.pairs[pairIndex].x,
        y: plan.pairs[pairIndex].y,
        method,
        ...test,
        q: q[pairIndex],
        bootLow: interval && Number.isFinite(interval.low) ? interval.low : null,
        bootHigh: interval && Number.isFinite(interval.high) ? interval.high : null,
      };
    });
  });
}

/**
 * Top versus bottom quartile of units by x (Harter, Schmidt & Hayes 2002 style): mean outcome in
 * each, difference and its Welch CI. Quartiles hold ⌊n/4⌋ units each; ties in x are broken by
 * the table's (wave, unit) order, so the split does not depend on the input order.
 */
function quartileRows(plan: LinkagePlan): QuartileRow[] {
  const { table, request } = plan;
  return plan.pairs.flatMap((pair) => {
    const size = Math.floor(pair.rows.length / 4);
    if (size < 2) return [];
    const x = table.x[pair.x];
    const ordered = [...pair.rows].sort((a, b) => x[a] - x[b] || a - b);
    const y = table.y[pair.y];
    const bottom = summarise(ordered.slice(0, size).map((row) => y[row]));
    const top = summarise(ordered.slice(-size).map((row) => y[row]));
    let test: { low: number; high: number; p: number } | null = null;
    try {
      test = welchGapTest(top, bottom, request.confidence);
    } catch {
      test = null; // both quartiles constant: the difference stands without an interval
    }
    return [
      {
        x: pair.x,
        y: pair.y,
        unitsPerQuartile: size,
        top: top.mean,
        bottom: bottom.mean,
        difference: top.mean - bottom.mean,
        low: test?.low ?? null,
        high: test?.high ?? null,
        p: test?.p ?? null,
      },
    ];
  });
}

function driverRows(plan: LinkagePlan, replicates: readonly SeriesSummary[]): DriverRow[] {
  let series = 0;
  return plan.drivers.flatMap((driver) =>
    driver.predictors.map((id, index) => {
      const interval = plan.request.bootstrap > 0 ? summaryInterval(replicates[series++], plan.request.confidence) : null;
      return {
        y: driver.y,
        id,
        weight: driver.weights[index],
        share: driver.weights[index] / driver.rSquared,
        low: interval && Number.isFinite(interval.low) ? interval.low : null,
        high: interval && Number.isFinite(interval.high) ? interval.high : null,
        rSquared: driver.rSquared,
        n: driver.columns.rows.length,
      };
    }),
  );
}

/**
 * Turnover money (docs/domain.md#turnover-linkage): OLS of unit turnover rate (leavers / average headcount) on the unit
 * metric; +Δ points avoid −slope·Δ·headcount leavers, each costing salary × cost ratio.
 */
function turnoverLinkage(request: ParsedLinkageRequest, table: AnalysisTable): { result: TurnoverLinkage | null; skipped?: string } {
  const options = request.turnover;
  if (!options) return { result: null };
  const x = table.x[options.x];
  // Plain arrays: mapping an Int32Array would truncate the rates to integers.
  const rows = Array.from(completeRows([x, table.headcount, table.leavers, table.salary], table.rows)).filter(
    (row) => table.headcount[row] > 0,
  );
  if (rows.length < 3) {
    return { result: null, skipped: `turnover linkage requires headcount, leavers and salary for at least 3 units, got ${rows.length}` };
  }
  const rates = rows.map((row) => table.leavers[row] / table.headcount[row]);
  const xs = rows.map((row) => x[row]);
  if (xs.every((value) => value === xs[0])) {
    return { result: null, skipped: `turnover linkage requires "${options.x}" to vary across units; it is ${xs[0]} in all ${rows.length}` };
  }
  const regression = simpleRegression(xs, rates, request.confidence);
  const headcount = rows.reduce((sum, row) => sum + table.headcount[row], 0);
  const meanSalary = rows.reduce((sum, row) => sum + table.salary[row] * table.headcount[row], 0) / headcount;
  const leaversPerPoint = -regression.slope * headcount;
  const valueAt = (ratio: number) => leaversPerPoint * meanSalary * ratio;
  return {
    result: {
      x: options.x,
      n: regression.n,
      slope: regression.slope,
      intercept: regression.intercept,
      low: regression.low,
      high: regression.high,
      p: regression.p,
      headcount,
      meanSalary,
      costRatio: options.costRatio,
      deltaPoints: options.deltaPoints,
      avoidedLeavers: leaversPerPoint * options.deltaPoints,
      valuePerPoint: valueAt(options.costRatio),
      valueOfDelta: valueAt(options.costRatio) * options.deltaPoints,
      presets: COST_RATIO_PRESETS.map((preset) => ({
        id: preset.id,
        costRatio: preset.ratio,
        valuePerPoint: valueAt(preset.ratio),
        valueOfDelta: valueAt(preset.ratio) * options.deltaPoints,
      })),
    },
  };
}

function linkageResult(plan: LinkagePlan, correlations: readonly SeriesSummary[], drivers: readonly SeriesSummary[]): LinkageResult {
  const { turnover } = plan;
  return {
    units: plan.table.units,
    excluded: plan.table.excluded,
    observations: plan.table.rows,
    lag: plan.request.lag,
    bootstrap: plan.request.bootstrap,
    seed: plan.request.seed,
    correlations: correlationRows(plan, correlations),
    quartiles: quartileRows(plan),
    drivers: driverRows(plan, drivers),
    turnover: turnover.result,
    ...(turnover.skipped ? { turnoverSkipped: turnover.skipped } : {}),
  };
}

/** Completes a linkage from its plan and every bootstrap chunk (in any order; a range given twice counts once). */
export function completeLinkage(plan: LinkagePlan, chunks: readonly BootstrapChunk[]): LinkageResult {
  const merge = new BootstrapMerge(plan);
  for (const chunk of chunks) {
    const { correlations, drivers } = seriesCounts(plan);
    const length = chunk.to - chunk.from;
    const shaped = (series: (number | null)[][], count: number) =>
      series.length === count && series.every((values) => values.length === length);
    if (!shaped(chunk.correlations, correlations) || !shaped(chunk.drivers, drivers)) {
      throw new SymError(
        "shape-mismatch",
        `bootstrap chunk ${chunk.from}–${chunk.to} does not match this linkage (another request or plan?)`,
      );
    }
    if (length > 0) merge.add(summariseBootstrapChunk(plan, chunk));
  }
  return merge.complete();
}

/** Runs a whole linkage in this thread. */
export function runLinkage(input: LinkageRequest): LinkageResult {
  const plan = planLinkage(input);
  return completeLinkage(plan, [bootstrapChunk(plan, 0, plan.request.bootstrap)]);
}
