import { SymError } from "../errors";

export type GapVerdict = "alert" | "watch" | "ok";

/**
 * Alert when |gap| ≥ threshold and p < α; watch when |gap| ≥ threshold but not significant;
 * ok otherwise (docs/domain.md#gap-status; defaults 10 points and 0.05). A p that could not be computed (null,
 * undefined or NaN: constant scores, a group of one) never establishes significance, so a large
 * gap without a p is "watch", not "alert".
 *
 * @example gapStatus(-12, 0.01) // "alert"
 * @example gapStatus(25, null) // "watch"
 */
export function gapStatus(gap: number, p: number | null | undefined, threshold = 10, alpha = 0.05): GapVerdict {
  if (Number.isNaN(gap) || typeof gap !== "number")
    throw new SymError("invalid-argument", `gapStatus requires a numeric gap, got ${gap}`, { value: gap });
  if (!(threshold >= 0))
    throw new SymError("invalid-argument", `gapStatus requires a threshold of 0 or more, got ${threshold}`, { value: threshold });
  if (!(alpha > 0 && alpha < 1))
    throw new SymError("invalid-argument", `gapStatus requires alpha between 0 and 1, got ${alpha}`, { value: alpha });
  if (Math.abs(gap) < threshold) return "ok";
  return p !== null && p !== undefined && p < alpha ? "alert" : "watch";
}
