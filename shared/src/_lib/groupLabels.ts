import { SymError } from "../errors";

/**
 * Group labels (units, managers, waves) as the accumulators key them, and how many distinct groups
 * they hold. A column of respondent ids mapped as `unit` would otherwise create a million groups
 * (gigabytes of aggregates) and a report no one can read.
 */

/** Most distinct units, and most distinct managers, in one population. */
export const MAX_GROUPS = 50_000;
/** Most distinct survey waves in one population. */
export const MAX_WAVES = 1_000;
/** Most distinct unit × manager × wave combinations in one population. */
export const MAX_GROUP_CELLS = 200_000;

/** True when every code unit is ASCII: such a label has one Unicode spelling only. */
function isAscii(label: string): boolean {
  for (let index = 0; index < label.length; index++) if (label.charCodeAt(index) > 0x7f) return false;
  return true;
}

/**
 * The label in Unicode NFC, so that "Équipe" typed on a Mac (NFD: E + combining acute) and on
 * Windows (NFC: É) are one group. ASCII labels, the usual case, are returned as they are.
 */
export function canonicalLabel(label: string): string {
  return isAscii(label) ? label : label.normalize("NFC");
}

/** The error for a grouping over its limit, naming the limit and the likely cause. */
export function tooManyGroups(what: "units" | "managers" | "waves" | "unit × manager × wave combinations", limit: number): SymError {
  return new SymError(
    "invalid-argument",
    `more than ${limit.toLocaleString("en-GB")} distinct ${what} (limit ${limit.toLocaleString("en-GB")}): is a respondent identifier mapped as a grouping column? Map the right column, or leave it unmapped`,
    { value: limit },
  );
}
