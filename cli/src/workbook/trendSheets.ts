import type ExcelJS from "exceljs";
import type { Language } from "@symmetry/engine";
import type { Priority } from "@symmetry/engine/priorities/priorities";
import type { Trend } from "@symmetry/engine/trend/trend";
import { trendLabels } from "../format/trendLabels";
import { freeName, writeRow } from "./reportSheets";

const WORDS = {
  en: {
    trend: "Trend",
    trendTitle: "Symmetry barometer over time",
    waveHeader: ["Wave", "Dimension", "Employee score", "Customer score", "Gap", "Status"],
    changeHeader: ["From", "To", "Dimension", "Gap from", "Gap to", "Gap change", "Low", "High", "p", "Status", "Alert closed"],
    priorities: "Priorities",
    prioritiesTitle: "Priorities: need × impact, alerts first",
    prioritiesHeader: ["Rank", "Dimension", "Status", "Need (points)", "Impact (share of R²)", "Priority"],
    yes: "yes",
    no: "no",
  },
  fr: {
    trend: "Tendance",
    trendTitle: "Baromètre de symétrie dans le temps",
    waveHeader: ["Vague", "Dimension", "Score salariés", "Score clients", "Écart", "Statut"],
    changeHeader: [
      "De",
      "À",
      "Dimension",
      "Écart avant",
      "Écart après",
      "Évolution de l’écart",
      "Bas",
      "Haut",
      "p",
      "Statut",
      "Alerte levée",
    ],
    priorities: "Priorités",
    prioritiesTitle: "Priorités : besoin × impact, alertes d’abord",
    prioritiesHeader: ["Rang", "Dimension", "Statut", "Besoin (points)", "Impact (part du R²)", "Priorité"],
    yes: "oui",
    no: "non",
  },
} as const;

const round = (value: number | null, digits: number) => (value === null ? null : Number(value.toFixed(digits)));

/**
 * The Trend sheet of `sym report` (Tendance): per wave and dimension the employee score, customer
 * score, gap and status, then each change between waves (gap change with interval, p, status,
 * alert closed), as `sym trend` computes them (docs/domain.md#gap-change). Hidden figures stay empty.
 */
export function addTrendSheet(workbook: ExcelJS.Workbook, trend: Pick<Trend, "waves" | "changes">, language: Language): void {
  const words = WORDS[language];
  const labels = trendLabels(language);
  const sheet = workbook.addWorksheet(freeName(workbook, words.trend));
  sheet.getCell("A1").value = words.trendTitle;
  sheet.getCell("A1").font = { bold: true, size: 14 };
  let row = 3;
  writeRow(sheet, row++, [...words.waveHeader], true);
  for (const wave of trend.waves) {
    for (const dimension of wave.dimensions) {
      writeRow(sheet, row++, [
        wave.wave,
        dimension.label,
        round(dimension.employee.score, 1),
        round(dimension.customer.score, 1),
        round(dimension.gap, 1),
        labels.gapStatus[dimension.status],
      ]);
    }
  }
  row += 1;
  writeRow(sheet, row++, [...words.changeHeader], true);
  for (const change of trend.changes) {
    for (const dimension of change.dimensions) {
      writeRow(sheet, row++, [
        change.from,
        change.to,
        dimension.label,
        round(dimension.gapFrom, 1),
        round(dimension.gapTo, 1),
        round(dimension.gapChange, 1),
        round(dimension.low, 1),
        round(dimension.high, 1),
        dimension.p,
        labels.changeStatus[dimension.status],
        dimension.closed ? words.yes : words.no,
      ]);
      if (dimension.p !== null) sheet.getCell(row - 1, 9).numFmt = '[<0.001]"<0.001";0.000';
    }
  }
  sheet.columns.forEach((column, index) => (column.width = index < 3 ? 22 : 13));
}

/** The Priorities sheet of `sym report` (Priorités): dimensions ranked by need × impact, alerts first (docs/domain.md#priorities). */
export function addPrioritiesSheet(workbook: ExcelJS.Workbook, priorities: readonly Priority[], language: Language): void {
  const words = WORDS[language];
  const labels = trendLabels(language);
  const sheet = workbook.addWorksheet(freeName(workbook, words.priorities));
  sheet.getCell("A1").value = words.prioritiesTitle;
  sheet.getCell("A1").font = { bold: true, size: 14 };
  writeRow(sheet, 3, [...words.prioritiesHeader], true);
  priorities.forEach((priority, index) => {
    const status = priority.status as keyof typeof labels.gapStatus;
    writeRow(sheet, 4 + index, [
      priority.rank,
      priority.label,
      labels.gapStatus[status] ?? priority.status,
      round(priority.need, 1),
      round(priority.impact, 3),
      round(priority.priority, 3),
    ]);
  });
  sheet.columns.forEach((column, index) => (column.width = index === 1 ? 34 : 16));
}
