import { SymError } from "../errors";
import type { Scale } from "../model/schemas";
import { isMissing, MISSING, normaliseAnswer, checkInScale, checkScale } from "./answers";
import { checkAtPosition } from "../_lib/position";

/**
 * Respondent dimension score (docs/domain.md#respondent-score): the mean of the respondent's normalised items in the
 * dimension, missing items skipped; NaN when every item is missing.
 *
 * @param answers raw answers of one respondent, one per item (NaN = missing)
 * @example respondentScore([4, NaN, 5], { min: 1, max: 5 }) // 87.5
 */
export function respondentScore(answers: ArrayLike<number>, scale: Scale, reversed?: ArrayLike<boolean>): number {
  checkScale(scale, "respondentScore");
  let sum = 0;
  let count = 0;
  for (let index = 0; index < answers.length; index++) {
    let normalised = MISSING;
    checkAtPosition(index, () => {
      normalised = normaliseAnswer(answers[index], scale, reversed?.[index] ?? false);
    });
    if (!isMissing(normalised)) {
      sum += normalised;
      count += 1;
    }
  }
  return count > 0 ? sum / count : MISSING;
}

/**
 * Group score: the mean of respondent scores over the respondents who answered at least one item.
 *
 * @throws too-few-values when no respondent answered
 */
export function groupScore(respondentScores: ArrayLike<number>): { score: number; n: number } {
  let sum = 0;
  let n = 0;
  for (let index = 0; index < respondentScores.length; index++) {
    const score = respondentScores[index];
    if (!isMissing(score)) {
      sum += score;
      n += 1;
    }
  }
  if (n === 0) throw new SymError("too-few-values", "groupScore requires at least one answer, got 0", { value: 0 });
  return { score: sum / n, n };
}

/**
 * Favourable % (top-2-box, docs/domain.md#favourable): the share of present answers in the top two points of the
 * scale (the bottom two for a reversed item), in percent.
 *
 * @example favourableShare([5, 4, 3, 2], { min: 1, max: 5 }) // 50
 * @throws too-few-values when every answer is missing
 */
export function favourableShare(answers: ArrayLike<number>, scale: Scale, reversed = false): { share: number; n: number } {
  checkScale(scale, "favourableShare");
  let favourable = 0;
  let n = 0;
  for (let index = 0; index < answers.length; index++) {
    const value = answers[index];
    if (isMissing(value)) continue;
    checkAtPosition(index, () => checkInScale(value, scale));
    n += 1;
    if (reversed ? value <= scale.min + 1 : value >= scale.max - 1) favourable += 1;
  }
  if (n === 0) throw new SymError("too-few-values", "favourableShare requires at least one answer, got 0", { value: 0 });
  return { share: (100 * favourable) / n, n };
}
