import type { Language, Mapping, Model } from "../../../../shared/src/index";
import { columnLetters, rangeText, type RangeAddress } from "../workbook/a1";
import type { CellValue, ChartSpec, ConditionalFormatRule } from "../workbook/WorkbookPort";
import { format, stringsFor } from "../i18n/strings";
import { columnOfHeader, type SourceGeometry } from "../data/sourceGeometry";
import { columnRange, filteredColumn, groupsOfAnswered, itemMatrix, itemsOfDimension } from "./formulaText";

/**
 * The Barometer sheet as data: which cell gets which value or formula, the formats, the charts
 * and the generated area. Pure, so the layout is tested without a workbook; `applyLayout` writes it.
 *
 * Layout (columns A–J; charts to the right, from column L):
 *   1–2   title, subtitle (model, counts, generated area)
 *   4–7   indicators: symmetry index, eNPS and NPS with their adjusted-Wald interval and n
 *   9–10  "Dimensions" and the table header
 *   11…   one row per dimension mapped in both populations: employee score, customer score,
 *         GAPTEST spilled over gap, low, high, p, Hedges g, status; weight in J
 *   then  eNPS by unit (A–C) and by manager (E–G), BYGROUP spilled with confidentiality
 */

export interface CellBlock {
  readonly topLeft: string;
  readonly values?: CellValue[][];
  readonly formulas?: (string | null)[][];
}

export interface BarometerLayout {
  readonly sheetName: string;
  /** Cells the build owns (cleared and rewritten on every rebuild). */
  readonly area: RangeAddress;
  readonly blocks: readonly CellBlock[];
  readonly numberFormats: readonly { address: string; format: string }[];
  readonly conditionalFormats: readonly ConditionalFormatRule[];
  readonly charts: readonly ChartSpec[];
  /** Where the pieces are, for the preview and the tests. */
  readonly anchors: {
    readonly symmetryIndex: string;
    readonly enps: string;
    readonly nps: string;
    readonly dimensionRows: RangeAddress;
    readonly dimensionIds: readonly string[];
    readonly byUnit?: RangeAddress;
    readonly byManager?: RangeAddress;
  };
  /** Dimensions mapped in one population only: shown to the user, no gap possible. */
  readonly unpaired: readonly string[];
  readonly thresholds: { readonly minGroupSize: number; readonly gapThreshold: number };
}

export interface LayoutInput {
  readonly mapping: Mapping;
  readonly model: Model;
  readonly language: Language;
  readonly employees: SourceGeometry;
  readonly customers: SourceGeometry;
  /** Distinct non-blank units and managers among employees: rows reserved for BYGROUP's spill. */
  readonly unitCount: number;
  readonly managerCount: number;
  /** Percentile ranks in the benchmark pool (issue 8), written as values in column K. */
  readonly benchmark?: { readonly header: string; readonly cells: Readonly<Record<string, CellValue>> };
}

export const AREA_NAME = "SymBarometerArea";
export const RADAR_CHART = "SymBarometerRadar";
export const GAP_CHART = "SymBarometerGaps";

const STATUS_COLOURS = {
  alert: { fill: "#F4CCCC", fontColor: "#9C0006", texts: ["alert", "alerte"] },
  watch: { fill: "#FFE699", fontColor: "#7F6000", texts: ["watch", "vigilance"] },
};

const DIMENSION_FIRST_ROW = 10; // 0-based row 10 = Excel row 11

function roleColumn(mapping: Mapping["employees"], geometry: SourceGeometry, role: "recommendation" | "unit" | "manager"): number {
  const column = mapping.columns.find((candidate) => candidate.role === role);
  return column ? columnOfHeader(geometry, column.header) : -1;
}

export function barometerLayout(input: LayoutInput): BarometerLayout {
  const { mapping, model, language, employees, customers } = input;
  const text = stringsFor(language);
  const thresholds = { ...model.thresholds, ...mapping.thresholds };
  const minN = thresholds.minGroupSize;
  const employeeScale = mapping.scales.employees;
  const customerScale = mapping.scales.customers;
  const sameScale = employeeScale.min === customerScale.min && employeeScale.max === customerScale.max;

  const paired: { id: string; label: string; weight: number; employee: string; customer: string }[] = [];
  const unpaired: string[] = [];
  for (const dimension of model.dimensions) {
    const employeeItems = itemsOfDimension(employees, mapping.employees.columns, dimension.id);
    const customerItems = itemsOfDimension(customers, mapping.customers.columns, dimension.id);
    if (employeeItems.length === 0 && customerItems.length === 0) continue;
    if (employeeItems.length === 0 || customerItems.length === 0) {
      unpaired.push(dimension.id);
      continue;
    }
    paired.push({
      id: dimension.id,
      label: dimension.label[language],
      weight: dimension.weight,
      employee: itemMatrix(employees, employeeItems, employeeScale),
      customer: itemMatrix(customers, customerItems, customerScale),
    });
  }

  const blocks: CellBlock[] = [];
  const numberFormats: { address: string; format: string }[] = [];
  const conditionalFormats: ConditionalFormatRule[] = [];

  // Indicators
  const firstDimensionRow = DIMENSION_FIRST_ROW;
  const lastDimensionRow = firstDimensionRow + Math.max(paired.length, 1) - 1;
  const gapColumn = `${columnLetters(3)}${firstDimensionRow + 1}:${columnLetters(3)}${lastDimensionRow + 1}`;
  const weightColumn = `J${firstDimensionRow + 1}:J${lastDimensionRow + 1}`;
  const npsFormula = (geometry: SourceGeometry, column: number) => {
    if (column < 0) return null;
    const range = columnRange(geometry, column);
    // Confidentiality (DOMAIN.md): NPSCI has no threshold of its own, so the count is checked first.
    return `=IF(COUNT(${range})>=${minN},SYM.NPSCI(${filteredColumn(geometry, column)}),NA())`;
  };
  const enpsColumn = roleColumn(mapping.employees, employees, "recommendation");
  const npsColumn = roleColumn(mapping.customers, customers, "recommendation");
  blocks.push({ topLeft: "A4", values: [[text.indicator, text.value, text.low, text.high, text.count], [text.symmetryIndex], [text.enps], [text.nps]] });
  blocks.push({
    topLeft: "B5",
    formulas: [
      [paired.length > 0 ? `=SYM.SYMINDEX(${gapColumn},${weightColumn})` : null],
      [npsFormula(employees, enpsColumn)],
      [npsFormula(customers, npsColumn)],
    ],
  });
  numberFormats.push({ address: "B5:D7", format: "0.0" });

  // Dimension table
  blocks.push({ topLeft: "A9", values: [[text.dimensionsHeading]] });
  blocks.push({
    topLeft: "A10",
    values: [[text.dimension, text.employees, text.customers, text.gap, text.low, text.high, text.pValue, text.hedgesG, text.status, text.weight]],
  });
  if (paired.length > 0) {
    blocks.push({ topLeft: `A${firstDimensionRow + 1}`, values: paired.map((dimension) => [dimension.label]) });
    blocks.push({ topLeft: `J${firstDimensionRow + 1}`, values: paired.map((dimension) => [dimension.weight]) });
    blocks.push({
      topLeft: `B${firstDimensionRow + 1}`,
      formulas: paired.map((dimension) => [
        `=SYM.SCORE(${dimension.employee},${employeeScale.min},${employeeScale.max})`,
        `=SYM.SCORE(${dimension.customer},${customerScale.min},${customerScale.max})`,
        sameScale
          ? `=SYM.GAPTEST(${dimension.employee},${dimension.customer},${employeeScale.min},${employeeScale.max},${thresholds.gapThreshold},${thresholds.alpha})`
          : // GAPTEST takes one scale for both questionnaires; with two scales only the gap is live.
            `=SYM.SYMGAP(${dimension.employee},${dimension.customer},${employeeScale.min},${employeeScale.max},${customerScale.min},${customerScale.max})`,
        null,
        null,
        null,
        null,
        null,
      ]),
    });
    const rows = `${firstDimensionRow + 1}:`;
    const span = (column: string) => `${column}${rows}${column}${lastDimensionRow + 1}`;
    numberFormats.push({ address: `B${firstDimensionRow + 1}:F${lastDimensionRow + 1}`, format: "0.0" });
    numberFormats.push({ address: span("G"), format: "0.000" });
    numberFormats.push({ address: span("H"), format: "0.00" });
    for (const rule of Object.values(STATUS_COLOURS)) {
      for (const word of rule.texts) {
        conditionalFormats.push({ kind: "textEquals", address: span("I"), text: word, fill: rule.fill, fontColor: rule.fontColor });
      }
    }
  }

  // Heat maps: eNPS by unit and by manager (BYGROUP hides small groups and their complement).
  let row = lastDimensionRow + 3;
  const unitColumn = roleColumn(mapping.employees, employees, "unit");
  const managerColumn = roleColumn(mapping.employees, employees, "manager");
  let bottom = row - 2;
  const heatMap = (left: string, title: string, label: string, groupColumn: number, groups: number): RangeAddress | undefined => {
    if (groupColumn < 0 || enpsColumn < 0) return undefined;
    blocks.push({ topLeft: `${left}${row + 1}`, values: [[title], [label, text.count, text.enps]] });
    blocks.push({
      topLeft: `${left}${row + 3}`,
      formulas: [[`=SYM.BYGROUP(${groupsOfAnswered(employees, groupColumn, enpsColumn)},${filteredColumn(employees, enpsColumn)},"enps",${minN})`]],
    });
    const leftIndex = left.charCodeAt(0) - 65;
    const spill = { top: row + 2, bottom: row + 2 + Math.max(groups, 1) - 1, left: leftIndex, right: leftIndex + 2 };
    const valueColumn = columnLetters(leftIndex + 2);
    conditionalFormats.push({ kind: "colorScale", address: `${valueColumn}${spill.top + 1}:${valueColumn}${spill.bottom + 1}`, low: "#F8696B", middle: "#FFEB84", high: "#63BE7B" });
    numberFormats.push({ address: `${valueColumn}${spill.top + 1}:${valueColumn}${spill.bottom + 1}`, format: "0" });
    bottom = Math.max(bottom, spill.bottom);
    return spill;
  };
  const byUnit = heatMap("A", text.byUnit, text.unit, unitColumn, input.unitCount);
  const byManager = heatMap("E", text.byManager, text.manager, managerColumn, input.managerCount);
  if (!byUnit && !byManager) bottom = lastDimensionRow;
  row = bottom;

  if (input.benchmark && paired.length > 0) {
    blocks.push({ topLeft: "K10", values: [[input.benchmark.header]] });
    blocks.push({ topLeft: `K${firstDimensionRow + 1}`, values: paired.map((dimension) => [input.benchmark!.cells[dimension.id] ?? null]) });
    numberFormats.push({ address: `K${firstDimensionRow + 1}:K${lastDimensionRow + 1}`, format: "0" });
  }
  const area: RangeAddress = { top: 0, left: 0, bottom: row, right: input.benchmark ? 10 : 9 };
  blocks.unshift({
    topLeft: "A1",
    values: [
      [text.sheetTitle],
      [
        format(text.sheetSubtitle, {
          model: model.name[language],
          version: model.version,
          employees: `${employees.sheet}!${rangeText(employees.block)}`,
          customers: `${customers.sheet}!${rangeText(customers.block)}`,
          area: rangeText(area),
        }),
      ],
    ],
  });

  const dimensionRows: RangeAddress = { top: firstDimensionRow, bottom: lastDimensionRow, left: 0, right: 9 };
  const categories = `A${firstDimensionRow + 1}:A${lastDimensionRow + 1}`;
  const charts: ChartSpec[] =
    paired.length === 0
      ? []
      : [
          {
            name: RADAR_CHART,
            kind: "radar",
            title: text.radarTitle,
            categories,
            series: [
              { name: text.employeesSeries, values: `B${firstDimensionRow + 1}:B${lastDimensionRow + 1}` },
              { name: text.customersSeries, values: `C${firstDimensionRow + 1}:C${lastDimensionRow + 1}` },
            ],
            placement: "L1:S20",
          },
          {
            name: GAP_CHART,
            kind: "bar",
            title: text.gapChartTitle,
            categories,
            series: [{ name: text.gapSeries, values: gapColumn }],
            placement: "L22:S40",
          },
        ];

  return {
    sheetName: text.sheetName,
    area,
    blocks,
    numberFormats,
    conditionalFormats,
    charts,
    anchors: {
      symmetryIndex: "B5",
      enps: "B6",
      nps: "B7",
      dimensionRows,
      dimensionIds: paired.map((dimension) => dimension.id),
      ...(byUnit ? { byUnit } : {}),
      ...(byManager ? { byManager } : {}),
    },
    unpaired,
    thresholds: { minGroupSize: minN, gapThreshold: thresholds.gapThreshold },
  };
}

