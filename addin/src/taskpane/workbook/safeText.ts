/**
 * Safe writes (user text is never written as a formula): a value written to a cell must stay that value. Excel reads text starting
 * with `=`, `+`, `-` or `@` as a formula or a number (a unit named `=HYPERLINK("http://…")` would
 * become a live link), so such text is written with Excel's quote prefix `'`, which Excel keeps
 * out of the cell's value and shows nowhere but in the formula bar.
 */

import type { CellValue } from "./WorkbookPort";

const FORMULA_TRIGGERS = /^[=+\-@]/;

/** True when Excel would not keep this text as typed. */
export function needsQuotePrefix(text: string): boolean {
  return FORMULA_TRIGGERS.test(text) || text.startsWith("'");
}

/** The value to hand to Excel's `values` so that it is stored exactly as given. */
export function toExcelInput(value: CellValue): CellValue {
  if (typeof value === "string" && needsQuotePrefix(value)) return `'${value}`;
  return value;
}
