import { recogniseUnitsColumns, type Mapping } from "@symmetry/engine";
import type { SourceLocation } from "../data/sourceGeometry";

/**
 * Suggested columns of the Units data from their headers (EN/FR, as the samples and the CLI's
 * units file name them): unit, headcount / effectif, leavers / départs, salary / salaire,
 * attribute / type (front office or support). The user can change each in the Units grid.
 */
export function suggestUnitsColumns(location: SourceLocation, headers: readonly string[]): NonNullable<Mapping["units"]> | null {
  const named = headers.filter(Boolean);
  if (named.length === 0) return null;
  const found = recogniseUnitsColumns(named);
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
