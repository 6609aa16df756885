import { SymError } from "../errors";
import { crossProducts } from "../_lib/crossProducts";
import { checkConfidence, twoSidedPFromT, zCritical } from "../_lib/distributions";

export type CorrelationMethod = "pearson" | "spearman";

function checkPairs(x: ArrayLike<number>, y: ArrayLike<number>, functionName: string): void {
  if (x.length !== y.length) {
    throw new SymError("shape-mismatch", `${functionName} requires x and y of the same length, got ${x.length} and ${y.length}`);
  }
  if (x.length < 3)
    throw new SymError("too-few-values", `${functionName} requires at least three pairs, got ${x.length}`, { value: x.length });
  // Units without a value must be dropped by the caller: NaN would silently poison r and the ranks.
  for (const [name, values] of [
    ["x", x],
    ["y", y],
  ] as const) {
    for (let index = 0; index < values.length; index++) {
      if (!Number.isFinite(values[index])) {
        throw new SymError(
          "invalid-argument",
          `${functionName} requires finite numbers, got ${values[index]} in ${name} at position ${index + 1}`,
          {
            value: values[index],
            row: index + 1,
          },
        );
      }
    }
  }
}

/**
 * Pearson's r. Reference: scipy.stats.pearsonr.
 *
 * @throws zero-variance when x or y is constant
 */
export function pearson(x: ArrayLike<number>, y: ArrayLike<number>): number {
  checkPairs(x, y, "pearson");
  const { sxx, syy, sxy } = crossProducts(x, y);
  if (sxx === 0 || syy === 0) throwConstant(sxx === 0 ? "x" : "y", sxx === 0 ? x[0] : y[0], "pearson");
  return Math.max(-1, Math.min(1, sxy / Math.sqrt(sxx * syy)));
}

function throwConstant(name: "x" | "y", value: number, functionName: string): never {
  throw new SymError("zero-variance", `${functionName} requires x and y that are not constant, got ${name} = ${value} for every pair`, {
    value,
  });
}

/** Average ranks (1-based), ties sharing the mean of their positions, as scipy.stats.rankdata. */
export function averageRanks(values: ArrayLike<number>): Float64Array {
  const order = Array.from({ length: values.length }, (_, index) => index).sort((a, b) => values[a] - values[b]);
  const ranks = new Float64Array(values.length);
  let start = 0;
  while (start < order.length) {
    let end = start;
    while (end + 1 < order.length && values[order[end + 1]] === values[order[start]]) end++;
    const rank = (start + end) / 2 + 1;
    for (let k = start; k <= end; k++) ranks[order[k]] = rank;
    start = end + 1;
  }
  return ranks;
}

/** Spearman's ρ: Pearson on average ranks (docs/domain.md#spearman). Reference: scipy.stats.spearmanr. */
export function spearman(x: ArrayLike<number>, y: ArrayLike<number>): number {
  checkPairs(x, y, "spearman");
  // Checked on the values, not the ranks, so the message names what the user gave.
  for (const [name, values] of [
    ["x", x],
    ["y", y],
  ] as const) {
    let constant = true;
    for (let index = 1; index < values.length && constant; index++) constant = values[index] === values[0];
    if (constant) throwConstant(name, values[0], "spearman");
  }
  return pearson(averageRanks(x), averageRanks(y));
}

export interface CorrelationTest {
  r: number;
  low: number;
  high: number;
  p: number;
  n: number;
}

/**
 * Correlation with its Fisher-z interval `tanh(atanh r ± z/sqrt(n−3))` and the two-sided p of
 * `t = r·sqrt((n−2)/(1−r²))` on n−2 df (docs/domain.md#correlation). Reference: scipy.stats.pearsonr(...).confidence_interval().
 *
 * @throws too-few-values under four pairs (the interval needs n > 3)
 */
export function correlationTest(
  x: ArrayLike<number>,
  y: ArrayLike<number>,
  method: CorrelationMethod = "pearson",
  confidence = 0.95,
): CorrelationTest {
  checkConfidence(confidence, "correlationTest");
  if (x.length === y.length && x.length < 4) {
    throw new SymError("too-few-values", `correlationTest requires at least four pairs, got ${x.length}`, { value: x.length });
  }
  const r = method === "spearman" ? spearman(x, y) : pearson(x, y);
  return { r, ...fisherInterval(r, x.length, confidence), p: correlationPValue(r, x.length), n: x.length };
}

/** Fisher-z interval of a correlation. */
export function fisherInterval(r: number, n: number, confidence = 0.95): { low: number; high: number } {
  checkConfidence(confidence, "fisherInterval");
  if (!(n > 3)) throw new SymError("too-few-values", `fisherInterval requires at least four pairs, got ${n}`, { value: n });
  if (Math.abs(r) === 1) return { low: r, high: r };
  const center = Math.atanh(r);
  const margin = zCritical(confidence) / Math.sqrt(n - 3);
  return { low: Math.tanh(center - margin), high: Math.tanh(center + margin) };
}

/** Two-sided p of a correlation from t with n − 2 df. */
export function correlationPValue(r: number, n: number): number {
  if (Math.abs(r) === 1) return 0;
  return twoSidedPFromT(r * Math.sqrt((n - 2) / (1 - r * r)), n - 2);
}

/**
 * Benjamini–Hochberg adjusted p-values (q): `q(i) = min_{j ≥ i} p(j)·m/j` over the sorted p,
 * capped at 1, returned in the input order. Reference: R p.adjust(p, "BH").
 */
export function benjaminiHochberg(pValues: readonly number[]): number[] {
  pValues.forEach((p, index) => {
    if (!(p >= 0 && p <= 1)) {
      throw new SymError("invalid-argument", `benjaminiHochberg requires p-values between 0 and 1, got ${p} at position ${index + 1}`, {
        value: p,
        row: index + 1,
      });
    }
  });
  const m = pValues.length;
  const order = pValues.map((_, index) => index).sort((a, b) => pValues[a] - pValues[b]);
  const adjusted = new Array<number>(m);
  let running = 1;
  for (let rank = m; rank >= 1; rank--) {
    const index = order[rank - 1];
    running = Math.min(running, pValues[index] * (m / rank)); // m/rank ≥ 1 keeps q ≥ p after rounding
    adjusted[index] = running;
  }
  return adjusted;
}
