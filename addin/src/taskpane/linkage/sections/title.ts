import { rangeText, type RangeAddress } from "../../workbook/a1";
import { format } from "../../i18n/strings";
import { valueBlock, type SheetParts } from "../../sheet/sections";
import type { LinkageContext } from "./context";

/** Rows 1–2: title, and what ran (units, exclusions, threshold, bootstrap, seed, where, area). */
export function linkageTitleSection(context: LinkageContext, area: RangeAddress): SheetParts {
  const { text, result, input } = context;
  const subtitle = format(text.linkageSubtitle, {
    units: result.units,
    excluded: result.excluded,
    minN: input.minN,
    bootstrap: result.bootstrap,
    seed: result.seed,
    where: input.ranOn === "api" ? text.linkageOnApi : text.linkageLocally,
    area: rangeText(area),
  });
  return { blocks: [valueBlock(0, 0, [[text.linkageTitle], [subtitle]])], numberFormats: [], conditionalFormats: [], charts: [] };
}
