import { normaliseHeader } from "./headers";
import type { Mapping } from "./schemas";

/** The columns of the Units data a header can stand for. */
export type UnitsColumnField = keyof NonNullable<Mapping["units"]>;

/**
 * Headers of the Units data, EN or FR, as the samples and the CLI's units file name them (docs/domain.md#dimensions,
 * unit attributes): unit / unité / store / magasin / site / team / équipe, headcount / effectif,
 * leavers / départs / exits / sorties, salary / salaire, attribute / attribut / type. Matched on
 * the normalised header ({@link normaliseHeader}).
 */
const UNITS_COLUMN_PATTERNS: readonly [UnitsColumnField, RegExp][] = [
  ["unitColumn", /^(unit|unite|store|magasin|site|team|equipe)$/],
  ["headcountColumn", /(headcount|effectif)/],
  ["leaversColumn", /(leavers|departs|exits|sorties)/],
  ["salaryColumn", /(salary|salaire)/],
  ["attributeColumn", /^(attribute|attribut|type)$/],
];

/**
 * Recognises the Units columns among `headers`: for each column, the first non-empty header that
 * names it. Shared by the task pane's Units grid suggestion and the CLI's Units sheet reader, so
 * both read the same workbook the same way. Columns no header names are absent.
 *
 * @example
 * recogniseUnitsColumns(["Unité", "Effectif", "Départs"]);
 * // { unitColumn: "Unité", headcountColumn: "Effectif", leaversColumn: "Départs" }
 */
export function recogniseUnitsColumns(headers: readonly string[]): Partial<Record<UnitsColumnField, string>> {
  const found: Partial<Record<UnitsColumnField, string>> = {};
  for (const [field, pattern] of UNITS_COLUMN_PATTERNS) {
    const header = headers.find((candidate) => candidate !== "" && pattern.test(normaliseHeader(candidate)));
    if (header) found[field] = header;
  }
  return found;
}
