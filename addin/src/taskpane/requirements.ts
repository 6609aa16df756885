/**
 * The Office requirement sets the add-in needs, as the manifest declares them (a test derives the
 * versions from the `[Api set: …]` tags of the members the code uses and compares both lists).
 *
 * - SharedRuntime 1.1: one page runs the task pane and the SYM functions.
 * - CustomFunctionsRuntime 1.3: the `#DIV/0!` and `#NUM!` error values of the functions.
 * - ExcelApi 1.7: chart series, `getUsedRangeOrNullObject`, worksheet events.
 *
 * Excel 2021 and later, Microsoft 365 and Excel on the web have all three; Excel 2016 and 2019
 * (volume licensed) do not have the shared runtime ("Requirement sets", Office Add-ins docs).
 */

export interface RequirementSet {
  readonly name: string;
  readonly version: string;
}

export const REQUIRED_SETS: readonly RequirementSet[] = [
  { name: "SharedRuntime", version: "1.1" },
  { name: "CustomFunctionsRuntime", version: "1.3" },
  { name: "ExcelApi", version: "1.7" },
];

export type SetSupport = (name: string, version: string) => boolean;

/** The sets this Excel lacks (empty when everything is there). */
export function missingRequirementSets(isSetSupported: SetSupport): RequirementSet[] {
  return REQUIRED_SETS.filter((set) => {
    try {
      return !isSetSupported(set.name, set.version);
    } catch {
      return true;
    }
  });
}

/** A plain sentence for the user naming what is missing, in English and French. */
export function missingSetsMessage(missing: readonly RequirementSet[], language: "en" | "fr"): string {
  const list = missing.map((set) => `${set.name} ${set.version}`).join(", ");
  return language === "fr"
    ? `Cette version d'Excel ne prend pas en charge ${list}, dont le Baromètre a besoin. Utilisez Microsoft 365, Excel 2021 ou plus récent, ou Excel sur le web.`
    : `This version of Excel lacks ${list}, which the Symmetry Barometer needs. Use Microsoft 365, Excel 2021 or later, or Excel on the web.`;
}
