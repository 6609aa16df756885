import { SymError } from "../errors";
import { DEFAULT_MIN_GROUP_SIZE } from "../privacy/suppression";
import {
  countTotal,
  netPromoterScore,
  npsDifference,
  npsInterval,
  type NpsDifference,
  type NpsInterval,
  type RecommendationCounts,
} from "../nps/nps";
import { failAt, failRaggedRow, readCellAt, vectorShape, type CellRange } from "./cells";
import { checkMinimumAnswers, requireShowable } from "./threshold";

function failNotRecommendation(value: number, argument: string, row: number, column: number): never {
  return failAt(
    new SymError("not-recommendation", `recommendation answer ${value} is not an integer from 0 to 10`, { value }),
    argument,
    row,
    column,
  );
}

/**
 * Counts promoters (9–10), passives (7–8) and detractors (0–6) of a one-column range of 0–10
 * answers (docs/domain.md#nps), in one pass over the cells without copying them. Blanks (`null`, `""`)
 * and declared non-answers are missing; a `0` is an answer (a detractor), never a blank.
 *
 * @throws not-recommendation for a number that is not an integer 0–10, invalid-answer for other
 *   text, shape-mismatch for a range of several columns and rows (each naming row and column)
 */
export function recommendationCountsOfRange(range: CellRange, argument = "answers"): RecommendationCounts {
  const { columns } = vectorShape(range, argument, false);
  let promoters = 0;
  let passives = 0;
  let detractors = 0;
  for (let row = 0; row < range.length; row++) {
    const cells = range[row];
    if (!cells || cells.length !== columns) failRaggedRow(cells, columns, argument, row + 1);
    for (let column = 0; column < columns; column++) {
      let value = (columns === 1 ? cells[0] : cells[column]) as number;
      if (typeof value !== "number") {
        if (value === null || value === undefined || (value as unknown) === "") continue; // blank: missing
        value = readCellAt(value, argument, row + 1, column + 1);
        if (value !== value) continue; // declared non-answer
      }
      // (value | 0) === value: an integer in the int32 range, and NaN fails it
      if ((value | 0) !== value || value < 0 || value > 10) failNotRecommendation(value, argument, row + 1, column + 1);
      if (value >= 9) promoters += 1;
      else if (value >= 7) passives += 1;
      else detractors += 1;
    }
  }
  return { promoters, passives, detractors };
}

/**
 * NPS / eNPS of a range: `100·(P−D)/n` (docs/domain.md#nps), hidden under the confidentiality threshold.
 *
 * @example npsOfRange([[10], [9], [8], [6], [3], [10]]) // { value: 16.67, n: 6 }
 * @throws below-threshold "fewer than 5 answers" when n < minimum
 */
export function npsOfRange(range: CellRange, minimum = DEFAULT_MIN_GROUP_SIZE, argument = "answers"): { value: number; n: number } {
  checkMinimumAnswers(minimum, "NPS");
  const counts = recommendationCountsOfRange(range, argument);
  const n = countTotal(counts);
  requireShowable(n, minimum);
  return { value: netPromoterScore(counts), n };
}

/**
 * NPS with its adjusted-Wald interval (Rocks 2016; docs/domain.md#nps-interval), see `npsInterval`.
 *
 * @throws below-threshold when n < minimum; invalid-argument for a confidence outside (0, 1)
 */
export function npsIntervalOfRange(range: CellRange, confidence = 0.95, minimum = DEFAULT_MIN_GROUP_SIZE): NpsInterval {
  checkMinimumAnswers(minimum, "NPSCI");
  const counts = recommendationCountsOfRange(range, "answers");
  requireShowable(countTotal(counts), minimum);
  return npsInterval(counts, confidence);
}

/**
 * Difference of two independent NPS with its z test on the adjusted-Wald variances (docs/domain.md#nps-difference,
 * after Rocks 2016), see `npsDifference`. Each group must reach the confidentiality threshold.
 */
export function npsDifferenceOfRanges(first: CellRange, second: CellRange, minimum = DEFAULT_MIN_GROUP_SIZE): NpsDifference {
  checkMinimumAnswers(minimum, "NPSDIFF");
  const firstCounts = recommendationCountsOfRange(first, "a");
  const secondCounts = recommendationCountsOfRange(second, "b");
  requireShowable(countTotal(firstCounts), minimum);
  requireShowable(countTotal(secondCounts), minimum);
  return npsDifference(firstCounts, secondCounts);
}

/** Reads one 0–10 answer at a position: NaN when blank or a declared non-answer. */
export function readRecommendationAt(cell: unknown, argument: string, row: number, column: number): number {
  const value = typeof cell === "number" && Number.isFinite(cell) ? cell : readCellAt(cell as never, argument, row, column);
  if (value !== value) return value;
  if ((value | 0) !== value || value < 0 || value > 10) failNotRecommendation(value, argument, row, column);
  return value;
}
