import type { RangeAddress } from "../../workbook/a1";
import type { ChartSpec } from "../../workbook/WorkbookPort";
import { format } from "../../i18n/strings";
import type { SheetParts } from "../../sheet/sections";
import type { LinkageContext } from "./context";
import type { ScatterAnchors } from "./scatter";

export const SCATTER_CHART = "SymLinkageScatter";
export const DRIVERS_CHART = "SymLinkageDrivers";

/** Scatter of the units (N1:U20) and the first outcome's drivers as bars (N22:U40). */
export function linkageChartsSection(context: LinkageContext, scatter: ScatterAnchors, drivers: RangeAddress | undefined): SheetParts {
  const { text, label, result } = context;
  const charts: ChartSpec[] = [];
  if (scatter.rows) {
    charts.push({
      name: SCATTER_CHART,
      kind: "scatter",
      title: format(text.linkageScatterTitle, { x: label(scatter.x), y: label(scatter.y) }),
      categories: `B${scatter.rows.top + 1}:B${scatter.rows.bottom + 1}`,
      series: [{ name: label(scatter.y), values: `C${scatter.rows.top + 1}:C${scatter.rows.bottom + 1}` }],
      placement: "N1:U20",
    });
  }
  if (drivers) {
    // One bar per dimension of the first outcome's drivers.
    const firstOutcome = result.drivers[0].y;
    const count = result.drivers.filter((entry) => entry.y === firstOutcome).length;
    charts.push({
      name: DRIVERS_CHART,
      kind: "bar",
      title: format(text.linkageDriversTitle, { y: label(firstOutcome) }),
      categories: `B${drivers.top + 1}:B${drivers.top + count}`,
      series: [{ name: text.linkageShare, values: `D${drivers.top + 1}:D${drivers.top + count}` }],
      placement: "N22:U40",
    });
  }
  return { blocks: [], numberFormats: [], conditionalFormats: [], charts };
}
