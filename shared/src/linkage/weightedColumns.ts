import { SymError } from "../errors";
import type { CorrelationMethod } from "../correlation/correlation";

/**
 * Columns of the complete-case rows of one analysis, prepared once so that each bootstrap
 * replicate is a few linear passes: the replicate is a vector of resample counts (how often each
 * unit was drawn), and Pearson or Spearman on the resample equals the count-weighted statistic
 * on the original units. Only the drawn units (about 63 % of them) are visited after
 * `loadCounts`, in compact typed arrays.
 *
 * Pearson: values are centred once on their full-sample mean, so the weighted sums of a
 * resample need no second pass (`Σw·a·b − W·ā·b̄` on nearly centred data loses no precision).
 * Spearman's average ranks of a resample follow from the distinct values, sorted once: the count
 * of each value is summed over the drawn units, then one pass over the sorted values gives the
 * rank of each (a value drawn g times after c earlier draws ranks c + (g+1)/2), stored centred on
 * the resample's mean rank (W+1)/2.
 */
export class WeightedColumns {
  readonly rows: Int32Array;
  /** Per row of `rows`, the count of the loaded replicate. */
  readonly weights: Float64Array;
  private readonly values: Float64Array[];
  /** Per column, the rank of each row's value among the column's distinct values (0-based). */
  private readonly valueIndex: Int32Array[];
  private readonly distinctCount: Int32Array;
  /** Scratch per distinct value: drawn count, then centred rank. */
  private readonly valueWeights: Float64Array;
  private readonly valueRanks: Float64Array;
  /** Per column, the drawn rows' values (or centred ranks) in drawn order. */
  private readonly drawnValues: Float64Array[];
  private readonly drawnWeights: Float64Array;
  private readonly drawnRows: Int32Array;
  private readonly means: Float64Array;
  private readonly sumsOfSquares: Float64Array;
  private drawnCount = 0;
  private totalWeight = 0;

  constructor(rows: Int32Array, columns: readonly Float64Array[]) {
    this.rows = rows;
    this.values = columns.map((column) => {
      const values = Float64Array.from(rows, (row) => column[row]);
      let mean = 0;
      for (let k = 0; k < values.length; k++) mean += values[k];
      mean /= values.length || 1;
      for (let k = 0; k < values.length; k++) values[k] -= mean;
      return values;
    });
    this.distinctCount = new Int32Array(columns.length);
    this.valueIndex = this.values.map((values, column) => {
      const order = Int32Array.from(values.keys()).sort((a, b) => values[a] - values[b] || a - b);
      const index = new Int32Array(values.length);
      let distinct = -1;
      for (let k = 0; k < order.length; k++) {
        if (k === 0 || values[order[k]] !== values[order[k - 1]]) distinct += 1;
        index[order[k]] = distinct;
      }
      this.distinctCount[column] = distinct + 1;
      return index;
    });
    this.valueWeights = new Float64Array(rows.length);
    this.valueRanks = new Float64Array(rows.length);
    this.weights = new Float64Array(rows.length);
    this.drawnValues = columns.map(() => new Float64Array(rows.length));
    this.drawnWeights = new Float64Array(rows.length);
    this.drawnRows = new Int32Array(rows.length);
    this.means = new Float64Array(columns.length);
    this.sumsOfSquares = new Float64Array(columns.length);
  }

  get columnCount(): number {
    return this.values.length;
  }

  /** Loads the replicate's counts (indexed by the table's rows); returns the total weight. */
  loadCounts(counts: ArrayLike<number>): number {
    let total = 0;
    let drawn = 0;
    const rows = this.rows;
    for (let k = 0; k < rows.length; k++) {
      const weight = counts[rows[k]];
      this.weights[k] = weight;
      if (weight > 0) {
        this.drawnWeights[drawn] = weight;
        this.drawnRows[drawn] = k;
        drawn += 1;
        total += weight;
      }
    }
    this.drawnCount = drawn;
    this.totalWeight = total;
    return total;
  }

  /**
   * Prepares every column (raw values or ranks) under the loaded weights: weighted mean and sum of
   * squared deviations. A column whose drawn values are all equal gets a sum of squares of exactly
   * 0, so its correlations are NaN rather than rounding noise.
   */
  centre(useRanks: boolean, totalWeight: number = this.totalWeight): void {
    if (totalWeight !== this.totalWeight)
      throw new SymError("invalid-argument", `WeightedColumns.centre got a total weight of ${totalWeight}, loaded ${this.totalWeight}`);
    for (let column = 0; column < this.values.length; column++) {
      if (useRanks) this.rankColumn(column);
      else this.gatherColumn(column);
    }
  }

  private gatherColumn(column: number): void {
    const values = this.values[column];
    const drawn = this.drawnValues[column];
    const weights = this.drawnWeights;
    const rows = this.drawnRows;
    const count = this.drawnCount;
    let sum = 0;
    let squares = 0;
    let lowest = Number.POSITIVE_INFINITY;
    let highest = Number.NEGATIVE_INFINITY;
    for (let j = 0; j < count; j++) {
      const value = values[rows[j]];
      const weighted = weights[j] * value;
      drawn[j] = value;
      sum += weighted;
      squares += weighted * value;
      if (value < lowest) lowest = value;
      if (value > highest) highest = value;
    }
    const mean = sum / this.totalWeight;
    this.means[column] = mean;
    this.sumsOfSquares[column] = lowest === highest ? 0 : Math.max(0, squares - sum * mean);
  }

  /** Weighted average ranks of a column, centred on (W+1)/2, in drawn order. */
  private rankColumn(column: number): void {
    const valueIndex = this.valueIndex[column];
    const distinct = this.distinctCount[column];
    const valueWeights = this.valueWeights;
    const valueRanks = this.valueRanks;
    const drawn = this.drawnValues[column];
    const weights = this.drawnWeights;
    const rows = this.drawnRows;
    const count = this.drawnCount;
    valueWeights.fill(0, 0, distinct);
    for (let j = 0; j < count; j++) valueWeights[valueIndex[rows[j]]] += weights[j];
    const centre = (this.totalWeight + 1) / 2;
    let drawnBefore = 0;
    let squares = 0;
    let drawnValues = 0;
    for (let value = 0; value < distinct; value++) {
      const weight = valueWeights[value];
      const rank = drawnBefore + (weight + 1) / 2 - centre; // unused when the value was not drawn
      valueRanks[value] = rank;
      squares += weight * rank * rank;
      drawnBefore += weight;
      drawnValues += weight > 0 ? 1 : 0;
    }
    for (let j = 0; j < count; j++) drawn[j] = valueRanks[valueIndex[rows[j]]];
    this.means[column] = 0;
    this.sumsOfSquares[column] = drawnValues > 1 ? squares : 0;
  }

  /**
   * Correlations of one prepared column with several others, written to `out` from `offset`:
   * one pass over the drawn rows for up to four partners at a time (the x column is read once).
   */
  correlations(first: number, seconds: ArrayLike<number>, out: Float64Array, offset = 0): void {
    const a = this.drawnValues[first];
    const weights = this.drawnWeights;
    const count = this.drawnCount;
    for (let start = 0; start < seconds.length; start += 4) {
      const b0 = this.drawnValues[seconds[start]];
      const b1 = this.drawnValues[seconds[Math.min(start + 1, seconds.length - 1)]];
      const b2 = this.drawnValues[seconds[Math.min(start + 2, seconds.length - 1)]];
      const b3 = this.drawnValues[seconds[Math.min(start + 3, seconds.length - 1)]];
      let cross0 = 0;
      let cross1 = 0;
      let cross2 = 0;
      let cross3 = 0;
      for (let j = 0; j < count; j++) {
        const weighted = weights[j] * a[j];
        cross0 += weighted * b0[j];
        cross1 += weighted * b1[j];
        cross2 += weighted * b2[j];
        cross3 += weighted * b3[j];
      }
      const remaining = seconds.length - start;
      out[offset + start] = this.finish(first, seconds[start], cross0);
      if (remaining > 1) out[offset + start + 1] = this.finish(first, seconds[start + 1], cross1);
      if (remaining > 2) out[offset + start + 2] = this.finish(first, seconds[start + 2], cross2);
      if (remaining > 3) out[offset + start + 3] = this.finish(first, seconds[start + 3], cross3);
    }
  }

  /** r from the weighted cross product of two prepared columns. */
  private finish(first: number, second: number, cross: number): number {
    const denominator = Math.sqrt(this.sumsOfSquares[first] * this.sumsOfSquares[second]);
    if (!(denominator > 0)) return Number.NaN;
    const centred = cross - this.totalWeight * this.means[first] * this.means[second];
    return Math.max(-1, Math.min(1, centred / denominator));
  }

  /** Weighted correlation of two prepared columns (NaN when one is constant in the resample). */
  correlation(first: number, second: number): number {
    if (!(this.sumsOfSquares[first] * this.sumsOfSquares[second] > 0)) return Number.NaN;
    const a = this.drawnValues[first];
    const b = this.drawnValues[second];
    const weights = this.drawnWeights;
    let cross = 0;
    for (let j = 0; j < this.drawnCount; j++) cross += weights[j] * a[j] * b[j];
    return this.finish(first, second, cross);
  }
}

/** Rows where every listed column is a number. */
export function completeRows(columns: readonly Float64Array[], rowCount: number): Int32Array {
  const rows: number[] = [];
  for (let row = 0; row < rowCount; row++) if (columns.every((column) => Number.isFinite(column[row]))) rows.push(row);
  return Int32Array.from(rows);
}

/**
 * Pearson or Spearman correlation of the resample that draws unit i `counts[i]` times, computed
 * from the counts without building the resample (what each bootstrap replicate computes). Equal
 * to scipy.stats.pearsonr / spearmanr on `numpy.repeat(x, counts)`, `numpy.repeat(y, counts)`.
 *
 * @example resampleCorrelation([1, 2, 3, 4], [2, 1, 4, 3], [1, 1, 1, 1]) // 0.6
 * @returns NaN when x or y is constant over the drawn units
 * @throws shape-mismatch when x, y and counts differ in length
 */
export function resampleCorrelation(
  x: ArrayLike<number>,
  y: ArrayLike<number>,
  counts: ArrayLike<number>,
  method: CorrelationMethod = "pearson",
): number {
  if (x.length !== y.length || x.length !== counts.length) {
    throw new SymError(
      "shape-mismatch",
      `resampleCorrelation requires x, y and counts of the same length, got ${x.length}, ${y.length} and ${counts.length}`,
    );
  }
  const columns = new WeightedColumns(
    Int32Array.from({ length: x.length }, (_, index) => index),
    [Float64Array.from(x), Float64Array.from(y)],
  );
  columns.loadCounts(counts);
  columns.centre(method === "spearman");
  return columns.correlation(0, 1);
}
