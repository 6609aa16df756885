import { parseRange, rangeText, type RangeAddress } from "../workbook/a1";
import type { NamedRange, WorkbookPort } from "../workbook/WorkbookPort";
import { AREA_NAME, type BarometerLayout } from "./layout";
import { localizeFormula, metadataLanguage } from "../../functions/metadataLocales";

/**
 * Writes a generated sheet (the Barometer, the Linkage sheet) so that running it again updates in
 * place: the generated area is remembered as a workbook name (`SymBarometerArea`,
 * `SymLinkageArea`); a rebuild renames that sheet when the language changed, clears only that
 * area, refuses to overwrite cells the user typed where the new area grows, replaces the charts
 * by name and redefines the name. Nothing is duplicated.
 */

/** What `applyLayout` writes: the parts every generated sheet layout has. */
export type SheetLayout = Pick<BarometerLayout, "sheetName" | "area" | "blocks" | "numberFormats" | "conditionalFormats" | "charts">;

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

function overlapsOrInside(inner: RangeAddress, row: number, column: number): boolean {
  return row >= inner.top && row <= inner.bottom && column >= inner.left && column <= inner.right;
}

async function checkAreaFree(port: WorkbookPort, sheet: string, area: RangeAddress, previous: RangeAddress | undefined): Promise<void> {
  const values = await port.readRange(sheet, rangeText(area));
  for (let row = 0; row < values.length; row++) {
    for (let column = 0; column < values[row].length; column++) {
      const absoluteRow = area.top + row;
      const absoluteColumn = area.left + column;
      if (previous && overlapsOrInside(previous, absoluteRow, absoluteColumn)) continue;
      if (values[row][column] !== null && values[row][column] !== "") {
        throw new AreaOccupiedError(
          sheet,
          rangeText({ top: absoluteRow, left: absoluteColumn, bottom: absoluteRow, right: absoluteColumn }),
        );
      }
    }
  }
}

export async function applyLayout(port: WorkbookPort, layout: SheetLayout, areaName = AREA_NAME): Promise<NamedRange> {
  const previous = await port.getNamedRange(areaName);
  await port.ensureSheet(layout.sheetName, previous?.sheet);
  const previousArea = previous ? parseRange(previous.address) : undefined;
  if (previous) await port.clearRange(layout.sheetName, previous.address);
  await checkAreaFree(port, layout.sheetName, layout.area, previousArea);

  for (const block of layout.blocks) if (block.values) await port.writeValues(layout.sheetName, block.topLeft, block.values);
  // Layouts speak the functions' ids; Excel knows them by the names of the metadata it loaded.
  const names = metadataLanguage(port.displayLanguage);
  for (const block of layout.blocks) {
    if (block.formulas)
      await port.writeFormulas(
        layout.sheetName,
        block.topLeft,
        block.formulas.map((row) => row.map((formula) => (formula === null ? null : localizeFormula(formula, names)))),
      );
  }
  for (const { address, format } of layout.numberFormats) await port.setNumberFormat(layout.sheetName, address, format);
  await port.addConditionalFormats(layout.sheetName, layout.conditionalFormats);
  for (const chart of layout.charts) await port.upsertChart(layout.sheetName, chart);

  const area: NamedRange = { sheet: layout.sheetName, address: rangeText(layout.area) };
  await port.setNamedRange(areaName, area);
  await port.activateSheet(layout.sheetName);
  return area;
}
