import type { SourceGeometry } from "../../data/sourceGeometry";
import { columnRange, filteredColumn } from "../formulaText";
import { formulaBlock, valueBlock, type Section } from "../../sheet/sections";
import type { BarometerContext } from "./context";

/**
 * Headline indicators (rows 4–7): symmetry index over the dimension table's gaps and weights,
 * eNPS and customer NPS with their adjusted-Wald interval and n (NPSCI spills value, low, high, n).
 */

export interface IndicatorAnchors {
  readonly symmetryIndex: string;
  readonly enps: string;
  readonly nps: string;
}

const TOP = 3; // Excel row 4

export function indicatorsSection(context: BarometerContext, dimensionRows: { gaps: string; weights: string }): Section<IndicatorAnchors> {
  const { text, minN, input } = context;
  const npsFormula = (geometry: SourceGeometry, column: number) => {
    if (column < 0) return null;
    // Confidentiality (docs/domain.md#confidentiality): NPSCI has no threshold of its own, so the count is checked first.
    return `=IF(COUNT(${columnRange(geometry, column)})>=${minN},SYM.NPSCI(${filteredColumn(geometry, column)}),NA())`;
  };
  return {
    blocks: [
      valueBlock(TOP, 0, [[text.indicator, text.value, text.low, text.high, text.count], [text.symmetryIndex], [text.enps], [text.nps]]),
      formulaBlock(TOP + 1, 1, [
        [context.paired.length > 0 ? `=SYM.SYMINDEX(${dimensionRows.gaps},${dimensionRows.weights})` : null],
        [npsFormula(input.employees, context.enpsColumn)],
        [npsFormula(input.customers, context.npsColumn)],
      ]),
    ],
    numberFormats: [{ address: "B5:D7", format: "0.0" }],
    conditionalFormats: [],
    charts: [],
    bottom: TOP + 3,
    anchors: { symmetryIndex: "B5", enps: "B6", nps: "B7" },
  };
}
