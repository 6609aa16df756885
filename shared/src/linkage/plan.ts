import { SymError } from "../errors";
import { buildAnalysisTable, type AnalysisTable } from "./table";
import { completeRows, WeightedColumns } from "./weightedColumns";
import { relativeWeights, splitCorrelations } from "./relativeWeights";
import { checkLinkageLimits, DEFAULT_LINKAGE_LIMITS, type LinkageLimits } from "./limits";
import { LinkageRequestSchema, type LinkageRequest, type ParsedLinkageRequest, type TurnoverLinkage } from "./schemas";
import { turnoverLinkage } from "./turnover";

/**
 * The linkage plan (docs/domain.md#correlation): the request validated, the unit table built, the
 * correlation pairs grouped by their complete rows and the key-driver point estimates, so that
 * every input error is thrown before any bootstrap replicate runs.
 */

export interface CorrelationGroup {
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

export interface DriverPlan {
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

function checkDistinctNames(names: readonly string[], field: string): void {
  const duplicate = names.find((name, index) => names.indexOf(name) !== index);
  if (duplicate !== undefined)
    throw new SymError("invalid-argument", `linkage request lists "${duplicate}" twice in ${field}`, { value: duplicate });
}

/** True when every value is the same number (exactly: rounding must not make a constant vary). */
export function isConstant(values: Float64Array): boolean {
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

/** The Pearson correlation matrix of prepared columns (1 on the diagonal). */
export function correlationMatrix(columns: WeightedColumns): number[][] {
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

/** The values of a column at the given rows. */
export function pick(column: Float64Array, rows: Int32Array): Float64Array {
  const values = new Float64Array(rows.length);
  for (let k = 0; k < rows.length; k++) values[k] = column[rows[k]];
  return values;
}
