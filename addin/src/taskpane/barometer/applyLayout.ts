import { rangeText } from "../workbook/a1";
import type { NamedRange, WorkbookPort } from "../workbook/WorkbookPort";
import { AREA_NAME, type BarometerLayout } from "./layout";
import { localizeFormula, metadataLanguage } from "../../functions/metadataLocales";

export { AreaOccupiedError } from "../workbook/sheetWrite";

/**
 * Writes a generated sheet (the Barometer, the Linkage sheet) so that running it again updates in
 * place: the generated area is remembered as a workbook name (`SymBarometerArea`,
 * `SymLinkageArea`); a rebuild renames that sheet when the language changed, clears only that
 * area, refuses to overwrite cells the user typed where the new area grows, replaces the charts
 * by name and redefines the name. Nothing is duplicated. The port writes it all in one batch
 * (one `Excel.run` in real Excel: ../workbook/officeSheetWrite.ts).
 */

/** What `applyLayout` writes: the parts every generated sheet layout has. */
export type SheetLayout = Pick<BarometerLayout, "sheetName" | "area" | "blocks" | "numberFormats" | "conditionalFormats" | "charts">;

export async function applyLayout(port: WorkbookPort, layout: SheetLayout, areaName = AREA_NAME): Promise<NamedRange> {
  // Layouts speak the functions' ids; Excel knows them by the names of the metadata it loaded.
  const names = metadataLanguage(port.displayLanguage);
  return port.writeSheet({
    areaName,
    sheetName: layout.sheetName,
    area: rangeText(layout.area),
    blocks: layout.blocks.map((block) => ({
      topLeft: block.topLeft,
      ...(block.values ? { values: block.values } : {}),
      ...(block.formulas
        ? { formulas: block.formulas.map((row) => row.map((formula) => (formula === null ? null : localizeFormula(formula, names)))) }
        : {}),
    })),
    numberFormats: layout.numberFormats,
    conditionalFormats: layout.conditionalFormats,
    charts: layout.charts,
  });
}
