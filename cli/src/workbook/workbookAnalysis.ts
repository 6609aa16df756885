import type { Language, LinkageRequest, LinkageResult, Mapping, Model, UnitAttributes, UnitRow } from "@symmetry/engine";
import { computeBarometer, groupEnps } from "@symmetry/engine/barometer/barometer";
import { isSymError } from "@symmetry/engine/errors";
import { runLinkage } from "@symmetry/engine/linkage/analysis";
import { unitRowsFromAggregates } from "@symmetry/engine/linkage/unitAggregation";
import type { BarometerReport, UnitResult } from "../commands/barometer";
import { groupedOutput } from "../commands/groupedOutput";
import { BY_UNIT } from "../commands/groupings";
import type { PopulationFromSheet } from "./readWorkbookData";

/**
 * The numbers of `sym report`, computed by the engine exactly as `sym barometer` computes them from
 * CSV files (same `computeBarometer`, same thresholds, same extra keys), plus the cross-unit linkage
 * when the workbook has a Units sheet with units in it.
 */

export interface WorkbookInputs {
  readonly file: string;
  readonly mapping: Mapping;
  readonly unmapped: { employees: string[]; customers: string[] };
  readonly employees: PopulationFromSheet;
  readonly customers: PopulationFromSheet;
  readonly units: UnitAttributes[];
}

/** The barometer in `sym barometer --json`'s shape; `files` names the sheets (delimiter empty: a worksheet). */
export function workbookBarometer(inputs: WorkbookInputs, model: Model, language: Language): BarometerReport {
  const thresholds = { ...model.thresholds, ...inputs.mapping.thresholds };
  const chosen = { minGroupSize: thresholds.minGroupSize, gapThreshold: thresholds.gapThreshold, alpha: thresholds.alpha };
  const barometer = computeBarometer(inputs.employees.aggregate, inputs.customers.aggregate, { model, language, thresholds: chosen });
  // The same joint decisions as `sym barometer`, plus the heat map by unit (the report always shows it).
  const grouped = groupedOutput(inputs.employees.cells, inputs.customers.cells, inputs.units, [BY_UNIT], model, chosen);
  const attributeOf = new Map(inputs.units.map((unit) => [unit.unit, unit.attribute]));
  const units: UnitResult[] = grouped.units.map((unit) => {
    const attribute = attributeOf.get(unit.unit);
    return attribute === undefined ? unit : { ...unit, attribute };
  });
  const customerUnits = groupEnps(inputs.customers.aggregate.units ?? {}, chosen.minGroupSize).map(({ unit, n, enps, suppressed }) => ({
    unit,
    n,
    nps: enps,
    suppressed,
  }));
  const hasUnits = inputs.mapping.units !== undefined;
  return {
    ...barometer,
    ...grouped,
    units,
    ...(hasUnits
      ? { unitAttributes: Object.fromEntries(model.unitAttributes.map((attribute) => [attribute.id, attribute.label[language]])) }
      : {}),
    language,
    scales: { employees: inputs.mapping.scales.employees, customers: inputs.mapping.scales.customers },
    thresholds: chosen,
    customerUnits,
    unmapped: { employees: inputs.unmapped.employees, customers: inputs.unmapped.customers },
    files: {
      employees: {
        path: `${inputs.file}#${inputs.employees.sheet}`,
        rows: inputs.employees.rows,
        delimiter: "",
        mappedColumns: inputs.employees.mappedColumns,
      },
      customers: {
        path: `${inputs.file}#${inputs.customers.sheet}`,
        rows: inputs.customers.rows,
        delimiter: "",
        mappedColumns: inputs.customers.mappedColumns,
      },
      ...(hasUnits ? { units: `${inputs.file}#${inputs.mapping.units!.sheet}` } : {}),
    },
  };
}

export interface ReportLinkOptions {
  readonly bootstrap: number;
  readonly seed: number;
  readonly costRatio: number;
  readonly deltaPoints: number;
}

export type WorkbookLink = { readonly result: LinkageResult; readonly request: LinkageRequest } | { readonly skipped: string };

/** Metrics usable across units: numbers in at least 4 units kept by the threshold, and not constant. */
function usable(units: readonly UnitRow[], name: string, minN: number): boolean {
  const values = units
    .filter((unit) => unit.employeesN >= minN)
    .map((unit) => unit.metrics[name])
    .filter((value): value is number => typeof value === "number");
  return values.length >= 4 && values.some((value) => value !== values[0]);
}

/**
 * The linkage of a workbook's units: eNPS, the symmetry index and the employee dimensions against
 * customer NPS and turnover (what the add-in's Linkage action offers by default), key drivers on
 * the dimensions when enough units have them (docs/domain.md#key-drivers: 25), turnover money when the Units sheet
 * has headcount, leavers and salary. A linkage the data cannot support is skipped with its reason;
 * the barometer is still reported.
 */
export function workbookLinkage(inputs: WorkbookInputs, model: Model, options: ReportLinkOptions): WorkbookLink | undefined {
  if (!inputs.mapping.units || inputs.units.length === 0) return undefined;
  const thresholds = { ...model.thresholds, ...inputs.mapping.thresholds };
  const minN = thresholds.minGroupSize;
  const units = unitRowsFromAggregates(inputs.employees.aggregate, inputs.customers.aggregate, model, inputs.units);
  const dimensions = model.dimensions.map((dimension) => dimension.id).filter((id) => usable(units, id, minN));
  const x = ["enps", "symmetry", ...dimensions].filter((name) => usable(units, name, minN));
  const y = ["nps", "turnover"].filter((name) => usable(units, name, minN));
  if (x.length === 0 || y.length === 0)
    return { skipped: "linkage needs at least 4 units (of 5 employees or more) with employee metrics and customer NPS or turnover" };
  const complete = (names: readonly string[]) =>
    units.filter((unit) => unit.employeesN >= minN && names.every((name) => typeof unit.metrics[name] === "number")).length;
  const drivers =
    dimensions.length >= 2 && Math.min(...y.map((outcome) => complete([...dimensions, outcome]))) >= thresholds.minDriverUnits;
  const turnover =
    x.includes("enps") && units.some((unit) => unit.headcount !== undefined && unit.leavers !== undefined && unit.salary !== undefined);
  const request: LinkageRequest = {
    units,
    x,
    y,
    methods: ["pearson", "spearman"],
    bootstrap: options.bootstrap,
    seed: options.seed,
    minN,
    ...(drivers ? { drivers: { predictors: dimensions, minUnits: thresholds.minDriverUnits } } : {}),
    ...(turnover ? { turnover: { x: "enps", costRatio: options.costRatio, deltaPoints: options.deltaPoints } } : {}),
  };
  try {
    const result = runLinkage(request);
    return {
      request,
      result: {
        ...result,
        ...(drivers
          ? {}
          : { driversSkipped: `key drivers need at least ${thresholds.minDriverUnits} units with every dimension and outcome` }),
        ...(turnover ? {} : { turnoverSkipped: "turnover money needs eNPS and the headcount, leavers and salary of the units" }),
      },
    };
  } catch (error) {
    if (isSymError(error)) return { skipped: error.message };
    throw error;
  }
}
