import { SymError } from "../errors";
import { symmetryIndex } from "../gap/symmetryIndex";
import { correlationTest, pearson, spearman, type CorrelationMethod, type CorrelationTest } from "../correlation/correlation";
import { checkSameShape, readCellAt, vectorShape, type CellRange } from "./cells";

export interface PairedValues {
  readonly x: Float64Array;
  readonly y: Float64Array;
}

/**
 * Reads two aligned one-column (or one-row) ranges into pairs of numbers, dropping a pair when
 * either cell is blank or a declared non-answer (pairwise-complete, as Excel's CORREL does).
 *
 * @throws shape-mismatch when the ranges differ in shape; invalid-answer for text, naming the cell
 */
export function pairedValuesOfRanges(first: CellRange, second: CellRange, firstName: string, secondName: string): PairedValues {
  const firstShape = vectorShape(first, firstName);
  checkSameShape(firstShape, vectorShape(second, secondName), firstName, secondName);
  const size = firstShape.rows * firstShape.columns;
  const x = new Float64Array(size);
  const y = new Float64Array(size);
  let pairs = 0;
  for (let row = 0; row < first.length; row++) {
    for (let column = 0; column < first[row].length; column++) {
      const left = readCellAt(first[row][column], firstName, row + 1, column + 1);
      const right = readCellAt(second[row][column], secondName, row + 1, column + 1);
      if (left !== left || right !== right) continue;
      x[pairs] = left;
      y[pairs] = right;
      pairs += 1;
    }
  }
  return { x: x.subarray(0, pairs), y: y.subarray(0, pairs) };
}

/** Reads a correlation method name: "pearson" (default) or "spearman", any case. */
export function parseCorrelationMethod(method: string | null | undefined): CorrelationMethod {
  if (method === null || method === undefined || method === "") return "pearson";
  const normalised = String(method).trim().toLowerCase();
  if (normalised === "pearson" || normalised === "spearman") return normalised;
  throw new SymError("invalid-argument", `method must be "pearson" or "spearman", got ${JSON.stringify(method)}`, { value: method });
}

/**
 * Correlation across units: Pearson's r, or Spearman's ρ (Pearson on average ranks), docs/domain.md#spearman.
 * Reference: scipy.stats.pearsonr / spearmanr.
 */
export function correlationOfRanges(x: CellRange, y: CellRange, method: CorrelationMethod = "pearson"): number {
  const pairs = pairedValuesOfRanges(x, y, "x", "y");
  return method === "spearman" ? spearman(pairs.x, pairs.y) : pearson(pairs.x, pairs.y);
}

/** Correlation with its Fisher-z interval and p (docs/domain.md#correlation), see `correlationTest`. */
export function correlationTestOfRanges(
  x: CellRange,
  y: CellRange,
  method: CorrelationMethod = "pearson",
  confidence = 0.95,
): CorrelationTest {
  const pairs = pairedValuesOfRanges(x, y, "x", "y");
  return correlationTest(pairs.x, pairs.y, method, confidence);
}

/**
 * Symmetry index of a range of gaps (docs/domain.md#symmetry-index): `100 − Σ wᵢ·|gapᵢ| / Σ wᵢ`. A blank gap is a
 * dimension not measured and is skipped with its weight; a blank weight next to a gap is an error.
 */
export function symmetryIndexOfRange(gapRange: CellRange, weightRange?: CellRange | null): number {
  const gapShape = vectorShape(gapRange, "gaps");
  if (weightRange) checkSameShape(gapShape, vectorShape(weightRange, "weights"), "gaps", "weights");
  const gaps: number[] = [];
  const weights: number[] = [];
  for (let row = 0; row < gapRange.length; row++) {
    for (let column = 0; column < gapRange[row].length; column++) {
      const gap = readCellAt(gapRange[row][column], "gaps", row + 1, column + 1);
      if (gap !== gap) continue;
      gaps.push(gap);
      if (weightRange) {
        const weight = readCellAt(weightRange[row][column], "weights", row + 1, column + 1);
        if (weight !== weight) {
          throw new SymError("invalid-argument", `weights has a blank next to gap ${gap} at row ${row + 1}, column ${column + 1}`, {
            row: row + 1,
            column: column + 1,
          });
        }
        weights.push(weight);
      }
    }
  }
  return symmetryIndex(gaps, weightRange ? weights : undefined);
}
