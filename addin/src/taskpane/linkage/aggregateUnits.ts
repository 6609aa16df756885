import { unitRowsFromAggregates, type Mapping, type Model, type UnitRow } from "@symmetry/engine";
import type { ChunkProgress } from "../data/readInChunks";
import { scanPopulation, type PopulationScan } from "../data/scanPopulation";
import { locateSource } from "../data/sourceGeometry";
import type { WorkbookPort } from "../workbook/WorkbookPort";
import { readUnitAttributes } from "./unitsSheet";

/**
 * The first half of "Linkage": reads the mapped Employees and Customers data (in chunks, every
 * answer checked) into the engine's PopulationAccumulator, the Units data into unit attributes,
 * and turns them into one row of unit metrics per unit (and wave) with `unitRowsFromAggregates`:
 * employee dimension scores, eNPS, symmetry index, customer scores, NPS, turnover. Only these
 * aggregates go on to the analysis (locally or to the API), never respondent rows.
 */

export interface UnitAggregationProgress extends ChunkProgress {
  readonly stage: "employees" | "customers" | "units";
}

export interface UnitAggregation {
  readonly units: UnitRow[];
  readonly employees: PopulationScan;
  readonly customers: PopulationScan;
}

export async function aggregateUnits(
  port: WorkbookPort,
  mapping: Mapping,
  model: Model,
  options: { signal?: AbortSignal; onProgress?: (progress: UnitAggregationProgress) => void; maxCellsPerChunk?: number } = {},
): Promise<UnitAggregation> {
  const read = (stage: UnitAggregationProgress["stage"]) => ({
    ...(options.signal ? { signal: options.signal } : {}),
    ...(options.maxCellsPerChunk ? { maxCells: options.maxCellsPerChunk } : {}),
    onProgress: (progress: ChunkProgress) => options.onProgress?.({ stage, ...progress }),
  });
  const scan = async (population: "employees" | "customers") =>
    scanPopulation(
      port,
      population,
      await locateSource(port, mapping[population]),
      mapping[population].columns,
      mapping.scales[population],
      read(population),
    );
  const employees = await scan("employees");
  const customers = await scan("customers");
  const attributes = mapping.units ? await readUnitAttributes(port, mapping.units, read("units")) : [];
  return { units: unitRowsFromAggregates(employees.aggregate, customers.aggregate, model, attributes), employees, customers };
}
