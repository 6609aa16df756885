import { cellText, rangeFrom, type RangeAddress } from "../workbook/a1";
import type { CellValue, ChartSpec, ConditionalFormatRule } from "../workbook/WorkbookPort";

/**
 * A generated sheet (Barometer, Linkage, …) is assembled from sections: small functions that each
 * return rectangular blocks of cells, their number formats, conditional formats and charts, and
 * the last row they use so that the next section starts below. A section never writes; the whole
 * sheet is written in one batch by `applyLayout`.
 *
 * Excel refuses a `values`/`formulas` array that is not rectangular and exactly the range's size
 * (`InvalidArgument`, OfficeDev/office-js#1025): blocks are made only through `valueBlock` and
 * `formulaBlock`, which pad short rows with blank cells.
 */

export interface CellBlock {
  readonly topLeft: string;
  readonly values?: CellValue[][];
  readonly formulas?: (string | null)[][];
}

export interface NumberFormatRule {
  readonly address: string;
  readonly format: string;
}

/** What every section returns (and what a whole sheet is once its sections are merged). */
export interface SheetParts {
  readonly blocks: readonly CellBlock[];
  readonly numberFormats: readonly NumberFormatRule[];
  readonly conditionalFormats: readonly ConditionalFormatRule[];
  readonly charts: readonly ChartSpec[];
}

export interface Section<Anchors = Record<string, never>> extends SheetParts {
  /** Last row (0-based) the section uses, or the row above it when it wrote nothing. */
  readonly bottom: number;
  readonly anchors: Anchors;
}

export const NO_PARTS: SheetParts = { blocks: [], numberFormats: [], conditionalFormats: [], charts: [] };

function widthOf(rows: readonly (readonly unknown[])[]): number {
  return rows.reduce((width, row) => Math.max(width, row.length), 0);
}

function padded<T>(rows: readonly (readonly T[])[], blank: T): T[][] {
  const width = Math.max(1, widthOf(rows));
  return rows.map((row) => [...row, ...Array.from({ length: width - row.length }, () => blank)]);
}

/** A block of values at (row, column), 0-based; short rows are padded with blanks. */
export function valueBlock(row: number, column: number, values: readonly (readonly CellValue[])[]): CellBlock {
  return { topLeft: cellText({ row, column }), values: padded(values, null) };
}

/** A block of formulas at (row, column), 0-based; `null` leaves the cell empty (room for a spill). */
export function formulaBlock(row: number, column: number, formulas: readonly (readonly (string | null)[])[]): CellBlock {
  return { topLeft: cellText({ row, column }), formulas: padded(formulas, null) };
}

/** The rectangle a block covers. */
export function blockRange(block: CellBlock): RangeAddress {
  const rows = block.values ?? block.formulas ?? [];
  const start = /^([A-Z]+)(\d+)$/.exec(block.topLeft);
  if (!start) throw new RangeError(`block at "${block.topLeft}" is not at an A1 cell`);
  let column = 0;
  for (const letter of start[1]) column = column * 26 + letter.charCodeAt(0) - 64;
  return rangeFrom({ row: Number(start[2]) - 1, column: column - 1 }, rows.length, widthOf(rows));
}

/** True when every row of the block has the same, non-zero length. */
export function isRectangular(block: CellBlock): boolean {
  const rows = block.values ?? block.formulas ?? [];
  return rows.length > 0 && rows[0].length > 0 && rows.every((row) => row.length === rows[0].length);
}

/** The parts of several sections, in order. */
export function mergeParts(...parts: readonly SheetParts[]): SheetParts {
  return {
    blocks: parts.flatMap((part) => part.blocks),
    numberFormats: parts.flatMap((part) => part.numberFormats),
    conditionalFormats: parts.flatMap((part) => part.conditionalFormats),
    charts: parts.flatMap((part) => part.charts),
  };
}

/** A one-column span "C11:C20" (0-based column and rows). */
export function columnSpan(column: number, top: number, bottom: number): string {
  const letters = cellText({ row: top, column }).replace(/\d+$/, "");
  return `${letters}${top + 1}:${letters}${bottom + 1}`;
}
