import { columnLetters, type RangeAddress } from "../../workbook/a1";
import { alignedColumn } from "../formulaText";
import { formulaBlock, valueBlock, type CellBlock, type Section } from "../../sheet/sections";
import type { ConditionalFormatRule } from "../../workbook/WorkbookPort";
import { format } from "../../i18n/strings";
import type { BarometerContext } from "./context";

/**
 * A heat map by group (unit or manager): title, header, then SYM.HEATMAP spilled over group, n,
 * eNPS and the employee score of every dimension of the dimension table. When the Units data has a
 * front office / support column, the units' map spills, below the units, front office, support and
 * support − front office (docs/domain.md#support-front), from the same call.
 *
 * Every heat map of the sheet hands SYM.HEATMAP the same data (units, managers, unit types,
 * eNPS answers, answer matrices) and differs only in `by`, so all of them hide the same groups:
 * units, managers and types are suppressed jointly (docs/domain.md#joint-suppression) and no
 * hidden group can be recovered by subtracting the visible groups of one map from another. A
 * hidden count reads "fewer than 5", a hidden figure "·". Rows are reserved for the spill: one
 * per distinct group.
 */

export type HeatMapView = "unit" | "manager";

export interface GroupHeatMapSpec {
  /** 0-based column of the map's first column and 0-based row of its title. */
  readonly left: number;
  readonly top: number;
  readonly title: string;
  readonly label: string;
  readonly view: HeatMapView;
  /**
   * With scores (one column per dimension) or n and eNPS only. Every call sends its ranges to the
   * function on each recalculation, so the map that needs no scores is not given the answers;
   * its hidden groups are still those of the other maps (people and eNPS answers are decided on
   * their own counts).
   */
  readonly scores: boolean;
  /** Rows to reserve for the spill (distinct groups). */
  readonly groups: number;
}

export interface GroupHeatMapAnchors {
  /** Group, n and eNPS columns of the groups' rows (what the preview's eNPS map reads). */
  readonly spill: RangeAddress;
  /** The groups' rows: group, n, eNPS, then one score column per dimension. */
  readonly table: RangeAddress;
  /** Front office, support and support − front office rows, spilled below the units when units have a type. */
  readonly types?: RangeAddress;
}

const COLOUR_SCALE = { kind: "colorScale", low: "#F8696B", middle: "#FFEB84", high: "#63BE7B" } as const;

/** The SYM.HEATMAP call of `view` over the sheet's data, or undefined when the view's grouping is not mapped. */
export function heatMapFormula(context: BarometerContext, view: HeatMapView, scores = true): string | undefined {
  const { input, unitColumn, managerColumn, enpsColumn, employeeScale, paired, minN } = context;
  if (unitColumn < 0 && view === "unit") return undefined;
  if (managerColumn < 0 && view === "manager") return undefined;
  if (scores && paired.length === 0) return undefined;
  const employees = input.employees;
  const units = unitColumn >= 0 ? alignedColumn(employees, unitColumn) : "";
  const managers = managerColumn >= 0 ? alignedColumn(employees, managerColumn) : "";
  const types = input.unitTypes
    ? `CHOOSE(SEQUENCE(1,2),${alignedColumn(input.unitTypes.geometry, input.unitTypes.unitColumn)},${alignedColumn(
        input.unitTypes.geometry,
        input.unitTypes.typeColumn,
      )})`
    : "";
  const recommendation = enpsColumn >= 0 ? alignedColumn(employees, enpsColumn) : "";
  const answers = scores ? `,${paired.map((dimension) => dimension.employeeAligned).join(",")}` : "";
  // Units with a type spill their types below them, in the same call: one call fewer sends every answer.
  const by = view === "unit" && input.unitTypes ? "unit,type" : view;
  return `=SYM.HEATMAP("${by}",${units},${managers},${types},${recommendation},${minN},${employeeScale.min},${employeeScale.max}${answers})`;
}

/** The map, or undefined when its grouping (or any paired dimension) is not mapped. */
export function groupHeatMapSection(context: BarometerContext, spec: GroupHeatMapSpec): Section<GroupHeatMapAnchors> | undefined {
  const formula = heatMapFormula(context, spec.view, spec.scores);
  if (!formula) return undefined;
  const { text, minN } = context;
  const paired = spec.scores ? context.paired : [];
  const groupsBottom = spec.top + 2 + Math.max(spec.groups, 1) - 1;
  const typed = spec.view === "unit" && context.input.unitTypes !== undefined;
  // Front office, support, support − front office; then the legend.
  const bottom = typed ? groupsBottom + 3 : groupsBottom;
  const table: RangeAddress = { top: spec.top + 2, bottom: groupsBottom, left: spec.left, right: spec.left + 2 + paired.length };
  const types: RangeAddress | undefined = typed ? { ...table, top: groupsBottom + 1, bottom } : undefined;
  const blocks: CellBlock[] = [
    valueBlock(spec.top, spec.left, [[spec.title]]),
    valueBlock(spec.top + 1, spec.left, [[spec.label, text.count, text.enps, ...paired.map((dimension) => dimension.label)]]),
    formulaBlock(table.top, spec.left, [[formula]]),
    valueBlock(bottom + 1, spec.left, [[format(text.heatMapLegend, { n: minN })]]),
  ];
  const span = (left: number, right: number) => `${columnLetters(left)}${table.top + 1}:${columnLetters(right)}${groupsBottom + 1}`;
  const enps = span(spec.left + 2, spec.left + 2);
  const scores = span(spec.left + 3, table.right);
  const conditionalFormats: ConditionalFormatRule[] = [
    { ...COLOUR_SCALE, address: enps },
    ...(paired.length > 0 ? [{ ...COLOUR_SCALE, address: scores }] : []),
  ];
  return {
    blocks,
    numberFormats: [
      { address: span(spec.left + 1, spec.left + 2), format: "0" },
      ...(paired.length > 0 ? [{ address: scores, format: "0.0" }] : []),
      ...(types
        ? [{ address: `${columnLetters(spec.left + 1)}${types.top + 1}:${columnLetters(table.right)}${types.bottom + 1}`, format: "0.0" }]
        : []),
    ],
    conditionalFormats,
    charts: [],
    bottom: bottom + 1,
    anchors: { spill: { ...table, right: spec.left + 2 }, table, ...(types ? { types } : {}) },
  };
}
