import type { Language, Mapping, Model } from "@symmetry/engine";
import type { NamedRange, WorkbookPort } from "../workbook/WorkbookPort";
import { columnOfHeader, locateSource } from "../data/sourceGeometry";
import { scanPopulation, type PopulationScan } from "../data/scanPopulation";
import type { ChunkProgress } from "../data/readInChunks";
import { applyLayout } from "./applyLayout";
import { barometerLayout, type BarometerLayout, type LayoutInput } from "./layout";
import type { BenchmarkColumn } from "../benchmark/benchmarkPool";
import { estimateRecalc, liveFormulasFit, type RecalcEstimate } from "../sheet/recalcEstimate";

/**
 * "Build barometer": locate both sources, read and check every mapped answer in chunks, then
 * write the live Barometer sheet. Cancelling during the reading writes nothing.
 */

export interface BuildProgress extends ChunkProgress {
  readonly stage: "employees" | "customers" | "writing";
}

export interface BuildOptions {
  readonly signal?: AbortSignal;
  readonly onProgress?: (progress: BuildProgress) => void;
  readonly maxCellsPerChunk?: number;
  /** The benchmark pool's percentile column, asked once the data is read (null: no pool configured). */
  readonly benchmark?: (employees: PopulationScan, customers: PopulationScan) => Promise<BenchmarkColumn | null>;
}

export interface BuildResult {
  readonly area: NamedRange;
  readonly layout: BarometerLayout;
  readonly employees: PopulationScan;
  readonly customers: PopulationScan;
  readonly benchmark?: BenchmarkColumn;
  /** Cells the live formulas send per full recalculation, and whether that fits Excel (../sheet/recalcEstimate). */
  readonly recalc: RecalcEstimate;
  readonly liveFits: boolean;
}

export class ConfidentialityError extends Error {
  constructor(respondents: number, minimum: number) {
    super(
      `Only ${respondents} employees answered, fewer than the confidentiality threshold of ${minimum}: no barometer is shown for so few people`,
    );
    this.name = "ConfidentialityError";
  }
}

export async function buildBarometer(
  port: WorkbookPort,
  mapping: Mapping,
  model: Model,
  language: Language,
  options: BuildOptions = {},
): Promise<BuildResult> {
  const employeesGeometry = await locateSource(port, mapping.employees);
  const customersGeometry = await locateSource(port, mapping.customers);
  const read = (stage: "employees" | "customers") => ({
    ...(options.signal ? { signal: options.signal } : {}),
    ...(options.maxCellsPerChunk ? { maxCells: options.maxCellsPerChunk } : {}),
    onProgress: (progress: ChunkProgress) => options.onProgress?.({ stage, ...progress }),
  });
  const employees = await scanPopulation(
    port,
    "employees",
    employeesGeometry,
    mapping.employees.columns,
    mapping.scales.employees,
    read("employees"),
  );
  const customers = await scanPopulation(
    port,
    "customers",
    customersGeometry,
    mapping.customers.columns,
    mapping.scales.customers,
    read("customers"),
  );
  const minimum = { ...model.thresholds, ...mapping.thresholds }.minGroupSize;
  if (employees.respondents < minimum) throw new ConfidentialityError(employees.respondents, minimum);
  options.onProgress?.({ stage: "writing", rowsRead: 0, totalRows: 1 });
  const benchmark = (await options.benchmark?.(employees, customers)) ?? undefined;
  const unitTypes = await locateUnitTypes(port, mapping);
  const layout = barometerLayout({
    ...(unitTypes ? { unitTypes } : {}),
    ...(benchmark ? { benchmark } : {}),
    mapping,
    model,
    language,
    employees: employeesGeometry,
    customers: customersGeometry,
    unitCount: employees.units.length,
    managerCount: employees.managers.length,
  });
  const recalc = estimateRecalc(layout);
  const area = await applyLayout(port, layout);
  options.onProgress?.({ stage: "writing", rowsRead: 1, totalRows: 1 });
  return { area, layout, employees, customers, recalc, liveFits: liveFormulasFit(recalc), ...(benchmark ? { benchmark } : {}) };
}

/** The Units data's unit and front office / support columns, when the mapping names both (heat map by type). */
async function locateUnitTypes(port: WorkbookPort, mapping: Mapping): Promise<LayoutInput["unitTypes"]> {
  const units = mapping.units;
  if (!units?.attributeColumn) return undefined;
  const geometry = await locateSource(port, units);
  const unitColumn = columnOfHeader(geometry, units.unitColumn);
  const typeColumn = columnOfHeader(geometry, units.attributeColumn);
  if (unitColumn < 0 || typeColumn < 0) {
    throw new Error(`The unit or type column of the Units data is no longer in ${geometry.sheet}: map the Units data again`);
  }
  return { geometry, unitColumn, typeColumn };
}
