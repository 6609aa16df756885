/**
 * Columns of the complete-case rows of one analysis, prepared once so that each bootstrap
 * replicate is a few linear passes: the replicate is a vector of resample counts (how often each
 * unit was drawn), and Pearson or Spearman on the resample equals the count-weighted statistic
 * on the original units. Spearman's average ranks of a resample follow from the pre-sorted order
 * in one pass (a tie block of total count g after c earlier draws ranks c + (g+1)/2).
 */
export class WeightedColumns {
  readonly rows: Int32Array;
  private readonly values: Float64Array[];
  private readonly orders: Int32Array[];
  private readonly tieStarts: Int32Array[];
  private readonly deviations: Float64Array[];
  private readonly ranks: Float64Array[];
  private readonly sumsOfSquares: Float64Array;
  readonly weights: Float64Array;

  constructor(rows: Int32Array, columns: readonly Float64Array[]) {
    this.rows = rows;
    this.values = columns.map((column) => Float64Array.from(rows, (row) => column[row]));
    this.orders = this.values.map((values) => Int32Array.from(values.keys()).sort((a, b) => values[a] - values[b]));
    this.tieStarts = this.values.map((values, index) => {
      const order = this.orders[index];
      const starts: number[] = [];
      for (let k = 0; k < order.length; k++) if (k === 0 || values[order[k]] !== values[order[k - 1]]) starts.push(k);
      starts.push(order.length);
      return Int32Array.from(starts);
    });
    this.deviations = columns.map(() => new Float64Array(rows.length));
    this.ranks = columns.map(() => new Float64Array(rows.length));
    this.sumsOfSquares = new Float64Array(columns.length);
    this.weights = new Float64Array(rows.length);
  }

  get columnCount(): number {
    return this.values.length;
  }

  /** Loads the replicate's counts for these rows; returns the total weight. */
  loadCounts(counts: ArrayLike<number>): number {
    let total = 0;
    for (let k = 0; k < this.rows.length; k++) {
      const weight = counts[this.rows[k]];
      this.weights[k] = weight;
      total += weight;
    }
    return total;
  }

  /** Weighted average ranks of a column under the loaded weights. */
  private rank(column: number): Float64Array {
    const order = this.orders[column];
    const starts = this.tieStarts[column];
    const ranks = this.ranks[column];
    const weights = this.weights;
    let drawnBefore = 0;
    for (let block = 0; block + 1 < starts.length; block++) {
      let blockWeight = 0;
      for (let k = starts[block]; k < starts[block + 1]; k++) blockWeight += weights[order[k]];
      const rank = drawnBefore + (blockWeight + 1) / 2;
      for (let k = starts[block]; k < starts[block + 1]; k++) ranks[order[k]] = rank;
      drawnBefore += blockWeight;
    }
    return ranks;
  }

  /** Centres every column (raw values or ranks) on its weighted mean; keeps weighted sums of squares. */
  centre(useRanks: boolean, totalWeight: number): void {
    const weights = this.weights;
    for (let column = 0; column < this.values.length; column++) {
      const source = useRanks ? this.rank(column) : this.values[column];
      let sum = 0;
      for (let k = 0; k < source.length; k++) sum += weights[k] * source[k];
      const mean = sum / totalWeight;
      const deviation = this.deviations[column];
      let squares = 0;
      for (let k = 0; k < source.length; k++) {
        const d = source[k] - mean;
        deviation[k] = d;
        squares += weights[k] * d * d;
      }
      this.sumsOfSquares[column] = squares;
    }
  }

  /** Weighted correlation of two centred columns (NaN when one is constant in the resample). */
  correlation(first: number, second: number): number {
    const a = this.deviations[first];
    const b = this.deviations[second];
    const weights = this.weights;
    let cross = 0;
    for (let k = 0; k < a.length; k++) cross += weights[k] * a[k] * b[k];
    const denominator = Math.sqrt(this.sumsOfSquares[first] * this.sumsOfSquares[second]);
    return denominator > 0 ? cross / denominator : Number.NaN;
  }
}

/** Rows where every listed column is a number. */
export function completeRows(columns: readonly Float64Array[], rowCount: number): Int32Array {
  const rows: number[] = [];
  for (let row = 0; row < rowCount; row++) if (columns.every((column) => Number.isFinite(column[row]))) rows.push(row);
  return Int32Array.from(rows);
}
