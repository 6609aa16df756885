import { SymError } from "../errors";

/**
 * Symmetry index (docs/domain.md#symmetry-index): `100 − Σ wᵢ·|gapᵢ| / Σ wᵢ`; 100 is perfect symmetry. Gaps are points
 * on 0–100 scores, so the index stays in [0, 100].
 *
 * @example symmetryIndex([10, -20]) // 85
 * @throws too-few-values without gaps; shape-mismatch when weights do not pair with gaps
 */
export function symmetryIndex(gaps: readonly number[], weights?: readonly number[]): number {
  if (gaps.length === 0) throw new SymError("too-few-values", "symmetryIndex requires at least one gap");
  if (weights && weights.length !== gaps.length) {
    throw new SymError(
      "shape-mismatch",
      `symmetryIndex requires one weight per gap, got ${weights.length} weights for ${gaps.length} gaps`,
    );
  }
  let weighted = 0;
  let totalWeight = 0;
  gaps.forEach((gap, index) => {
    const weight = weights ? weights[index] : 1;
    if (!Number.isFinite(gap) || Math.abs(gap) > 100) {
      throw new SymError("invalid-argument", `symmetryIndex requires gaps between −100 and 100, got ${gap} at position ${index + 1}`, {
        value: gap,
        row: index + 1,
      });
    }
    if (!(weight >= 0) || !Number.isFinite(weight)) {
      throw new SymError("invalid-argument", `symmetryIndex requires weights of 0 or more, got ${weight} at position ${index + 1}`, {
        value: weight,
        row: index + 1,
      });
    }
    weighted += weight * Math.abs(gap);
    totalWeight += weight;
  });
  if (totalWeight === 0) throw new SymError("invalid-argument", "symmetryIndex requires at least one positive weight");
  return 100 - weighted / totalWeight;
}
