import { COST_RATIO_PRESETS } from "@symmetry/engine";
import type { RangeAddress } from "../../workbook/a1";
import { format } from "../../i18n/strings";
import { valueBlock, type Section } from "../../sheet/sections";
import type { LinkageContext } from "./context";
import { mergeSections } from "./merge";
import { noteSection, tableSection } from "./table";

/**
 * Turnover money: OLS slope of turnover on eNPS with its interval, then the value of +Δ points at
 * the 21 % / 50 % / 150 % presets and the user's own ratio; or why it was skipped.
 */
export function turnoverSection(context: LinkageContext, top: number): Section<{ rows?: RangeAddress }> {
  const { text, label, result, input } = context;
  const money = result.turnover;
  if (!money) {
    const turnoverNote = input.notes?.find((message) => /turnover|rotation/i.test(message)) ?? result.turnoverSkipped;
    return noteSection(top, text.linkageTurnover, turnoverNote ?? text.linkageNoTurnover);
  }
  const regression: Section = {
    blocks: [
      valueBlock(top, 0, [
        [text.linkageTurnover],
        [
          text.linkageX,
          text.linkageSlope,
          text.low,
          text.high,
          text.pValue,
          text.count,
          text.linkageHeadcount,
          text.linkageMeanSalary,
          format(text.linkageAvoided, { delta: money.deltaPoints }),
        ],
        [label(money.x), money.slope, money.low, money.high, money.p, money.n, money.headcount, money.meanSalary, money.avoidedLeavers],
      ]),
    ],
    numberFormats: [
      { address: `B${top + 3}:D${top + 3}`, format: "0.00000" },
      { address: `E${top + 3}`, format: "0.0000" },
      { address: `H${top + 3}:I${top + 3}`, format: "0.0" },
    ],
    conditionalFormats: [],
    charts: [],
    bottom: top + 3,
    anchors: {},
  };
  const presetLabel: Record<string, string> = {
    "cap-median": text.linkagePresetCap,
    half: text.linkagePresetHalf,
    "one-and-a-half": text.linkagePresetGallup,
  };
  const presets = COST_RATIO_PRESETS.map((preset) => {
    const value = money.presets.find((entry) => entry.id === preset.id)!;
    return [presetLabel[preset.id] ?? preset.id, value.costRatio, value.valuePerPoint, value.valueOfDelta];
  });
  const values = tableSection(
    regression.bottom + 1,
    text.linkageMoney,
    [text.linkageCostRatio, text.linkageRatio, text.linkageValuePerPoint, format(text.linkageValueOfDelta, { delta: money.deltaPoints })],
    // The request carries the user's ratio: the engine's own figures make the last row.
    [...presets, [text.linkagePresetOwn, money.costRatio, money.valuePerPoint, money.valueOfDelta]],
    [
      [1, "0%"],
      [2, "#,##0"],
      [3, "#,##0"],
    ],
  );
  return mergeSections(regression, values, values.anchors);
}
