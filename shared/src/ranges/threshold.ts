import { SymError } from "../errors";
import { CONFIDENTIALITY_FLOOR, DEFAULT_MIN_GROUP_SIZE } from "../privacy/suppression";

/**
 * Checks a confidentiality threshold given by the user: a whole number that may raise the floor of
 * 5 (docs/domain.md#confidentiality: as Viva Glint, Culture Amp, Lattice, Dayforce), never lower it. A threshold of 1 or
 * 2 would show the eNPS of a pair, and a pair at −100 reveals both answers.
 */
export function checkMinimumAnswers(minimum: number, functionName: string): number {
  if (!Number.isInteger(minimum)) {
    throw new SymError("invalid-argument", `${functionName} requires a whole confidentiality threshold, got ${minimum}`, {
      value: minimum,
    });
  }
  if (minimum < CONFIDENTIALITY_FLOOR) {
    throw new SymError(
      "invalid-argument",
      `${functionName}: the confidentiality threshold cannot be below ${CONFIDENTIALITY_FLOOR} (it may only be raised), got ${minimum}`,
      { value: minimum },
    );
  }
  return minimum;
}

/**
 * Confidentiality (docs/domain.md#confidentiality): no figure about fewer than `minimum` people is shown. The message
 * deliberately does not state the actual count, which is itself a figure about that group.
 *
 * @throws below-threshold "fewer than 5 answers"
 */
export function requireShowable(n: number, minimum = DEFAULT_MIN_GROUP_SIZE): void {
  if (n < minimum) throw new SymError("below-threshold", `fewer than ${minimum} answers`);
}
