import { rangeText, type RangeAddress } from "./a1";
import type { CellValue } from "./WorkbookPort";

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
