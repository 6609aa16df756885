import { SymError } from "../errors";
import { crossProducts } from "../_lib/crossProducts";
import { tCritical, twoSidedPFromT } from "../_lib/distributions";

export interface SimpleRegression {
  slope: number;
  intercept: number;
  low: number;
  high: number;
  standardError: number;
  p: number;
  n: number;
}

/**
 * Ordinary least squares of y on one x: slope `Sxy/Sxx`, standard error `sqrt(σ̂²/Sxx)` with
 * `σ̂² = RSS/(n−2)`, CI `slope ± t(n−2)·se`, two-sided p. Reference: scipy.stats.linregress.
 *
 * @throws too-few-values under three points; zero-variance when x is constant
 */
export function simpleRegression(x: ArrayLike<number>, y: ArrayLike<number>, confidence = 0.95): SimpleRegression {
  const n = x.length;
  if (n !== y.length)
    throw new SymError("shape-mismatch", `simpleRegression requires x and y of the same length, got ${n} and ${y.length}`);
  if (n < 3) throw new SymError("too-few-values", "simpleRegression requires at least three points");
  const { meanX, meanY, sxx, syy, sxy } = crossProducts(x, y);
  if (sxx === 0) throw new SymError("zero-variance", "simpleRegression requires an x that is not constant");
  const slope = sxy / sxx;
  const residualVariance = Math.max(0, syy - slope * sxy) / (n - 2);
  const standardError = Math.sqrt(residualVariance / sxx);
  const margin = tCritical(confidence, n - 2) * standardError;
  return {
    slope,
    intercept: meanY - slope * meanX,
    low: slope - margin,
    high: slope + margin,
    standardError,
    p: standardError > 0 ? twoSidedPFromT(slope / standardError, n - 2) : 0,
    n,
  };
}
