import { SymError } from "../errors";

/**
 * How much work one linkage may ask for. A linkage request is small (unit aggregates) but its cost
 * is not: every bootstrap replicate recomputes every correlation series (x × y × methods) and
 * every driver weight (predictors × outcomes), so a few kilobytes of metric names times
 * B = 100,000 can hold a worker for hours and fill gigabytes. The add-in, the CLI and the API
 * check the same limits before any replicate runs (docs/api.md and docs/cli.md, "Limits").
 */
export interface LinkageLimits {
  /** Unit rows in the request (one per unit and wave). */
  readonly maxUnits: number;
  /** Correlation series: x metrics × y metrics × methods. */
  readonly maxPairs: number;
  /** Bootstrap replicates B. */
  readonly maxReplicates: number;
  /** Total bootstrap work of the correlations: pairs × B. */
  readonly maxBootstrapWork: number;
  /** Key-driver predictors (each replicate solves a predictors × predictors eigenproblem per outcome). */
  readonly maxPredictors: number;
  /** Total bootstrap work of the key drivers: predictors × outcomes × B. */
  readonly maxDriverWork: number;
}

/**
 * The default limits. 256 pairs at B = 100,000 (25.6 million correlation replicates) is the
 * largest job the bench measures under 512 MB per worker (docs/deploy-azure.md, "Scale"); the API
 * can lower or raise the two work totals by setting.
 */
export const DEFAULT_LINKAGE_LIMITS: LinkageLimits = {
  maxUnits: 20_000,
  maxPairs: 512,
  maxReplicates: 100_000,
  maxBootstrapWork: 25_600_000,
  maxPredictors: 32,
  maxDriverWork: 2_000_000,
};

/** The shape of a request the limits look at (before or after the schema's defaults). */
export interface LinkageSize {
  readonly units: readonly unknown[];
  readonly x: readonly string[];
  readonly y: readonly string[];
  readonly methods?: readonly string[];
  readonly bootstrap?: number;
  readonly drivers?: { readonly predictors?: readonly string[] };
}

/** The numbers the limits apply to, with the schema's defaults (1 method, B = 1,000, predictors = x). */
export function linkageSize(request: LinkageSize): {
  units: number;
  pairs: number;
  replicates: number;
  predictors: number;
  driverSeries: number;
} {
  const methods = request.methods?.length ?? 1;
  const replicates = request.bootstrap ?? 1000;
  const predictors = request.drivers ? (request.drivers.predictors ?? request.x).length : 0;
  return {
    units: request.units.length,
    pairs: request.x.length * request.y.length * methods,
    replicates,
    predictors,
    driverSeries: predictors * request.y.length,
  };
}

const count = (value: number) => value.toLocaleString("en-US");

function overLimit(field: string, what: string, value: number, limit: number): SymError {
  return new SymError("limit-exceeded", `${what} is ${count(value)}, over the limit of ${count(limit)}`, { field, value, limit });
}

/**
 * Refuses a linkage that asks for more work than `limits` allow: the first limit exceeded, as a
 * `limit-exceeded` SymError whose details name the request field and the limit.
 *
 * - units ≤ maxUnits (field `units`)
 * - pairs = |x| × |y| × |methods| ≤ maxPairs (field `x`)
 * - B ≤ maxReplicates (field `bootstrap`)
 * - pairs × B ≤ maxBootstrapWork (field `bootstrap`)
 * - predictors ≤ maxPredictors (field `drivers.predictors`)
 * - predictors × |y| × B ≤ maxDriverWork (field `drivers`)
 *
 * @example checkLinkageLimits({ units, x: ["enps"], y: ["nps"], bootstrap: 200_000 })
 * // throws limit-exceeded: "bootstrap replicates B is 200,000, over the limit of 100,000"
 */
export function checkLinkageLimits(request: LinkageSize, limits: LinkageLimits = DEFAULT_LINKAGE_LIMITS): void {
  const size = linkageSize(request);
  if (size.units > limits.maxUnits) throw overLimit("units", "the number of unit rows", size.units, limits.maxUnits);
  if (size.pairs > limits.maxPairs) throw overLimit("x", "x × y × methods (correlation pairs)", size.pairs, limits.maxPairs);
  if (size.replicates > limits.maxReplicates) throw overLimit("bootstrap", "bootstrap replicates B", size.replicates, limits.maxReplicates);
  if (size.pairs * size.replicates > limits.maxBootstrapWork) {
    throw overLimit(
      "bootstrap",
      `the bootstrap work pairs × B (${count(size.pairs)} × ${count(size.replicates)})`,
      size.pairs * size.replicates,
      limits.maxBootstrapWork,
    );
  }
  if (size.predictors > limits.maxPredictors)
    throw overLimit("drivers.predictors", "the number of key-driver predictors", size.predictors, limits.maxPredictors);
  if (size.driverSeries * size.replicates > limits.maxDriverWork) {
    throw overLimit(
      "drivers",
      `the key-driver work predictors × y × B (${count(size.predictors)} × ${count(request.y.length)} × ${count(size.replicates)})`,
      size.driverSeries * size.replicates,
      limits.maxDriverWork,
    );
  }
}
