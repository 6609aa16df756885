import { SymError } from "../errors";

/**
 * What a percentile bootstrap interval needs of a series of replicates, and nothing more. The
 * interval is the (1−c)/2 and (1+c)/2 percentiles of the finite replicates with linear
 * interpolation (percentile.ts, type 7), so it reads at most ⌊(n−1)(1−c)/2⌋ + 2 order statistics
 * from each end of the sorted values. A summary keeps the count of finite values and that many of
 * the smallest and of the largest: summaries of disjoint replicate ranges merge into the summary of
 * their union, so a fan-out job folds its chunks one at a time in memory that does not hold all B
 * replicates (docs/api.md, "Fan-out kinds").
 *
 * Invariant: `smallest` holds the min(count, tail) smallest finite values, ascending; `largest`
 * holds the min(count − smallest.length, tail) largest of the others, ascending. When
 * count ≤ 2 × tail the two together are every finite value.
 */
export interface SeriesSummary {
  /** Finite replicates in the series (undefined replicates, NaN or null, are not counted). */
  count: number;
  smallest: number[];
  largest: number[];
}

/**
 * Order statistics a summary keeps at each end for B replicates at confidence c:
 * ⌊(B−1)(1−c)/2⌋ + 2, plus one against rounding of the tail, at most B. Fewer finite replicates
 * only move the needed ranks inwards, so this is enough for any count up to B.
 *
 * @example bootstrapTailSize(100_000, 0.95) // 2502
 */
export function bootstrapTailSize(replicates: number, confidence: number): number {
  if (!Number.isInteger(replicates) || replicates < 0)
    throw new SymError("invalid-argument", `bootstrapTailSize requires a whole number of replicates, got ${replicates}`, {
      value: replicates,
    });
  if (!(confidence > 0 && confidence < 1))
    throw new SymError("invalid-argument", `bootstrapTailSize requires a confidence in (0, 1), got ${confidence}`, { value: confidence });
  return Math.min(replicates, Math.floor(Math.max(0, replicates - 1) * ((1 - confidence) / 2)) + 3);
}

const ascending = (a: number, b: number) => a - b;

/** The summary of some replicates (non-finite values and nulls are left out, as the interval ignores them). */
export function summariseSeries(values: ArrayLike<number | null>, tail: number): SeriesSummary {
  const finite: number[] = [];
  for (let index = 0; index < values.length; index++) {
    const value = values[index];
    if (typeof value === "number" && Number.isFinite(value)) finite.push(value);
  }
  finite.sort(ascending);
  return fromSorted(finite, tail);
}

function fromSorted(sorted: readonly number[], tail: number): SeriesSummary {
  const smallest = sorted.slice(0, Math.min(sorted.length, tail));
  const largestCount = Math.min(sorted.length - smallest.length, tail);
  return { count: sorted.length, smallest, largest: sorted.slice(sorted.length - largestCount) };
}

/** Merges two ascending arrays. */
function mergeSorted(a: readonly number[], b: readonly number[]): number[] {
  const merged = new Array<number>(a.length + b.length);
  let i = 0;
  let j = 0;
  let k = 0;
  while (i < a.length && j < b.length) merged[k++] = a[i] <= b[j] ? a[i++] : b[j++];
  while (i < a.length) merged[k++] = a[i++];
  while (j < b.length) merged[k++] = b[j++];
  return merged;
}

/**
 * The summary of the union of two disjoint sets of replicates. Every stored value is a true
 * replicate and the stored values of each side contain its `tail` smallest and largest, so the
 * union's `tail` smallest and largest are among them.
 */
export function mergeSeriesSummaries(a: SeriesSummary, b: SeriesSummary, tail: number): SeriesSummary {
  const stored = mergeSorted(mergeSorted(a.smallest, a.largest), mergeSorted(b.smallest, b.largest));
  const count = a.count + b.count;
  const smallest = stored.slice(0, Math.min(count, tail));
  const largestCount = Math.min(count - smallest.length, tail);
  return { count, smallest, largest: stored.slice(stored.length - largestCount) };
}

/** The value of rank `index` (0-based, ascending) among the summary's finite replicates. */
function orderStatistic(summary: SeriesSummary, index: number): number {
  if (index < summary.smallest.length) return summary.smallest[index];
  const fromTop = summary.count - 1 - index;
  if (fromTop < summary.largest.length) return summary.largest[summary.largest.length - 1 - fromTop];
  throw new SymError(
    "invalid-argument",
    `rank ${index} of ${summary.count} replicates is not kept by this summary (tail too small for the confidence)`,
    { value: index },
  );
}

function percentileOfSummary(summary: SeriesSummary, probability: number): number {
  if (summary.count === 0) return Number.NaN;
  const position = (summary.count - 1) * probability;
  const below = Math.floor(position);
  const above = Math.min(summary.count - 1, below + 1);
  const low = orderStatistic(summary, below);
  return low + (position - below) * (orderStatistic(summary, above) - low);
}

/**
 * The percentile bootstrap interval of a summarised series: the same numbers as
 * `percentileInterval` on every replicate of the series.
 */
export function summaryInterval(summary: SeriesSummary, confidence: number): { low: number; high: number } {
  const tail = (1 - confidence) / 2;
  return { low: percentileOfSummary(summary, tail), high: percentileOfSummary(summary, 1 - tail) };
}
