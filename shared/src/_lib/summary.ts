/**
 * Running summary of a sample (count, mean, sum of squared deviations), updated one value at a
 * time with Welford's algorithm and merged with Chan et al.'s parallel formula. It lets the CLI
 * stream a million rows, the API receive unit aggregates, and both reach the same Welch test.
 */
export interface SampleSummary {
  n: number;
  mean: number;
  /** Sum of squared deviations from the mean (M2). */
  squaredDeviations: number;
}

export function emptySummary(): SampleSummary {
  return { n: 0, mean: 0, squaredDeviations: 0 };
}

export function addToSummary(summary: SampleSummary, value: number): void {
  summary.n += 1;
  const delta = value - summary.mean;
  summary.mean += delta / summary.n;
  summary.squaredDeviations += delta * (value - summary.mean);
}

/** Chan, Golub & LeVeque (1979) pairwise combination of two summaries. */
export function mergeSummaries(left: SampleSummary, right: SampleSummary): SampleSummary {
  const n = left.n + right.n;
  if (n === 0) return emptySummary();
  const delta = right.mean - left.mean;
  return {
    n,
    mean: left.mean + (delta * right.n) / n,
    squaredDeviations: left.squaredDeviations + right.squaredDeviations + (delta * delta * left.n * right.n) / n,
  };
}

export function summarise(values: ArrayLike<number>): SampleSummary {
  const summary = emptySummary();
  for (let index = 0; index < values.length; index++) addToSummary(summary, values[index]);
  return summary;
}

/** Sample variance (n − 1 denominator); NaN under two values. */
export function summaryVariance(summary: SampleSummary): number {
  return summary.n > 1 ? summary.squaredDeviations / (summary.n - 1) : Number.NaN;
}
