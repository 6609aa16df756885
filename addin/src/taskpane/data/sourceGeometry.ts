import { parseRange, rangeFrom, rangeText, type RangeAddress } from "../workbook/a1";
import type { CellValue, WorkbookPort } from "../workbook/WorkbookPort";

/**
 * Where a population's data sits: the header row, then one row per respondent. Found from a
 * table's address or the sheet's used range (or the mapping's explicit range).
 */
export interface SourceGeometry {
  readonly sheet: string;
  /** The whole block, header row included. */
  readonly block: RangeAddress;
  readonly headers: readonly string[];
}

export interface SourceLocation {
  readonly sheet: string;
  readonly range?: string;
  readonly table?: string;
}

export function headerText(value: CellValue): string {
  return value === null ? "" : String(value).trim();
}

/** Reads the header row of a sheet, table or range. Fails with a message saying what is missing. */
export async function locateSource(port: WorkbookPort, location: SourceLocation): Promise<SourceGeometry> {
  let address = location.range;
  let sheet = location.sheet;
  if (location.table) {
    const table = (await port.listTables()).find((candidate) => candidate.name === location.table);
    if (!table) throw new Error(`The table "${location.table}" no longer exists: pick the data again`);
    address = table.address;
    sheet = table.sheet;
  }
  if (!address) {
    const summary = (await port.listSheets()).find((candidate) => candidate.name === sheet);
    if (!summary) throw new Error(`The sheet "${sheet}" no longer exists: pick the data again`);
    if (!summary.usedRange) throw new Error(`The sheet "${sheet}" is empty: paste the survey export with its header row first`);
    address = summary.usedRange;
  }
  const block = parseRange(address);
  const headerRow = rangeFrom({ row: block.top, column: block.left }, 1, block.right - block.left + 1);
  const [headers] = await port.readRange(sheet, rangeText(headerRow));
  return { sheet, block, headers: headers.map(headerText) };
}

/** 0-based column of a header inside the block, or -1. */
export function columnOfHeader(geometry: SourceGeometry, header: string): number {
  return geometry.headers.indexOf(header);
}

export function respondentCount(geometry: SourceGeometry): number {
  return geometry.block.bottom - geometry.block.top;
}
