/** Arithmetic mean of a non-empty list. */
export function mean(values: ArrayLike<number>): number {
  let sum = 0;
  for (let index = 0; index < values.length; index++) sum += values[index];
  return sum / values.length;
}

/** Sample variance with the n − 1 denominator (two-pass for accuracy). */
export function sampleVariance(values: ArrayLike<number>): number {
  const average = mean(values);
  let sum = 0;
  for (let index = 0; index < values.length; index++) {
    const deviation = values[index] - average;
    sum += deviation * deviation;
  }
  return sum / (values.length - 1);
}
