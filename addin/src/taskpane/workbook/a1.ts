/**
 * A1 addresses: the only coordinate language shared by Office.js, the generated formulas and the
 * in-memory workbook. Rows and columns are 0-based inside the code, 1-based in A1 text.
 */

export interface CellAddress {
  readonly row: number;
  readonly column: number;
}

export interface RangeAddress {
  readonly top: number;
  readonly left: number;
  readonly bottom: number;
  readonly right: number;
}

/** 0 → "A", 25 → "Z", 26 → "AA". */
export function columnLetters(column: number): string {
  if (!(Number.isInteger(column) && column >= 0)) throw new RangeError(`columnLetters requires a column index of 0 or more, got ${column}`);
  let text = "";
  let rest = column + 1;
  while (rest > 0) {
    const remainder = (rest - 1) % 26;
    text = String.fromCharCode(65 + remainder) + text;
    rest = Math.floor((rest - 1) / 26);
  }
  return text;
}

/** "A" → 0, "AA" → 26. */
export function columnIndex(letters: string): number {
  let index = 0;
  for (const letter of letters.toUpperCase()) index = index * 26 + (letter.charCodeAt(0) - 64);
  return index - 1;
}

const CELL = /^\$?([A-Za-z]{1,3})\$?(\d{1,7})$/;

export function parseCell(text: string): CellAddress {
  const match = CELL.exec(text.trim());
  if (!match) throw new RangeError(`"${text}" is not an A1 cell address`);
  return { row: Number(match[2]) - 1, column: columnIndex(match[1]) };
}

/** Parses "B2", "B2:D10" or "Sheet!B2:D10" (the sheet part is ignored: see splitSheet). */
export function parseRange(text: string): RangeAddress {
  const local = splitSheet(text).address;
  const [first, second] = local.split(":");
  const start = parseCell(first);
  const end = second === undefined ? start : parseCell(second);
  return {
    top: Math.min(start.row, end.row),
    left: Math.min(start.column, end.column),
    bottom: Math.max(start.row, end.row),
    right: Math.max(start.column, end.column),
  };
}

export function cellText(cell: CellAddress, absolute = false): string {
  const dollar = absolute ? "$" : "";
  return `${dollar}${columnLetters(cell.column)}${dollar}${cell.row + 1}`;
}

export function rangeText(range: RangeAddress, absolute = false): string {
  const start = cellText({ row: range.top, column: range.left }, absolute);
  if (range.top === range.bottom && range.left === range.right) return start;
  return `${start}:${cellText({ row: range.bottom, column: range.right }, absolute)}`;
}

export function rangeSize(range: RangeAddress): { rows: number; columns: number } {
  return { rows: range.bottom - range.top + 1, columns: range.right - range.left + 1 };
}

/** The rectangle starting at `cell` holding `rows` × `columns` cells. */
export function rangeFrom(cell: CellAddress, rows: number, columns: number): RangeAddress {
  return { top: cell.row, left: cell.column, bottom: cell.row + rows - 1, right: cell.column + columns - 1 };
}

/** Sheet names are quoted when they hold anything but letters, digits and underscores (always safe in Excel). */
export function quoteSheet(sheet: string): string {
  return /^[A-Za-z_][A-Za-z0-9_]*$/.test(sheet) && !/^[A-Za-z]{1,3}\d+$/.test(sheet) ? sheet : `'${sheet.replace(/'/g, "''")}'`;
}

export function qualified(sheet: string, range: RangeAddress, absolute = true): string {
  return `${quoteSheet(sheet)}!${rangeText(range, absolute)}`;
}

/** Splits "'My sheet'!A1:B2" into its sheet (unquoted) and local address. */
export function splitSheet(text: string): { sheet?: string; address: string } {
  const bang = text.lastIndexOf("!");
  if (bang < 0) return { address: text };
  let sheet = text.slice(0, bang);
  if (sheet.startsWith("'") && sheet.endsWith("'")) sheet = sheet.slice(1, -1).replace(/''/g, "'");
  return { sheet, address: text.slice(bang + 1) };
}

export function contains(outer: RangeAddress, row: number, column: number): boolean {
  return row >= outer.top && row <= outer.bottom && column >= outer.left && column <= outer.right;
}
