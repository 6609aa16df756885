import { SymError } from "../errors";

export type GapVerdict = "alert" | "watch" | "ok";

/**
 * Alert when |gap| ≥ threshold and p < α; watch when |gap| ≥ threshold but not significant;
 * ok otherwise (DOMAIN.md; defaults 10 points and 0.05).
 */
export function gapStatus(gap: number, p: number, threshold = 10, alpha = 0.05): GapVerdict {
  if (!(threshold >= 0)) throw new SymError("invalid-argument", `gapStatus requires a threshold of 0 or more, got ${threshold}`, { value: threshold });
  if (!(alpha > 0 && alpha < 1)) throw new SymError("invalid-argument", `gapStatus requires alpha between 0 and 1, got ${alpha}`, { value: alpha });
  if (Math.abs(gap) < threshold) return "ok";
  return p < alpha ? "alert" : "watch";
}
