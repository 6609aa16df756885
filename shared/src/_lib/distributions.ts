import tCdf from "@stdlib/stats-base-dists-t-cdf";
import tQuantile from "@stdlib/stats-base-dists-t-quantile";
import normalCdf from "@stdlib/stats-base-dists-normal-cdf";
import normalQuantile from "@stdlib/stats-base-dists-normal-quantile";
import { SymError } from "../errors";

/** Two-sided p of a t statistic: 2·P(T ≤ −|t|), computed in the lower tail so tiny p keep their precision. */
export function twoSidedPFromT(statistic: number, degreesOfFreedom: number): number {
  return Math.min(1, 2 * tCdf(-Math.abs(statistic), degreesOfFreedom));
}

/** Two-sided p of a standard normal statistic. */
export function twoSidedPFromZ(statistic: number): number {
  return Math.min(1, 2 * normalCdf(-Math.abs(statistic), 0, 1));
}

/** Critical value t such that P(−t ≤ T ≤ t) = confidence. */
export function tCritical(confidence: number, degreesOfFreedom: number): number {
  return tQuantile(1 - (1 - confidence) / 2, degreesOfFreedom);
}

/** Critical value z such that P(−z ≤ Z ≤ z) = confidence (1.959964 for 95 %). */
export function zCritical(confidence: number): number {
  return normalQuantile(1 - (1 - confidence) / 2, 0, 1);
}

/** Confidence levels are probabilities strictly between 0 and 1 (0.95, not 95). */
export function checkConfidence(confidence: number, functionName: string): void {
  if (!(confidence > 0 && confidence < 1)) {
    throw new SymError("invalid-argument", `${functionName} requires a confidence level between 0 and 1, got ${confidence}`, {
      value: confidence,
    });
  }
}
