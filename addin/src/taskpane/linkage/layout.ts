import { COST_RATIO_PRESETS, type Language, type LinkageResult, type Model, type UnitRow } from "../../../../shared/src/index";
import { format, stringsFor } from "../i18n/strings";
import { rangeText, type RangeAddress } from "../workbook/a1";
import type { CellValue, ChartSpec } from "../workbook/WorkbookPort";
import type { CellBlock } from "../barometer/layout";
import type { SheetLayout } from "../barometer/applyLayout";
import { metricLabel } from "./linkageRequest";

/**
 * The Linkage sheet as data (values, not formulas: the analysis ran once on unit aggregates).
 * Columns A–L, charts from column N. From the top: title and what ran; correlations (r, Fisher-z
 * CI, p, Benjamini–Hochberg q, significance mark on q, n, bootstrap CI); quartiles (top versus
 * bottom quartile of units); key drivers (relative weights, share of R², bootstrap CI); turnover
 * money (OLS slope of turnover on eNPS, value of +Δ points at 21 % / 50 % / 150 % and the user's
 * ratio); then the units behind the scatter chart (x vs customer NPS), only units at or above the
 * confidentiality threshold. Unit names are written as values, so a name like `=HYPERLINK(…)`
 * stays text (WorkbookPort.writeValues).
 */

export const LINKAGE_AREA_NAME = "SymLinkageArea";
export const SCATTER_CHART = "SymLinkageScatter";
export const DRIVERS_CHART = "SymLinkageDrivers";
const LAST_COLUMN = 11; // L

export interface LinkageLayoutInput {
  readonly result: LinkageResult;
  readonly units: readonly UnitRow[];
  readonly model: Model;
  readonly language: Language;
  readonly minN: number;
  readonly ranOn: "worker" | "api";
  readonly notes?: readonly string[];
}

export interface LinkageLayout extends SheetLayout {
  readonly anchors: {
    /** First data row (0-based) of each table, and how many rows it has. */
    readonly correlations: RangeAddress;
    readonly quartiles?: RangeAddress;
    readonly drivers?: RangeAddress;
    readonly turnover?: RangeAddress;
    readonly scatter?: RangeAddress;
    readonly scatterX?: string;
    readonly scatterY?: string;
  };
}

/** Benjamini–Hochberg q as stars: *** < 0.001, ** < 0.01, * < 0.05. */
export function significanceMark(q: number): string {
  return q < 0.001 ? "***" : q < 0.01 ? "**" : q < 0.05 ? "*" : "";
}

export function linkageLayout(input: LinkageLayoutInput): LinkageLayout {
  const { result, model, language } = input;
  const text = stringsFor(language);
  const label = (id: string) => metricLabel(id, model, language);
  const blocks: CellBlock[] = [];
  const numberFormats: { address: string; format: string }[] = [];
  let row = 3; // 0-based: Excel row 4
  const table = (title: string, header: CellValue[], rows: CellValue[][], formats: [number, string][] = []): RangeAddress | undefined => {
    blocks.push({ topLeft: `A${row + 1}`, values: [[title], header] });
    const first = row + 2;
    if (rows.length > 0) {
      blocks.push({ topLeft: `A${first + 1}`, values: rows });
      for (const [column, numberFormat] of formats) {
        const letter = String.fromCharCode(65 + column);
        numberFormats.push({ address: `${letter}${first + 1}:${letter}${first + rows.length}`, format: numberFormat });
      }
    }
    const range = rows.length > 0 ? { top: first, bottom: first + rows.length - 1, left: 0, right: header.length - 1 } : undefined;
    row = first + Math.max(rows.length, 1) + 1;
    return range;
  };
  const note = (message: string) => {
    blocks.push({ topLeft: `A${row + 1}`, values: [[message]] });
    row += 2;
  };
  const orNull = (value: number | null) => (value === null ? null : value);

  const correlations = table(
    text.linkageCorrelations,
    [text.linkageX, text.linkageY, text.linkageMethod, "r", text.low, text.high, text.pValue, "q", text.linkageSignificance, text.count, text.linkageBootLow, text.linkageBootHigh],
    result.correlations.map((entry) => [label(entry.x), label(entry.y), entry.method, entry.r, entry.low, entry.high, entry.p, entry.q, significanceMark(entry.q), entry.n, orNull(entry.bootLow), orNull(entry.bootHigh)]),
    [[3, "0.000"], [4, "0.000"], [5, "0.000"], [6, "0.0000"], [7, "0.0000"], [10, "0.000"], [11, "0.000"]],
  )!;
  const quartiles = table(
    text.linkageQuartiles,
    [text.linkageX, text.linkageY, text.linkageUnitsPerQuartile, text.linkageTop, text.linkageBottom, text.linkageDifference, text.low, text.high, text.pValue],
    result.quartiles.map((entry) => [label(entry.x), label(entry.y), entry.unitsPerQuartile, entry.top, entry.bottom, entry.difference, orNull(entry.low), orNull(entry.high), orNull(entry.p)]),
    [[3, "0.0"], [4, "0.0"], [5, "0.0"], [6, "0.0"], [7, "0.0"], [8, "0.0000"]],
  );
  if (result.quartiles.length === 0) note(text.linkageNoQuartiles);

  let drivers: RangeAddress | undefined;
  const driverNote = input.notes?.find((message) => /driver|moteur/i.test(message));
  if (result.drivers.length > 0) {
    drivers = table(
      text.linkageDrivers,
      [text.linkageY, text.dimension, text.linkageWeight, text.linkageShare, text.low, text.high, "R²", text.count],
      result.drivers.map((entry) => [label(entry.y), label(entry.id), entry.weight, entry.share, orNull(entry.low), orNull(entry.high), entry.rSquared, entry.n]),
      [[2, "0.000"], [3, "0.0%"], [4, "0.0%"], [5, "0.0%"], [6, "0.000"]],
    );
  } else {
    blocks.push({ topLeft: `A${row + 1}`, values: [[text.linkageDrivers]] });
    row += 1;
    note(driverNote ?? text.linkageNoDrivers);
  }

  let turnover: RangeAddress | undefined;
  const money = result.turnover;
  const turnoverNote = input.notes?.find((message) => /turnover|rotation/i.test(message)) ?? result.turnoverSkipped;
  if (money) {
    blocks.push({
      topLeft: `A${row + 1}`,
      values: [
        [text.linkageTurnover],
        [text.linkageX, text.linkageSlope, text.low, text.high, text.pValue, text.count, text.linkageHeadcount, text.linkageMeanSalary, format(text.linkageAvoided, { delta: money.deltaPoints })],
        [label(money.x), money.slope, money.low, money.high, money.p, money.n, money.headcount, money.meanSalary, money.avoidedLeavers],
      ],
    });
    numberFormats.push({ address: `B${row + 3}:D${row + 3}`, format: "0.00000" }, { address: `E${row + 3}`, format: "0.0000" }, { address: `H${row + 3}:I${row + 3}`, format: "0.0" });
    row += 4;
    const presetLabel: Record<string, string> = { "cap-median": text.linkagePresetCap, half: text.linkagePresetHalf, "one-and-a-half": text.linkagePresetGallup };
    const presets = COST_RATIO_PRESETS.map((preset) => {
      const value = money.presets.find((entry) => entry.id === preset.id)!;
      return [presetLabel[preset.id] ?? preset.id, value.costRatio, value.valuePerPoint, value.valueOfDelta];
    });
    turnover = table(
      text.linkageMoney,
      [text.linkageCostRatio, text.linkageRatio, text.linkageValuePerPoint, format(text.linkageValueOfDelta, { delta: money.deltaPoints })],
      // The request carries the user's ratio: the engine's own figures make the last row.
      [...presets, [text.linkagePresetOwn, money.costRatio, money.valuePerPoint, money.valueOfDelta]],
      [[1, "0%"], [2, "#,##0"], [3, "#,##0"]],
    );
  } else {
    blocks.push({ topLeft: `A${row + 1}`, values: [[text.linkageTurnover]] });
    row += 1;
    note(turnoverNote ?? text.linkageNoTurnover);
  }

  // Units behind the scatter chart: x (eNPS, or the first x) against customer NPS (or the first outcome).
  const xs = [...new Set(result.correlations.map((entry) => entry.x))];
  const ys = [...new Set(result.correlations.map((entry) => entry.y))];
  const scatterX = xs.includes("enps") ? "enps" : xs[0];
  const scatterY = ys.includes("nps") ? "nps" : ys[0];
  const points = input.units
    .filter((unit) => unit.employeesN >= input.minN && typeof unit.metrics[scatterX] === "number" && typeof unit.metrics[scatterY] === "number")
    .map((unit): CellValue[] => [unit.wave ? `${unit.unit} (${unit.wave})` : unit.unit, unit.metrics[scatterX]!, unit.metrics[scatterY]!]);
  const scatter = table(format(text.linkageScatterTable, { x: label(scatterX), y: label(scatterY) }), [text.unit, label(scatterX), label(scatterY)], points, [[1, "0.0"], [2, "0.0"]]);

  const area: RangeAddress = { top: 0, left: 0, bottom: row - 1, right: LAST_COLUMN };
  blocks.unshift({
    topLeft: "A1",
    values: [
      [text.linkageTitle],
      [
        format(text.linkageSubtitle, {
          units: result.units,
          excluded: result.excluded,
          minN: input.minN,
          bootstrap: result.bootstrap,
          seed: result.seed,
          where: input.ranOn === "api" ? text.linkageOnApi : text.linkageLocally,
          area: rangeText(area),
        }),
      ],
    ],
  });

  const charts: ChartSpec[] = [];
  if (scatter) {
    charts.push({
      name: SCATTER_CHART,
      kind: "scatter",
      title: format(text.linkageScatterTitle, { x: label(scatterX), y: label(scatterY) }),
      categories: `B${scatter.top + 1}:B${scatter.bottom + 1}`,
      series: [{ name: label(scatterY), values: `C${scatter.top + 1}:C${scatter.bottom + 1}` }],
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

  return {
    sheetName: text.linkageSheetName,
    area,
    blocks,
    numberFormats,
    conditionalFormats: [],
    charts,
    anchors: {
      correlations,
      ...(quartiles ? { quartiles } : {}),
      ...(drivers ? { drivers } : {}),
      ...(turnover ? { turnover } : {}),
      ...(scatter ? { scatter, scatterX, scatterY } : {}),
    },
  };
}
