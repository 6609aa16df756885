import type ExcelJS from "exceljs";
import { SymError } from "@symmetry/engine/errors";

/**
 * What a data cell of a workbook holds, as the engine reads answers: a number, a text, or nothing.
 * Formula cells are refused, never evaluated and never read by their cached value: a cached result
 * may be stale or absent (files written by tools that do not calculate), and survey answers are
 * values. The message names the cell and its formula so the user can paste values instead.
 */
export type DataCell = number | string | null;

export function cellAddress(row: number, column: number): string {
  let letters = "";
  for (let rest = column; rest > 0; rest = Math.floor((rest - 1) / 26)) letters = String.fromCharCode(65 + ((rest - 1) % 26)) + letters;
  return `${letters}${row}`;
}

/** @throws SymError `invalid-answer` for formulas, error values, booleans and dates */
export function readDataCell(value: ExcelJS.CellValue, where: () => string): DataCell {
  if (value === null || value === undefined) return null;
  if (typeof value === "number" || typeof value === "string") return value;
  if (typeof value === "boolean")
    throw new SymError("invalid-answer", `${where()} holds the boolean ${String(value).toUpperCase()}, not an answer`, { value });
  if (value instanceof Date)
    throw new SymError("invalid-answer", `${where()} holds a date (${value.toISOString().slice(0, 10)}), not an answer`, {
      value: value.toISOString(),
    });
  const object = value as unknown as Record<string, unknown>;
  if ("formula" in object || "sharedFormula" in object) {
    const formula = typeof object.formula === "string" ? `=${object.formula}` : "a shared formula";
    throw new SymError(
      "invalid-answer",
      `${where()} holds the formula ${formula}: sym report reads values only and never evaluates formulas (copy the column and paste it as values)`,
      { value: formula },
    );
  }
  if ("error" in object)
    throw new SymError("invalid-answer", `${where()} holds the error value ${String(object.error)}`, { value: String(object.error) });
  if (Array.isArray(object.richText)) return (object.richText as { text?: string }[]).map((run) => run.text ?? "").join("");
  if (typeof object.text === "string") return object.text; // a hyperlink cell: its text
  throw new SymError("invalid-answer", `${where()} holds a value sym report cannot read (${JSON.stringify(value).slice(0, 80)})`, {
    value: JSON.stringify(value),
  });
}

/** A label cell (unit, manager, wave): numbers become their text ("101"). */
export function readLabelCell(value: ExcelJS.CellValue, where: () => string): string {
  const cell = readDataCell(value, where);
  return cell === null ? "" : String(cell).trim();
}
