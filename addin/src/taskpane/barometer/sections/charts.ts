import type { ChartSpec } from "../../workbook/WorkbookPort";
import type { SheetParts } from "../../sheet/sections";
import type { BarometerContext } from "./context";
import type { DimensionTableAnchors } from "./dimensionTable";

export const RADAR_CHART = "SymBarometerRadar";
export const GAP_CHART = "SymBarometerGaps";

/** Radar of both scores and bar chart of the gaps, side by side to the right of the tables (from column L). */
export function chartsSection(context: BarometerContext, table: DimensionTableAnchors): SheetParts {
  const { text } = context;
  const charts: ChartSpec[] =
    context.paired.length === 0
      ? []
      : [
          {
            name: RADAR_CHART,
            kind: "radar",
            title: text.radarTitle,
            categories: table.labels,
            series: [
              { name: text.employeesSeries, values: table.employeeScores },
              { name: text.customersSeries, values: table.customerScores },
            ],
            placement: "L1:S20",
          },
          {
            name: GAP_CHART,
            kind: "bar",
            title: text.gapChartTitle,
            categories: table.labels,
            series: [{ name: text.gapSeries, values: table.gaps }],
            // Beside the radar, not below it: the heat maps below the dimension table spill to the right.
            placement: "T1:AA20",
          },
        ];
  return { blocks: [], numberFormats: [], conditionalFormats: [], charts };
}
