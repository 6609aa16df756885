import { SymError } from "../errors";
import { DEFAULT_MIN_GROUP_SIZE } from "../privacy/suppression";

/**
 * Checks a confidentiality threshold given by the user (a whole number of 1 or more; DOMAIN.md:
 * default 5, as Viva Glint, Culture Amp, Lattice, Dayforce).
 */
export function checkMinimumAnswers(minimum: number, functionName: string): number {
  if (!(Number.isInteger(minimum) && minimum >= 1)) {
    throw new SymError("invalid-argument", `${functionName} requires a whole confidentiality threshold of 1 or more, got ${minimum}`, {
      value: minimum,
    });
  }
  return minimum;
}

/**
 * Confidentiality (DOMAIN.md): no figure about fewer than `minimum` people is shown. The message
 * deliberately does not state the actual count, which is itself a figure about that group.
 *
 * @throws below-threshold "fewer than 5 answers"
 */
export function requireShowable(n: number, minimum = DEFAULT_MIN_GROUP_SIZE): void {
  if (n < minimum) throw new SymError("below-threshold", `fewer than ${minimum} answers`);
}
