import type ExcelJS from "exceljs";
import type { BenchmarkRanks, Language, LinkageResult } from "@symmetry/engine";
import { COST_RATIO_PRESETS } from "@symmetry/engine/turnover/turnover";
import { fewerThan, pValueNumberFormat } from "@symmetry/engine/format/display";
import type { BarometerReport } from "../commands/barometer";
import { significanceMark } from "../format/linkTable";

/**
 * The result sheets `sym report` adds: `Barometer` (`Baromètre`) with the headline figures and the
 * dimension table (alert / watch conditional formats), eNPS and NPS by unit; and `Linkage`
 * (`Liaison`) when the linkage ran. Values only, never formulas; every text is written as a string
 * cell, so a unit named `=HYPERLINK(…)` stays text. Figures the engine withheld under the
 * confidentiality threshold are written as "hidden", never as numbers, and the count of a hidden
 * group as "fewer than N" (its exact count is a figure too). Below the units: the heat map of the
 * dimensions by unit and support versus front office, suppressed jointly with the eNPS by unit.
 */

const WORDS = {
  en: {
    barometer: "Barometer",
    linkage: "Linkage",
    title: "Symmetry Barometer",
    symmetryIndex: "Symmetry index (100 = perfect symmetry)",
    alerts: "Alerts",
    largestGap: "Largest gap",
    employees: "Employees",
    customers: "Customers",
    headline: ["", "respondents", "value", "low (95%)", "high (95%)", "answers"],
    dimensionHeader: ["Dimension", "Employees", "n", "Customers", "n", "Gap", "Low (95%)", "High (95%)", "p", "Hedges g", "Status"],
    status: { alert: "alert", watch: "watch", ok: "ok", suppressed: "hidden" },
    hidden: "hidden",
    unitsHeader: ["Unit", "Type", "Employees n", "eNPS"],
    customerUnitsHeader: ["Unit", "Customers n", "NPS"],
    heatmapTitle: "Employee score by unit and dimension (0–100; a hidden unit shows no figure)",
    heatmapUnit: "Unit",
    supportTitle: "Support versus front office: employee score per dimension",
    supportHeader: ["Dimension", "Front office", "n", "Support", "n", "Support − front", "Low (95%)", "High (95%)", "p", "Status"],
    percentile: (sector: string) => `Percentile (sector ${sector})`,
    notEnough: (required: number) => `not enough organisations (fewer than ${required})`,
    gapNote: (threshold: number, alpha: number) =>
      `Alert: |gap| ≥ ${threshold} points and p < ${alpha}; watch: |gap| ≥ ${threshold} points, not significant. No figure about fewer than the threshold is shown.`,
  },
  fr: {
    barometer: "Baromètre",
    linkage: "Liaison",
    title: "Baromètre de la symétrie",
    symmetryIndex: "Indice de symétrie (100 = symétrie parfaite)",
    alerts: "Alertes",
    largestGap: "Plus grand écart",
    employees: "Collaborateurs",
    customers: "Clients",
    headline: ["", "répondants", "valeur", "bas (95 %)", "haut (95 %)", "réponses"],
    dimensionHeader: [
      "Dimension",
      "Collaborateurs",
      "n",
      "Clients",
      "n",
      "Écart",
      "Bas (95 %)",
      "Haut (95 %)",
      "p",
      "g de Hedges",
      "Statut",
    ],
    status: { alert: "alerte", watch: "à surveiller", ok: "ok", suppressed: "masqué" },
    hidden: "masqué",
    unitsHeader: ["Unité", "Type", "n collaborateurs", "eNPS"],
    customerUnitsHeader: ["Unité", "n clients", "NPS"],
    heatmapTitle: "Score collaborateurs par unité et dimension (0–100 ; une unité masquée n'a aucun chiffre)",
    heatmapUnit: "Unité",
    supportTitle: "Support contre front office : score collaborateurs par dimension",
    supportHeader: ["Dimension", "Front office", "n", "Support", "n", "Support − front", "Bas (95 %)", "Haut (95 %)", "p", "Statut"],
    percentile: (sector: string) => `Centile (secteur ${sector})`,
    notEnough: (required: number) => `pas assez d'organisations (moins de ${required})`,
    gapNote: (threshold: number, alpha: number) =>
      `Alerte : |écart| ≥ ${threshold} points et p < ${alpha} ; à surveiller : |écart| ≥ ${threshold} points, non significatif. Aucun chiffre sur moins de personnes que le seuil.`,
  },
} as const;

export type BenchmarkCells = { readonly sector: string } & (
  { readonly ranks: BenchmarkRanks } | { readonly notEnough: { required: number } }
);

/** Where the dimension table sits, for the gap chart. */
export interface BarometerSheetLayout {
  readonly sheetName: string;
  readonly firstDimensionRow: number;
  readonly lastDimensionRow: number;
  readonly labelColumn: string;
  readonly gapColumn: string;
}

/**
 * A sheet name not taken yet: the input's sheets are never replaced. Excel compares sheet names
 * without case (exceljs refuses `Barometer` next to an input's `BAROMETER`), so this does too.
 */
export function freeName(workbook: ExcelJS.Workbook, name: string): string {
  const taken = new Set(workbook.worksheets.map((sheet) => sheet.name.toLocaleLowerCase("en-US")));
  let candidate = name;
  for (let index = 2; taken.has(candidate.toLocaleLowerCase("en-US")); index++) candidate = `${name} (${index})`;
  return candidate;
}

const round = (value: number | null, digits: number) => (value === null ? null : Number(value.toFixed(digits)));
const HEADER_FONT = { bold: true } as const;
const HEADER_FILL: ExcelJS.Fill = { type: "pattern", pattern: "solid", fgColor: { argb: "FFDDEBF7" } };

export function writeRow(sheet: ExcelJS.Worksheet, rowNumber: number, values: (string | number | null)[], header = false): void {
  const row = sheet.getRow(rowNumber);
  values.forEach((value, index) => {
    const cell = row.getCell(index + 1);
    cell.value = value; // strings stay strings in exceljs: never parsed as formulas
    if (header) {
      cell.font = HEADER_FONT;
      cell.fill = HEADER_FILL;
    }
  });
}

export function addBarometerSheet(
  workbook: ExcelJS.Workbook,
  report: BarometerReport,
  language: Language,
  benchmark?: BenchmarkCells,
): BarometerSheetLayout {
  const words = WORDS[language];
  const count = (n: number | null) => (n === null ? fewerThan(report.minGroupSize, language) : n);
  const sheet = workbook.addWorksheet(freeName(workbook, words.barometer));
  sheet.getColumn(1).width = 34;
  for (let column = 2; column <= 12; column++) sheet.getColumn(column).width = 13;
  sheet.getCell("A1").value = words.title;
  sheet.getCell("A1").font = { bold: true, size: 14 };
  // The headline stands next to the index: an index of 95 with two alerts is not "almost perfect".
  const largest = report.largestGap && report.dimensions.find((dimension) => dimension.id === report.largestGap!.id);
  writeRow(sheet, 2, [
    words.symmetryIndex,
    round(report.symmetryIndex, 2),
    words.alerts,
    report.alerts,
    words.largestGap,
    largest ? `${largest.label} ${report.largestGap!.gap > 0 ? "+" : ""}${round(report.largestGap!.gap, 1)}` : null,
  ]);
  writeRow(sheet, 4, [...words.headline], true);
  const headline = (label: string, n: number, interval: BarometerReport["employees"]["enps"]) =>
    interval
      ? [label, n, round(interval.value, 2), round(interval.low, 2), round(interval.high, 2), interval.n]
      : [label, n, words.hidden, null, null, null];
  writeRow(sheet, 5, headline(`${words.employees}: eNPS`, report.employees.n, report.employees.enps));
  writeRow(sheet, 6, headline(`${words.customers}: NPS`, report.customers.n, report.customers.nps));

  const top = 8;
  const percentileHeader = benchmark ? [words.percentile(benchmark.sector)] : [];
  writeRow(sheet, top, [...words.dimensionHeader, ...percentileHeader], true);
  report.dimensions.forEach((dimension, index) => {
    const score = (value: number | null) => (value === null ? words.hidden : round(value, 2));
    let percentile: (string | number | null)[] = [];
    if (benchmark) {
      if ("notEnough" in benchmark) percentile = [words.notEnough(benchmark.notEnough.required)];
      else {
        const rank = benchmark.ranks.dimensions[dimension.id];
        percentile = [
          rank === undefined ? null : rank.position === "below" ? "< p10" : rank.position === "above" ? "> p90" : round(rank.rank, 1),
        ];
      }
    }
    writeRow(sheet, top + 1 + index, [
      dimension.label,
      score(dimension.employee.score),
      dimension.employee.n,
      score(dimension.customer.score),
      dimension.customer.n,
      round(dimension.gap, 2),
      round(dimension.low, 2),
      round(dimension.high, 2),
      dimension.p,
      round(dimension.hedgesG, 3),
      words.status[dimension.status],
      ...percentile,
    ]);
    // The p stays a number; its format reads <0.001 below 0.001 instead of a rounded 0.
    sheet.getRow(top + 1 + index).getCell(9).numFmt = pValueNumberFormat(language);
  });
  const last = top + report.dimensions.length;
  if (report.dimensions.length > 0) {
    sheet.addConditionalFormatting({
      ref: `A${top + 1}:K${last}`,
      rules: [
        {
          type: "expression",
          priority: 1,
          formulae: [`$K${top + 1}="${words.status.alert}"`],
          style: { fill: { type: "pattern", pattern: "solid", bgColor: { argb: "FFF8CBAD" } }, font: { color: { argb: "FF9C0006" } } },
        },
        {
          type: "expression",
          priority: 2,
          formulae: [`$K${top + 1}="${words.status.watch}"`],
          style: { fill: { type: "pattern", pattern: "solid", bgColor: { argb: "FFFFEB9C" } }, font: { color: { argb: "FF9C5700" } } },
        },
      ],
    });
  }
  writeRow(sheet, last + 1, [words.gapNote(report.thresholds.gapThreshold, report.thresholds.alpha)]);

  let row = last + 3;
  if (report.units.length > 0) {
    writeRow(sheet, row++, [...words.unitsHeader], true);
    for (const unit of report.units) {
      const type = unit.attribute === undefined ? null : (report.unitAttributes?.[unit.attribute] ?? unit.attribute);
      writeRow(sheet, row++, [unit.unit, type, count(unit.n), unit.suppressed || unit.enps === null ? words.hidden : round(unit.enps, 2)]);
    }
    row++;
  }
  if (report.customerUnits.length > 0) {
    writeRow(sheet, row++, [...words.customerUnitsHeader], true);
    for (const unit of report.customerUnits)
      writeRow(sheet, row++, [unit.unit, count(unit.n), unit.suppressed || unit.nps === null ? words.hidden : round(unit.nps, 2)]);
    row++;
  }
  const labelOf = new Map(report.dimensions.map((dimension) => [dimension.id, dimension.label]));
  for (const entry of report.heatmap ?? []) {
    const ids = entry.groups[0]?.dimensions.map((cell) => cell.id) ?? [];
    writeRow(sheet, row++, [words.heatmapTitle], true);
    writeRow(sheet, row++, [words.heatmapUnit, "n", ...ids.map((id) => labelOf.get(id) ?? id)], true);
    for (const group of entry.groups) {
      const scores = group.dimensions.map((cell) => (cell.employee === null ? words.hidden : round(cell.employee, 1)));
      writeRow(sheet, row++, [group.group, count(group.n), ...scores]);
    }
    row++;
  }
  if (report.support) {
    writeRow(sheet, row++, [words.supportTitle], true);
    writeRow(sheet, row++, [...words.supportHeader], true);
    for (const line of report.support.dimensions) {
      const score = (value: number | null) => (value === null ? words.hidden : round(value, 1));
      writeRow(sheet, row++, [
        labelOf.get(line.id) ?? line.id,
        score(line.front.score),
        count(line.front.n),
        score(line.support.score),
        count(line.support.n),
        round(line.difference, 1),
        round(line.low, 1),
        round(line.high, 1),
        round(line.p, 4),
        words.status[line.status as keyof typeof words.status] ?? line.status,
      ]);
    }
  }
  sheet.views = [{ state: "frozen", ySplit: top }];
  return { sheetName: sheet.name, firstDimensionRow: top + 1, lastDimensionRow: last, labelColumn: "A", gapColumn: "F" };
}

export function addLinkageSheet(workbook: ExcelJS.Workbook, result: LinkageResult, language: Language): void {
  const words = WORDS[language];
  const sheet = workbook.addWorksheet(freeName(workbook, words.linkage));
  sheet.getColumn(1).width = 22;
  for (let column = 2; column <= 12; column++) sheet.getColumn(column).width = 13;
  sheet.getCell("A1").value =
    `${words.linkage}: ${result.units} units, ${result.excluded} under the threshold left out; bootstrap ${result.bootstrap}, seed ${result.seed}`;
  sheet.getCell("A1").font = { bold: true, size: 13 };
  let row = 3;
  writeRow(sheet, row++, ["x", "y", "method", "r", "low (95%)", "high (95%)", "p", "q (BH)", "", "n", "boot low", "boot high"], true);
  for (const item of result.correlations) {
    writeRow(sheet, row++, [
      item.x,
      item.y,
      item.method,
      round(item.r, 4),
      round(item.low, 4),
      round(item.high, 4),
      round(item.p, 5),
      round(item.q, 5),
      significanceMark(item.q),
      item.n,
      round(item.bootLow, 4),
      round(item.bootHigh, 4),
    ]);
  }
  row++;
  if (result.quartiles.length > 0) {
    writeRow(sheet, row++, ["x", "y", "units/quartile", "top", "bottom", "difference", "low (95%)", "high (95%)", "p"], true);
    for (const item of result.quartiles)
      writeRow(sheet, row++, [
        item.x,
        item.y,
        item.unitsPerQuartile,
        round(item.top, 4),
        round(item.bottom, 4),
        round(item.difference, 4),
        round(item.low, 4),
        round(item.high, 4),
        round(item.p, 5),
      ]);
    row++;
  }
  if (result.drivers.length > 0) {
    writeRow(sheet, row++, ["y", "driver", "weight", "share of R²", "low (95%)", "high (95%)", "R²", "n"], true);
    for (const item of result.drivers)
      writeRow(sheet, row++, [
        item.y,
        item.id,
        round(item.weight, 5),
        round(item.share, 4),
        round(item.low, 4),
        round(item.high, 4),
        round(item.rSquared, 4),
        item.n,
      ]);
    row++;
  } else if (result.driversSkipped) {
    writeRow(sheet, row++, [result.driversSkipped]);
    row++;
  }
  const turnover = result.turnover;
  if (turnover) {
    writeRow(
      sheet,
      row++,
      [
        "turnover on " + turnover.x,
        "slope",
        "low (95%)",
        "high (95%)",
        "p",
        "units",
        "headcount",
        "mean salary",
        `leavers avoided (+${turnover.deltaPoints})`,
      ],
      true,
    );
    writeRow(sheet, row++, [
      "OLS",
      round(turnover.slope, 6),
      round(turnover.low, 6),
      round(turnover.high, 6),
      round(turnover.p, 5),
      turnover.n,
      round(turnover.headcount, 1),
      round(turnover.meanSalary, 2),
      round(turnover.avoidedLeavers, 3),
    ]);
    row++;
    writeRow(sheet, row++, ["cost ratio", "value of +1 point", `value of +${turnover.deltaPoints} points`], true);
    for (const preset of turnover.presets) {
      const source = COST_RATIO_PRESETS.find((candidate) => candidate.id === preset.id)?.source ?? preset.id;
      writeRow(sheet, row++, [
        `${Math.round(preset.costRatio * 100)}% (${source})`,
        Math.round(preset.valuePerPoint),
        Math.round(preset.valueOfDelta),
      ]);
    }
    if (!turnover.presets.some((preset) => preset.costRatio === turnover.costRatio)) {
      writeRow(sheet, row++, [
        `${+(turnover.costRatio * 100).toFixed(2)}% (chosen)`,
        Math.round(turnover.valuePerPoint),
        Math.round(turnover.valueOfDelta),
      ]);
    }
  } else if (result.turnoverSkipped) {
    writeRow(sheet, row++, [result.turnoverSkipped]);
  }
}

/**
 * exceljs reads a data validation range into one entry per cell and, on writing, merges them back
 * after sorting the addresses as text ("B10" before "B2"), which writes overlapping ranges. The
 * input sheets' validations are rewritten here as one range per column run of the same rule.
 */
export function compactDataValidations(sheet: ExcelJS.Worksheet): void {
  const holder = sheet as unknown as { dataValidations?: { model: Record<string, object | undefined> } };
  const model = holder.dataValidations?.model;
  if (!model) return;
  const byRule = new Map<object, Map<number, number[]>>();
  const decode = (address: string) => {
    const match = /^([A-Z]+)(\d+)$/.exec(address);
    if (!match) return undefined;
    return {
      column: [...match[1]].reduce((value, letter) => value * 26 + letter.charCodeAt(0) - 64, 0),
      row: Number(match[2]),
      letters: match[1],
    };
  };
  const kept: Record<string, object> = {};
  const letterOf = new Map<number, string>();
  for (const [address, rule] of Object.entries(model)) {
    if (!rule) continue;
    const cell = decode(address);
    if (!cell) {
      kept[address] = rule; // already a range
      continue;
    }
    letterOf.set(cell.column, cell.letters);
    const columns = byRule.get(rule) ?? new Map<number, number[]>();
    byRule.set(rule, columns);
    (columns.get(cell.column) ?? columns.set(cell.column, []).get(cell.column)!).push(cell.row);
  }
  for (const [rule, columns] of byRule) {
    for (const [column, rows] of columns) {
      rows.sort((a, b) => a - b);
      let start = rows[0];
      for (let index = 1; index <= rows.length; index++) {
        if (index < rows.length && rows[index] === rows[index - 1] + 1) continue;
        const end = rows[index - 1];
        const letters = letterOf.get(column)!;
        kept[start === end ? `${letters}${start}` : `${letters}${start}:${letters}${end}`] = rule;
        if (index < rows.length) start = rows[index];
      }
    }
  }
  holder.dataValidations!.model = kept;
}
