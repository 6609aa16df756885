import type { RangeAddress } from "../../workbook/a1";
import type { CellValue } from "../../workbook/WorkbookPort";
import { format } from "../../i18n/strings";
import type { Section } from "../../sheet/sections";
import type { LinkageContext } from "./context";
import { tableSection } from "./table";

export interface ScatterAnchors {
  readonly rows?: RangeAddress;
  readonly x: string;
  readonly y: string;
}

/**
 * The units behind the scatter chart: x (eNPS, or the first x) against customer NPS (or the
 * first outcome), only units at or above the confidentiality threshold. Unit names are values,
 * so a name like `=HYPERLINK(…)` stays text.
 */
export function scatterSection(context: LinkageContext, top: number): Section<ScatterAnchors> {
  const { text, label, result, input } = context;
  const xs = [...new Set(result.correlations.map((entry) => entry.x))];
  const ys = [...new Set(result.correlations.map((entry) => entry.y))];
  const x = xs.includes("enps") ? "enps" : xs[0];
  const y = ys.includes("nps") ? "nps" : ys[0];
  const points = input.units
    .filter((unit) => unit.employeesN >= input.minN && typeof unit.metrics[x] === "number" && typeof unit.metrics[y] === "number")
    .map((unit): CellValue[] => [unit.wave ? `${unit.unit} (${unit.wave})` : unit.unit, unit.metrics[x]!, unit.metrics[y]!]);
  const table = tableSection(top, format(text.linkageScatterTable, { x: label(x), y: label(y) }), [text.unit, label(x), label(y)], points, [
    [1, "0.0"],
    [2, "0.0"],
  ]);
  return { ...table, anchors: { ...table.anchors, x, y } };
}
