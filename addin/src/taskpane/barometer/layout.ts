import type { RangeAddress } from "../workbook/a1";
import { mergeParts, NO_PARTS, type SheetParts } from "../sheet/sections";
import { barometerContext, type LayoutInput } from "./sections/context";
import { indicatorsSection } from "./sections/indicators";
import { dimensionTableSection } from "./sections/dimensionTable";
import { groupHeatMapSection } from "./sections/groupHeatMap";
import { benchmarkSection } from "./sections/benchmark";
import { chartsSection } from "./sections/charts";
import { titleSection } from "./sections/title";

/**
 * The Barometer sheet as data, assembled from sections (`./sections/`): which cell gets which
 * value or formula, the formats, the charts and the generated area. Pure, so the layout is tested
 * without a workbook; `applyLayout` writes it.
 *
 * Layout (columns A–J; benchmark in K; charts to the right, from column L):
 *   1–2   title, subtitle                                   titleSection
 *   4–7   symmetry index, eNPS, NPS                         indicatorsSection
 *   9…    dimension table                                   dimensionTableSection (+ benchmarkSection)
 *   then  heat map by unit (group, n, eNPS, one score      groupHeatMapSection ×2
 *         column per dimension; then front office, support
 *         and their difference when units have a type),
 *         eNPS by manager below it
 *   charts: radar and gaps                                  chartsSection
 * A new section takes the row after the previous one's `bottom` (plus a blank row).
 */

export type { CellBlock } from "../sheet/sections";
export type { LayoutInput } from "./sections/context";
export { RADAR_CHART, GAP_CHART } from "./sections/charts";

export interface BarometerLayout extends SheetParts {
  readonly sheetName: string;
  /** Cells the build owns (cleared and rewritten on every rebuild). */
  readonly area: RangeAddress;
  /** Where the pieces are, for the preview and the tests. */
  readonly anchors: {
    readonly symmetryIndex: string;
    readonly enps: string;
    readonly nps: string;
    readonly dimensionRows: RangeAddress;
    readonly dimensionIds: readonly string[];
    readonly byUnit?: RangeAddress;
    readonly byManager?: RangeAddress;
    /** The heat maps' group rows (group, n, eNPS, one score per dimension) and the type rows below the units. */
    readonly heatMapByUnit?: RangeAddress;
    readonly heatMapByManager?: RangeAddress;
    readonly supportFront?: RangeAddress;
  };
  /** Dimensions mapped in one population only: shown to the user, no gap possible. */
  readonly unpaired: readonly string[];
  readonly thresholds: { readonly minGroupSize: number; readonly gapThreshold: number };
}

export const AREA_NAME = "SymBarometerArea";

export function barometerLayout(input: LayoutInput): BarometerLayout {
  const context = barometerContext(input);
  const { text } = context;
  const table = dimensionTableSection(context);
  const indicators = indicatorsSection(context, table.anchors);
  const benchmark = benchmarkSection(context, table.anchors);

  // The heat maps are stacked: each spills as many score columns as the dimension table has rows.
  const heatMapTop = table.bottom + 2;
  const byUnit = groupHeatMapSection(context, {
    left: 0,
    top: heatMapTop,
    title: input.unitTypes ? text.heatMapByUnitAndType : text.heatMapByUnit,
    label: text.unit,
    view: "unit",
    groups: input.unitCount,
    scores: true,
  });
  const byManager = groupHeatMapSection(context, {
    left: 0,
    top: (byUnit?.bottom ?? table.bottom) + 2,
    title: text.byManager,
    label: text.manager,
    view: "manager",
    groups: input.managerCount,
    scores: false,
  });

  const bottom = Math.max(table.bottom, byUnit?.bottom ?? 0, byManager?.bottom ?? 0);
  const widest = Math.max(byUnit?.anchors.table.right ?? 0, byManager?.anchors.table.right ?? 0);
  const area: RangeAddress = { top: 0, left: 0, bottom, right: Math.max(benchmark ? 10 : 9, widest) };
  const parts = mergeParts(
    titleSection(context, area),
    indicators,
    table,
    benchmark ?? NO_PARTS,
    byUnit ?? NO_PARTS,
    byManager ?? NO_PARTS,
    chartsSection(context, table.anchors),
  );

  return {
    sheetName: text.sheetName,
    area,
    ...parts,
    anchors: {
      ...indicators.anchors,
      dimensionRows: table.anchors.dimensionRows,
      dimensionIds: table.anchors.dimensionIds,
      ...(byUnit ? { byUnit: byUnit.anchors.spill } : {}),
      ...(byManager ? { byManager: byManager.anchors.spill } : {}),
      ...(byUnit ? { heatMapByUnit: byUnit.anchors.table } : {}),
      ...(byManager ? { heatMapByManager: byManager.anchors.table } : {}),
      ...(byUnit?.anchors.types ? { supportFront: byUnit.anchors.types } : {}),
    },
    unpaired: context.unpaired,
    thresholds: { minGroupSize: context.minN, gapThreshold: context.gapThreshold },
  };
}
