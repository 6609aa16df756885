import { parseRange, rangeText, type RangeAddress } from "./a1";
import type { CellValue, NamedRange, SheetWrite, WorkbookPort } from "./WorkbookPort";

export type { SheetWrite, SheetWriteBlock } from "./WorkbookPort";

/**
 * A generated sheet (the Barometer, the Linkage sheet) as one write: the port performs it in a
 * single batch (one `Excel.run` with a few syncs in the Office.js adapter) so that a build costs
 * the same few round trips whatever the number of dimensions, units or charts ("Performance
 * optimization using the Excel JavaScript API": batch the work, never sync inside a loop).
 *
 * The write is in place: the generated area is remembered as a workbook name (`areaName`); a
 * rebuild renames that sheet when the language changed, clears only that area, refuses to
 * overwrite cells the user typed where the new area grows (checked before anything is written),
 * replaces the charts by name and redefines the name.
 */

export class AreaOccupiedError extends Error {
  constructor(
    readonly sheet: string,
    readonly cell: string,
  ) {
    super(
      `The generated sheet needs the cells up to ${cell} on sheet "${sheet}", and ${cell} holds your data: move it below or to the right, then build again`,
    );
    this.name = "AreaOccupiedError";
  }
}

function inside(range: RangeAddress, row: number, column: number): boolean {
  return row >= range.top && row <= range.bottom && column >= range.left && column <= range.right;
}

/**
 * The first cell of `area` (read as `values`) that holds the user's data, outside the area the
 * previous build owned; undefined when the area is free.
 */
export function firstOccupiedCell(
  values: readonly (readonly CellValue[])[],
  area: RangeAddress,
  previous?: RangeAddress,
): string | undefined {
  for (let row = 0; row < values.length; row++) {
    for (let column = 0; column < values[row].length; column++) {
      const absoluteRow = area.top + row;
      const absoluteColumn = area.left + column;
      if (previous && inside(previous, absoluteRow, absoluteColumn)) continue;
      const value = values[row][column];
      if (value !== null && value !== "") {
        return rangeText({ top: absoluteRow, left: absoluteColumn, bottom: absoluteRow, right: absoluteColumn });
      }
    }
  }
  return undefined;
}

/**
 * The same write through the port's single-purpose calls, one after the other: for ports where a
 * call is not a round trip (the in-memory workbook of the tests and the preview).
 */
export async function writeSheetStepByStep(port: WorkbookPort, write: SheetWrite): Promise<NamedRange> {
  const previous = await port.getNamedRange(write.areaName);
  const area = parseRange(write.area);
  const previousArea = previous ? parseRange(previous.address) : undefined;
  const existing = new Set((await port.listSheets()).map((sheet) => sheet.name));
  const checkedSheet = existing.has(write.sheetName)
    ? write.sheetName
    : previous && existing.has(previous.sheet)
      ? previous.sheet
      : undefined;
  if (checkedSheet) {
    const occupied = firstOccupiedCell(await port.readRange(checkedSheet, write.area), area, previousArea);
    if (occupied) throw new AreaOccupiedError(write.sheetName, occupied);
  }
  await port.ensureSheet(write.sheetName, previous?.sheet);
  if (previous) await port.clearRange(write.sheetName, previous.address);
  for (const block of write.blocks) if (block.values) await port.writeValues(write.sheetName, block.topLeft, block.values);
  for (const block of write.blocks) if (block.formulas) await port.writeFormulas(write.sheetName, block.topLeft, block.formulas);
  for (const { address, format } of write.numberFormats) await port.setNumberFormat(write.sheetName, address, format);
  if (write.conditionalFormats.length > 0) await port.addConditionalFormats(write.sheetName, write.conditionalFormats);
  for (const chart of write.charts) await port.upsertChart(write.sheetName, chart);
  const written: NamedRange = { sheet: write.sheetName, address: write.area };
  await port.setNamedRange(write.areaName, written);
  await port.activateSheet(write.sheetName);
  return written;
}
