import type { FormulaNode } from "./formula/parse";
import type { CellValue, ChartSpec, ConditionalFormatRule } from "../src/taskpane/workbook/WorkbookPort";

/** One sheet of the in-memory workbook, and the cell keys its maps use. */

export const COLUMN_SPAN = 16384; // Excel's column count: cell key = row × span + column

export interface MemorySheet {
  name: string;
  /** Dense rows of typed values (data sheets hold 200 k rows). */
  readonly values: CellValue[][];
  readonly formulas: Map<number, { text: string; node: FormulaNode }>;
  readonly numberFormats: Map<number, string>;
  conditionalFormats: ConditionalFormatRule[];
  readonly charts: Map<string, ChartSpec>;
}

export function key(row: number, column: number): number {
  return row * COLUMN_SPAN + column;
}
