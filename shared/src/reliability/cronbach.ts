import { SymError } from "../errors";
import { isMissing } from "../scale/answers";

/**
 * Running moments of k items over complete rows (listwise deletion), enough for Cronbach's α:
 * the mean vector and the co-moment matrix, updated row by row (Welford, multivariate).
 */
export class ItemCovarianceAccumulator {
  readonly itemCount: number;
  private rows = 0;
  private readonly means: Float64Array;
  private readonly coMoments: Float64Array;
  private readonly deltas: Float64Array;

  constructor(itemCount: number) {
    this.itemCount = itemCount;
    this.means = new Float64Array(itemCount);
    this.coMoments = new Float64Array(itemCount * itemCount);
    this.deltas = new Float64Array(itemCount);
  }

  get completeRows(): number {
    return this.rows;
  }

  /** Adds one respondent's answers; rows with any missing item are skipped (listwise). */
  add(values: ArrayLike<number>): void {
    const k = this.itemCount;
    for (let item = 0; item < k; item++) if (isMissing(values[item])) return;
    this.rows += 1;
    for (let item = 0; item < k; item++) {
      this.deltas[item] = values[item] - this.means[item];
      this.means[item] += this.deltas[item] / this.rows;
    }
    for (let i = 0; i < k; i++) {
      const after = values[i] - this.means[i];
      for (let j = 0; j < k; j++) this.coMoments[i * k + j] += this.deltas[j] * after;
    }
  }

  /** Mean of item i over the complete rows. */
  mean(item: number): number {
    return this.means[item];
  }

  /** Sample covariance of items i and j (n − 1 denominator). */
  covariance(i: number, j: number): number {
    return this.coMoments[i * this.itemCount + j] / (this.rows - 1);
  }
}

/**
 * Cronbach's α (docs/domain.md#cronbach): `α = k/(k−1) · (1 − Σ var(itemᵢ) / var(Σ items))`, listwise,
 * sample variances. Reference: R `psych::alpha` raw_alpha, pingouin `cronbach_alpha`.
 *
 * @throws too-few-values under two items or two complete rows; zero-variance when the total is constant
 */
export function cronbachAlphaFromCovariance(accumulator: ItemCovarianceAccumulator): number {
  const k = accumulator.itemCount;
  if (k < 2) throw new SymError("too-few-values", `cronbachAlpha requires at least two items, got ${k}`, { value: k });
  if (accumulator.completeRows < 2) {
    throw new SymError("too-few-values", `cronbachAlpha requires at least two complete rows, got ${accumulator.completeRows}`, {
      value: accumulator.completeRows,
    });
  }
  let itemVariances = 0;
  let totalVariance = 0;
  for (let i = 0; i < k; i++) {
    itemVariances += accumulator.covariance(i, i);
    for (let j = 0; j < k; j++) totalVariance += accumulator.covariance(i, j);
  }
  // Totals that are constant in exact arithmetic can leave a rounding residue of ~1e-16 in the
  // co-moments, depending on row order; below 1e-12 of the item variances the total is constant.
  if (!(totalVariance > 1e-12 * itemVariances) || !(totalVariance > 0)) {
    let total = 0;
    for (let i = 0; i < k; i++) total += accumulator.mean(i);
    throw new SymError("zero-variance", `cronbachAlpha requires total scores that vary, got ${total} for every complete row`, {
      value: total,
    });
  }
  return (k / (k - 1)) * (1 - itemVariances / totalVariance);
}

/** Cronbach's α of a respondents × items matrix (NaN = missing, dropped listwise). */
export function cronbachAlpha(rows: readonly ArrayLike<number>[]): number {
  const k = rows.length > 0 ? rows[0].length : 0;
  const accumulator = new ItemCovarianceAccumulator(k);
  rows.forEach((row, index) => {
    if (row.length !== k) {
      throw new SymError("shape-mismatch", `cronbachAlpha requires rows of ${k} items, got ${row.length} items at row ${index + 1}`, {
        value: row.length,
        row: index + 1,
      });
    }
    accumulator.add(row);
  });
  return cronbachAlphaFromCovariance(accumulator);
}
