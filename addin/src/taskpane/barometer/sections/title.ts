import { rangeText, type RangeAddress } from "../../workbook/a1";
import { format } from "../../i18n/strings";
import { valueBlock, type SheetParts } from "../../sheet/sections";
import type { BarometerContext } from "./context";

/** Rows 1–2: title, and a subtitle naming the model, both sources and the area the build owns. */
export function titleSection(context: BarometerContext, area: RangeAddress): SheetParts {
  const { text, input } = context;
  const subtitle = format(text.sheetSubtitle, {
    model: input.model.name[input.language],
    version: input.model.version,
    employees: `${input.employees.sheet}!${rangeText(input.employees.block)}`,
    customers: `${input.customers.sheet}!${rangeText(input.customers.block)}`,
    area: rangeText(area),
  });
  return { blocks: [valueBlock(0, 0, [[text.sheetTitle], [subtitle]])], numberFormats: [], conditionalFormats: [], charts: [] };
}
