import type { RangeAddress } from "../../workbook/a1";
import type { ConditionalFormatRule } from "../../workbook/WorkbookPort";
import { columnSpan, formulaBlock, valueBlock, type CellBlock, type NumberFormatRule, type Section } from "../../sheet/sections";
import { pValueNumberFormat } from "@symmetry/engine/format/display";
import type { BarometerContext } from "./context";

/**
 * The dimension table: heading (row 9), header (row 10), then one row per dimension mapped in
 * both populations: one SYM.DIMENSION call spilled over employee score, customer score, gap, low,
 * high, p, Hedges g and status (the test left empty when the two questionnaires use different
 * scales); weight in J.
 */

export interface DimensionTableAnchors {
  readonly dimensionRows: RangeAddress;
  readonly dimensionIds: readonly string[];
  /** Sheet-local spans of the gap and weight columns (the symmetry index and the gap chart use them). */
  readonly gaps: string;
  readonly weights: string;
  readonly labels: string;
  readonly employeeScores: string;
  readonly customerScores: string;
}

export const DIMENSION_FIRST_ROW = 10; // 0-based row 10 = Excel row 11

const STATUS_COLOURS = {
  alert: { fill: "#F4CCCC", fontColor: "#9C0006", texts: ["alert", "alerte"] },
  watch: { fill: "#FFE699", fontColor: "#7F6000", texts: ["watch", "vigilance"] },
};

export function dimensionTableSection(context: BarometerContext): Section<DimensionTableAnchors> {
  const { text, paired, employeeScale, customerScale } = context;
  const first = DIMENSION_FIRST_ROW;
  const last = first + Math.max(paired.length, 1) - 1;
  const blocks: CellBlock[] = [
    valueBlock(first - 2, 0, [[text.dimensionsHeading]]),
    valueBlock(first - 1, 0, [
      [text.dimension, text.employees, text.customers, text.gap, text.low, text.high, text.pValue, text.hedgesG, text.status, text.weight],
    ]),
  ];
  const numberFormats: NumberFormatRule[] = [];
  const conditionalFormats: ConditionalFormatRule[] = [];
  if (paired.length > 0) {
    blocks.push(
      valueBlock(
        first,
        0,
        paired.map((dimension) => [dimension.label]),
      ),
    );
    blocks.push(
      valueBlock(
        first,
        9,
        paired.map((dimension) => [dimension.weight]),
      ),
    );
    blocks.push(
      formulaBlock(
        first,
        1,
        paired.map((dimension) => [
          // One call per dimension spills both scores and the gap test over B:I, so each answer
          // range is sent to the add-in once per recalculation (not once to SCORE and again to GAPTEST).
          `=SYM.DIMENSION(${dimension.employee},${dimension.customer},${employeeScale.min},${employeeScale.max},${customerScale.min},${customerScale.max},${context.gapThreshold},${context.alpha})`,
          null,
          null,
          null,
          null,
          null,
          null,
          null,
        ]),
      ),
    );
    numberFormats.push({ address: `B${first + 1}:F${last + 1}`, format: "0.0" });
    numberFormats.push({ address: columnSpan(6, first, last), format: pValueNumberFormat(context.input.language) });
    numberFormats.push({ address: columnSpan(7, first, last), format: "0.00" });
    for (const rule of Object.values(STATUS_COLOURS)) {
      for (const word of rule.texts)
        conditionalFormats.push({
          kind: "textEquals",
          address: columnSpan(8, first, last),
          text: word,
          fill: rule.fill,
          fontColor: rule.fontColor,
        });
    }
  }
  return {
    blocks,
    numberFormats,
    conditionalFormats,
    charts: [],
    bottom: last,
    anchors: {
      dimensionRows: { top: first, bottom: last, left: 0, right: 9 },
      dimensionIds: paired.map((dimension) => dimension.id),
      gaps: columnSpan(3, first, last),
      weights: columnSpan(9, first, last),
      labels: columnSpan(0, first, last),
      employeeScores: columnSpan(1, first, last),
      customerScores: columnSpan(2, first, last),
    },
  };
}
