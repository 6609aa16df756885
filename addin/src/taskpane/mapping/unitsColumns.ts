import { normaliseHeader, type Mapping } from "../../../../shared/src/index";
import type { SourceLocation } from "../data/sourceGeometry";

/**
 * Suggested columns of the Units data from their headers (EN/FR, as the samples and the CLI's
 * units file name them): unit, headcount / effectif, leavers / départs, salary / salaire,
 * attribute / type (front office or support). The user can change each in the Units grid.
 */
const PATTERNS: [keyof NonNullable<Mapping["units"]>, RegExp][] = [
  ["unitColumn", /^(unit|unite|store|magasin|site|team|equipe)$/],
  ["headcountColumn", /(headcount|effectif)/],
  ["leaversColumn", /(leavers|departs|exits|sorties)/],
  ["salaryColumn", /(salary|salaire)/],
  ["attributeColumn", /^(attribute|attribut|type)$/],
];

export function suggestUnitsColumns(location: SourceLocation, headers: readonly string[]): NonNullable<Mapping["units"]> | null {
  const named = headers.filter(Boolean);
  if (named.length === 0) return null;
  const found: Partial<Record<keyof NonNullable<Mapping["units"]>, string>> = {};
  for (const [field, pattern] of PATTERNS) {
    const header = named.find((candidate) => pattern.test(normaliseHeader(candidate)));
    if (header) found[field] = header;
  }
  return {
    sheet: location.sheet,
    ...(location.range ? { range: location.range } : {}),
    ...(location.table ? { table: location.table } : {}),
    unitColumn: found.unitColumn ?? named[0],
    ...(found.headcountColumn ? { headcountColumn: found.headcountColumn } : {}),
    ...(found.leaversColumn ? { leaversColumn: found.leaversColumn } : {}),
    ...(found.salaryColumn ? { salaryColumn: found.salaryColumn } : {}),
    ...(found.attributeColumn ? { attributeColumn: found.attributeColumn } : {}),
  };
}
