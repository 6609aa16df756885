import { SymError } from "../errors";
import { drawResampleCounts } from "../random/replicateGenerator";
import { relativeWeights, splitCorrelations } from "./relativeWeights";
import { correlationMatrix, type DriverPlan, type LinkagePlan } from "./plan";

/**
 * Bootstrap replicates of a linkage plan (docs/domain.md#correlation): each replicate resamples
 * units with counts drawn from (seed, replicate), so any worker can compute any range of
 * replicates and the same seed gives the same numbers however the job is split.
 */

/** Bootstrap replicates [from, to) of a plan: per series, one value per replicate (null = undefined). */
export interface BootstrapChunk {
  from: number;
  to: number;
  /** Series are method-major: index = methodIndex × pairs + pairIndex. */
  correlations: (number | null)[][];
  /** Driver series: outcome-major shares of R², index = outcomeIndex × predictors + predictorIndex. */
  drivers: (number | null)[][];
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
