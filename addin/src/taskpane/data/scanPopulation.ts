import {
  PopulationAccumulator,
  SymError,
  readAnswer,
  type ColumnMapping,
  type Population,
  type PopulationAggregate,
  type Scale,
} from "@symmetry/engine";
import type { RangeAddress } from "../workbook/a1";
import type { WorkbookPort } from "../workbook/WorkbookPort";
import { readInChunks, type ReadInChunksOptions } from "./readInChunks";
import type { SourceGeometry } from "./sourceGeometry";

/**
 * Reads a population's mapped columns once, in chunks, and folds them into the engine's
 * PopulationAccumulator: every answer is checked (a bad cell stops the build with its row and
 * column), and the distinct units and managers size the heat maps. A wave column, when mapped,
 * labels the unit aggregates per wave (the linkage's lag needs them).
 */

export interface PopulationScan {
  readonly population: Population;
  readonly aggregate: PopulationAggregate;
  readonly respondents: number;
  readonly units: readonly string[];
  readonly managers: readonly string[];
}

export class DataError extends Error {
  constructor(
    message: string,
    readonly sheet: string,
    readonly row: number,
    readonly header: string,
  ) {
    super(message);
    this.name = "DataError";
  }
}

function label(value: unknown): string {
  return value === null || value === undefined ? "" : String(value).trim();
}

export async function scanPopulation(
  port: WorkbookPort,
  population: Population,
  geometry: SourceGeometry,
  columns: readonly ColumnMapping[],
  scale: Scale,
  options: ReadInChunksOptions = {},
): Promise<PopulationScan> {
  const indexOf = (column: ColumnMapping) => geometry.headers.indexOf(column.header);
  const items = columns.filter((column) => column.role === "item" && column.dimension && indexOf(column) >= 0);
  const recommendation = columns.find((column) => column.role === "recommendation" && indexOf(column) >= 0);
  const unit = columns.find((column) => column.role === "unit" && indexOf(column) >= 0);
  const manager = columns.find((column) => column.role === "manager" && indexOf(column) >= 0);
  const wave = columns.find((column) => column.role === "wave" && indexOf(column) >= 0);
  const used = [...items, recommendation, unit, manager, wave].filter((column): column is ColumnMapping => column !== undefined);
  if (used.length === 0)
    return {
      population,
      aggregate: new PopulationAccumulator({ population, scale, items: [] }).result(),
      respondents: 0,
      units: [],
      managers: [],
    };

  // Only the mapped columns are read (never the free text between them); a row holds them in
  // sheet order, so a column's position is its rank among the mapped ones.
  const mapped = [...new Set(used.map(indexOf))].sort((a, b) => a - b);
  const position = (column: ColumnMapping) => mapped.indexOf(indexOf(column));
  const accumulator = new PopulationAccumulator({
    population,
    scale,
    items: items.map((column) => ({ column: position(column), dimension: column.dimension!, reversed: column.reversed })),
    ...(recommendation ? { recommendationColumn: position(recommendation) } : {}),
  });
  const numericColumns = [...items, ...(recommendation ? [recommendation] : [])].map(position);
  const units = new Set<string>();
  const managers = new Set<string>();
  const numbers = new Float64Array(mapped.length).fill(Number.NaN);
  let respondents = 0;

  const range: RangeAddress = {
    top: geometry.block.top + 1,
    bottom: geometry.block.bottom,
    left: geometry.block.left + mapped[0],
    right: geometry.block.left + mapped[mapped.length - 1],
  };
  if (range.bottom < range.top) return { population, aggregate: accumulator.result(), respondents: 0, units: [], managers: [] };
  await readInChunks(
    port,
    geometry.sheet,
    range,
    (rows, firstRow) => {
      for (let index = 0; index < rows.length; index++) {
        const row = rows[index];
        const sheetRow = range.top + firstRow + index + 1; // 1-based Excel row, for messages
        let current = -1;
        try {
          for (const column of numericColumns) {
            current = column;
            numbers[column] = readAnswer(row[column]);
          }
          const unitLabel = unit ? label(row[position(unit)]) : undefined;
          const managerLabel = manager ? label(row[position(manager)]) : undefined;
          const waveLabel = wave ? label(row[position(wave)]) : undefined;
          current = -1;
          accumulator.addRow(numbers, unitLabel, managerLabel, waveLabel);
          if (unitLabel) units.add(unitLabel);
          if (managerLabel) managers.add(managerLabel);
          respondents += 1;
        } catch (error) {
          if (!(error instanceof SymError)) throw error;
          const column = current >= 0 ? current : (error.details.column ?? 1) - 1;
          const header = geometry.headers[mapped[column]] ?? "";
          throw new DataError(`${geometry.sheet}, row ${sheetRow}, column "${header}": ${error.message}`, geometry.sheet, sheetRow, header);
        }
      }
    },
    { ...options, columns: mapped.map((column) => geometry.block.left + column) },
  );
  return { population, aggregate: accumulator.result(), respondents, units: [...units].sort(), managers: [...managers].sort() };
}
