/**
 * Percentile of finite values with linear interpolation between order statistics (type 7 of
 * Hyndman & Fan 1996, the default of R `quantile` and numpy `percentile`). NaN are ignored.
 *
 * @example percentile([4, 1, 3], 0.5) // 3
 */
export function percentile(values: ArrayLike<number>, probability: number): number {
  return percentileOfSorted(sortedFinite(values), probability);
}

/** Percentile bootstrap interval: the (1−c)/2 and (1+c)/2 percentiles of the replicates (one sort). */
export function percentileInterval(replicates: ArrayLike<number>, confidence: number): { low: number; high: number } {
  const tail = (1 - confidence) / 2;
  const sorted = sortedFinite(replicates);
  return { low: percentileOfSorted(sorted, tail), high: percentileOfSorted(sorted, 1 - tail) };
}

function sortedFinite(values: ArrayLike<number>): Float64Array {
  return Float64Array.from(values)
    .filter((value) => Number.isFinite(value))
    .sort();
}

function percentileOfSorted(sorted: Float64Array, probability: number): number {
  if (sorted.length === 0) return Number.NaN;
  const position = (sorted.length - 1) * probability;
  const below = Math.floor(position);
  const above = Math.min(sorted.length - 1, below + 1);
  return sorted[below] + (position - below) * (sorted[above] - sorted[below]);
}
