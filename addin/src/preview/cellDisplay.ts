import { contains, type RangeAddress } from "../taskpane/workbook/a1";
import type { ConditionalFormatRule } from "../taskpane/workbook/WorkbookPort";
import { isFormulaError, type Scalar } from "../../test-doubles/formula/values";

/**
 * Shows a value with an Excel number format of the kind the layout uses ("0", "0.0", "0.000", and
 * the p-value format `[<0.001]"<0.001";0.000`: a condition section with a quoted literal, then the
 * format of the other values, as Excel reads it).
 */
export function formatCell(value: Scalar, numberFormat: string | undefined): string {
  if (value === null) return "";
  if (isFormulaError(value)) return value.code;
  if (typeof value === "boolean") return value ? "TRUE" : "FALSE";
  if (typeof value === "string") return value;
  const conditional = numberFormat ? /^\[<([0-9.]+)\]"([^"]*)";(.*)$/.exec(numberFormat) : null;
  if (conditional) return value < Number(conditional[1]) ? conditional[2] : formatCell(value, conditional[3]);
  const decimals = numberFormat && /^0(\.0+)?$/.test(numberFormat) ? (numberFormat.split(".")[1]?.length ?? 0) : undefined;
  if (decimals !== undefined) return value.toFixed(decimals);
  return Number.isInteger(value) ? String(value) : value.toPrecision(6).replace(/\.?0+$/, "");
}

function mix(low: string, high: string, share: number): string {
  const channel = (colour: string, index: number) => parseInt(colour.slice(1 + index * 2, 3 + index * 2), 16);
  const parts = [0, 1, 2].map((index) => Math.round(channel(low, index) + (channel(high, index) - channel(low, index)) * share));
  return `#${parts.map((part) => part.toString(16).padStart(2, "0")).join("")}`;
}

/** The colours Excel's conditional formats would give a cell (text equality; 3-colour scale on numbers). */
export function cellColours(
  rules: readonly { rule: ConditionalFormatRule; range: RangeAddress }[],
  row: number,
  column: number,
  value: Scalar,
  values: readonly (readonly Scalar[])[],
  area: RangeAddress,
): { fill: string; font: string } | null {
  for (const { rule, range } of rules) {
    if (!contains(range, row, column)) continue;
    if (rule.kind === "textEquals") {
      if (typeof value === "string" && value.toLowerCase() === rule.text.toLowerCase()) return { fill: rule.fill, font: rule.fontColor };
      continue;
    }
    if (typeof value !== "number") continue;
    const numbers: number[] = [];
    for (let r = range.top; r <= range.bottom; r++) {
      const candidate = values[r - area.top]?.[column - area.left];
      if (typeof candidate === "number") numbers.push(candidate);
    }
    const low = Math.min(...numbers);
    const high = Math.max(...numbers);
    const share = high > low ? (value - low) / (high - low) : 0.5;
    const fill = share < 0.5 ? mix(rule.low, rule.middle, share * 2) : mix(rule.middle, rule.high, (share - 0.5) * 2);
    return { fill, font: "#000000" };
  }
  return null;
}
