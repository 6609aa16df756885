import type { RangeAddress } from "../workbook/a1";
import { mergeParts } from "../sheet/sections";
import type { SheetLayout } from "../barometer/applyLayout";
import { linkageContext, type LinkageLayoutInput } from "./sections/context";
import { correlationsSection, driversSection, quartilesSection } from "./sections/correlations";
import { turnoverSection } from "./sections/turnover";
import { scatterSection } from "./sections/scatter";
import { linkageChartsSection } from "./sections/charts";
import { linkageTitleSection } from "./sections/title";

/**
 * The Linkage sheet as data (values, not formulas: the analysis ran once on unit aggregates),
 * assembled from sections (`./sections/`), each starting on the row after the previous one.
 * Columns A–L, charts from column N. From the top: title and what ran; correlations; quartiles;
 * key drivers; turnover money; then the units behind the scatter chart.
 */

export { significanceMark } from "./sections/correlations";
export { SCATTER_CHART, DRIVERS_CHART } from "./sections/charts";
export type { LinkageLayoutInput } from "./sections/context";

export const LINKAGE_AREA_NAME = "SymLinkageArea";
const LAST_COLUMN = 11; // L
const FIRST_TABLE_ROW = 3; // 0-based: Excel row 4

export interface LinkageLayout extends SheetLayout {
  readonly anchors: {
    /** Data rows (0-based) of each table. */
    readonly correlations: RangeAddress;
    readonly quartiles?: RangeAddress;
    readonly drivers?: RangeAddress;
    readonly turnover?: RangeAddress;
    readonly scatter?: RangeAddress;
    readonly scatterX?: string;
    readonly scatterY?: string;
  };
}

export function linkageLayout(input: LinkageLayoutInput): LinkageLayout {
  const context = linkageContext(input);
  const correlations = correlationsSection(context, FIRST_TABLE_ROW);
  const quartiles = quartilesSection(context, correlations.bottom + 1);
  const drivers = driversSection(context, quartiles.bottom + 1);
  const turnover = turnoverSection(context, drivers.bottom + 1);
  const scatter = scatterSection(context, turnover.bottom + 1);
  const area: RangeAddress = { top: 0, left: 0, bottom: scatter.bottom, right: LAST_COLUMN };
  const parts = mergeParts(
    linkageTitleSection(context, area),
    correlations,
    quartiles,
    drivers,
    turnover,
    scatter,
    linkageChartsSection(context, scatter.anchors, drivers.anchors.rows),
  );
  return {
    sheetName: context.text.linkageSheetName,
    area,
    ...parts,
    anchors: {
      // The correlations table always has its data rows reserved, even when empty.
      correlations: correlations.anchors.rows ?? { top: FIRST_TABLE_ROW + 2, bottom: FIRST_TABLE_ROW + 2, left: 0, right: LAST_COLUMN },
      ...(quartiles.anchors.rows ? { quartiles: quartiles.anchors.rows } : {}),
      ...(drivers.anchors.rows ? { drivers: drivers.anchors.rows } : {}),
      ...(turnover.anchors.rows ? { turnover: turnover.anchors.rows } : {}),
      ...(scatter.anchors.rows ? { scatter: scatter.anchors.rows, scatterX: scatter.anchors.x, scatterY: scatter.anchors.y } : {}),
    },
  };
}
