import { SymError } from "../errors";
import { DEFAULT_MIN_GROUP_SIZE } from "../privacy/suppression";
import { ItemCovarianceAccumulator, cronbachAlphaFromCovariance } from "../reliability/cronbach";
import { rangeShape, readCellAt, type CellRange } from "./cells";
import { checkMinimumAnswers, requireShowable } from "./threshold";

/**
 * Cronbach's α of a respondents × items range (docs/domain.md#cronbach): listwise (a row with a blank item is
 * left out), sample variances. The complete rows must reach the confidentiality threshold.
 * Reference: R psych::alpha raw_alpha.
 *
 * @throws too-few-values under two items; below-threshold under `minimum` complete rows;
 *   zero-variance when the total score is constant
 */
export function alphaOfRange(range: CellRange, minimum = DEFAULT_MIN_GROUP_SIZE): number {
  checkMinimumAnswers(minimum, "ALPHA");
  const { columns } = rangeShape(range, "item_answers");
  if (columns < 2) throw new SymError("too-few-values", `ALPHA requires at least two item columns, got ${columns}`);
  const accumulator = new ItemCovarianceAccumulator(columns);
  const buffer = new Float64Array(columns);
  for (let row = 0; row < range.length; row++) {
    const cells = range[row];
    for (let column = 0; column < columns; column++) {
      const value = cells[column];
      buffer[column] = typeof value === "number" && Number.isFinite(value) ? value : readCellAt(value, "item_answers", row + 1, column + 1);
    }
    accumulator.add(buffer);
  }
  requireShowable(accumulator.completeRows, minimum);
  return cronbachAlphaFromCovariance(accumulator);
}
