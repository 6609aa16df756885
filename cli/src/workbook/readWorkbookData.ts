import type ExcelJS from "exceljs";
import type JSZip from "jszip";
import type { ColumnMapping, Mapping, Model, Population, PopulationAggregate, UnitAttributes } from "@symmetry/engine";
import { ColumnarPopulationAccumulator } from "@symmetry/engine/streaming/columnarAccumulator";
import type { CellTable } from "@symmetry/engine/heatmap/cellTable";
import { SymError, describeList, isSymError } from "@symmetry/engine/errors";
import { describeDuplicateItem, findDuplicateItem } from "@symmetry/engine/model/duplicateItems";
import { normaliseHeader, suggestMapping } from "@symmetry/engine/model/headers";
import { recogniseUnitsColumns } from "@symmetry/engine/model/unitsColumns";
import { mappingFromXml } from "@symmetry/engine/model/mappingXml";
import { MAPPING_NAMESPACE } from "@symmetry/engine/model/schemas";
import { parseNumericText, readAnswer } from "@symmetry/engine/scale/answers";
import { attributeIndex } from "../units/attributeIndex";
import { cellAddress, readDataCell, readLabelCell } from "./cellValues";
import { readCustomXmlParts } from "./customXmlPart";
import { DATA_SHEET_NAMES } from "./workbookNames";

/**
 * Reads the survey data of a workbook for `sym report`: the mapping from the custom XML part
 * `urn:symmetry-barometer:mapping:1` (written by the add-in or `sym template`), or, when the file has
 * none, sheets named Employees / Customers / Units (Collaborateurs / Clients / Unités) whose header
 * rows are auto-mapped like the CLI's CSV headers. Answers are folded into the engine's
 * `ColumnarPopulationAccumulator` (the one `sym barometer` folds CSV files with); a bad cell stops the read with its sheet, cell, column and value.
 */

export interface MappingFound {
  readonly mapping: Mapping;
  readonly source: "custom-xml" | "sheet-names";
  /** Headers the auto-mapping did not recognise (sheet-names only). */
  readonly unmapped: { employees: string[]; customers: string[] };
}

interface Region {
  readonly sheet: ExcelJS.Worksheet;
  readonly headerRow: number;
  readonly firstColumn: number;
  readonly lastColumn: number;
  readonly lastRow: number;
  /** Header text → column number (first occurrence). */
  readonly columns: Map<string, number>;
  readonly headers: string[];
}

function sheetList(workbook: ExcelJS.Workbook): string {
  return describeList(workbook.worksheets.map((sheet) => JSON.stringify(sheet.name)));
}

function findSheet(workbook: ExcelJS.Workbook, name: string, file: string, what: string): ExcelJS.Worksheet {
  const sheet =
    workbook.getWorksheet(name) ?? workbook.worksheets.find((candidate) => normaliseHeader(candidate.name) === normaliseHeader(name));
  if (!sheet)
    throw new SymError(
      "invalid-argument",
      `${file}: the ${what} sheet ${JSON.stringify(name)} is missing (sheets: ${sheetList(workbook)})`,
      { file },
    );
  return sheet;
}

function decodeReference(reference: string): { top: number; left: number; bottom: number; right: number } | undefined {
  const match = /^\$?([A-Z]{1,3})\$?(\d+)(?::\$?([A-Z]{1,3})\$?(\d+))?$/i.exec(reference.replace(/^.*!/, "").trim());
  if (!match) return undefined;
  const column = (letters: string) => [...letters.toUpperCase()].reduce((value, letter) => value * 26 + letter.charCodeAt(0) - 64, 0);
  const left = column(match[1]);
  const top = Number(match[2]);
  return { top, left, bottom: match[4] ? Number(match[4]) : top, right: match[3] ? column(match[3]) : left };
}

function tableReference(sheet: ExcelJS.Worksheet, table: string): string | undefined {
  const tables = (sheet as unknown as { tables?: Record<string, { table?: { tableRef?: string; ref?: string } }> }).tables ?? {};
  const found =
    tables[table] ?? Object.values(tables).find((candidate) => (candidate.table as { name?: string } | undefined)?.name === table);
  return found?.table?.tableRef ?? found?.table?.ref;
}

function regionOf(
  workbook: ExcelJS.Workbook,
  location: { sheet: string; range?: string; table?: string },
  file: string,
  what: string,
): Region {
  const sheet = findSheet(workbook, location.sheet, file, what);
  const reference = (location.table ? tableReference(sheet, location.table) : undefined) ?? location.range;
  const bounds = (reference ? decodeReference(reference) : undefined) ?? {
    top: 1,
    left: 1,
    bottom: sheet.rowCount,
    right: sheet.columnCount,
  };
  const columns = new Map<string, number>();
  const headers: string[] = [];
  const headerRow = sheet.getRow(bounds.top);
  for (let column = bounds.left; column <= bounds.right; column++) {
    const header = readLabelCell(
      headerRow.getCell(column).value,
      () => `${file}, sheet ${JSON.stringify(sheet.name)}, header cell ${cellAddress(bounds.top, column)}`,
    );
    headers.push(header);
    if (header !== "" && !columns.has(header)) columns.set(header, column);
  }
  return {
    sheet,
    headerRow: bounds.top,
    firstColumn: bounds.left,
    lastColumn: bounds.right,
    lastRow: Math.max(bounds.bottom, bounds.top),
    columns,
    headers,
  };
}

/** The mapping of a workbook: its custom XML part, else the data sheets found by name. */
export async function findMapping(zip: JSZip, workbook: ExcelJS.Workbook, model: Model, file: string): Promise<MappingFound> {
  for (const xml of await readCustomXmlParts(zip)) {
    if (!xml.includes(MAPPING_NAMESPACE)) continue;
    try {
      return { mapping: mappingFromXml(xml), source: "custom-xml", unmapped: { employees: [], customers: [] } };
    } catch (error) {
      if (isSymError(error)) throw new SymError(error.code, `${file}: the mapping part is invalid: ${error.message}`, { file });
      throw error;
    }
  }
  const named = (population: keyof typeof DATA_SHEET_NAMES) =>
    workbook.worksheets.find((sheet) =>
      (DATA_SHEET_NAMES[population] as readonly string[]).some((name) => normaliseHeader(name) === normaliseHeader(sheet.name)),
    );
  const employees = named("employees");
  const customers = named("customers");
  if (!employees || !customers) {
    throw new SymError(
      "invalid-argument",
      `${file} has no mapping part and no sheets named Employees and Customers (or Collaborateurs and Clients); its sheets are ${sheetList(workbook)}`,
      { file },
    );
  }
  const suggest = (sheet: ExcelJS.Worksheet, population: Population) => {
    const region = regionOf(workbook, { sheet: sheet.name }, file, population);
    return suggestMapping(region.headers.filter(Boolean), population, model);
  };
  const employeeColumns = suggest(employees, "employees");
  const customerColumns = suggest(customers, "customers");
  const unitsSheet = named("units");
  const units = unitsSheet ? unitsLocation(regionOf(workbook, { sheet: unitsSheet.name }, file, "units")) : undefined;
  const language = normaliseHeader(employees.name) === "employees" ? "en" : "fr";
  return {
    mapping: {
      version: 1,
      modelId: model.id,
      language,
      employees: { sheet: employees.name, columns: employeeColumns.columns },
      customers: { sheet: customers.name, columns: customerColumns.columns },
      ...(units ? { units } : {}),
      scales: { employees: { ...model.scales.employees }, customers: { ...model.scales.customers } },
      thresholds: { ...model.thresholds },
    },
    source: "sheet-names",
    unmapped: { employees: employeeColumns.unmapped, customers: customerColumns.unmapped },
  };
}

function unitsLocation(region: Region): Mapping["units"] | undefined {
  const found = recogniseUnitsColumns(region.headers);
  if (!found.unitColumn) return undefined;
  return { sheet: region.sheet.name, unitColumn: found.unitColumn, ...found };
}

export interface PopulationFromSheet {
  readonly aggregate: PopulationAggregate;
  /** The rows per (unit, manager, wave): heat maps and joint suppression. */
  readonly cells: CellTable;
  readonly rows: number;
  readonly sheet: string;
  readonly mappedColumns: number;
  /** Each wave's total and units, when the mapping has a wave column (the trend of the decks). */
  readonly waves?: ReturnType<ColumnarPopulationAccumulator["waveTotals"]>;
}

function missingHeader(region: Region, header: string, file: string, what: string): SymError {
  return new SymError(
    "invalid-argument",
    `${file}: column ${JSON.stringify(header)} of the mapping is not in the ${what} sheet ${JSON.stringify(region.sheet.name)} (headers: ${describeList(region.headers.filter(Boolean))})`,
    { file, columnName: header },
  );
}

/** Reads one population's rows into the engine's accumulator. */
export function readPopulationSheet(
  workbook: ExcelJS.Workbook,
  mapping: Mapping,
  population: Population,
  file: string,
): PopulationFromSheet {
  const source = mapping[population];
  const duplicate = findDuplicateItem(source.columns);
  if (duplicate) throw new SymError("invalid-argument", `${file}: ${population}: ${describeDuplicateItem(duplicate)}`, { file });
  const region = regionOf(workbook, source, file, population);
  const columnOf = (column: ColumnMapping) => {
    const index = region.columns.get(column.header);
    if (index === undefined) throw missingHeader(region, column.header, file, population);
    return index;
  };
  const numeric: { column: number; header: string; mapping: ColumnMapping }[] = [];
  let unitColumn = -1;
  let managerColumn = -1;
  let waveColumn = -1;
  for (const column of source.columns) {
    if (column.role === "item" || column.role === "recommendation")
      numeric.push({ column: columnOf(column), header: column.header, mapping: column });
    else if (column.role === "unit") unitColumn = columnOf(column);
    else if (column.role === "manager") managerColumn = columnOf(column);
    else if (column.role === "wave") waveColumn = columnOf(column);
  }
  if (numeric.length === 0)
    throw new SymError(
      "invalid-argument",
      `${file}: no column of the ${population} sheet ${JSON.stringify(region.sheet.name)} maps to a dimension or to ${population === "employees" ? "eNPS" : "NPS"}`,
      { file },
    );
  const accumulator = new ColumnarPopulationAccumulator({
    population,
    scale: mapping.scales[population],
    items: numeric.flatMap((entry, index) =>
      entry.mapping.role === "item" ? [{ column: index, dimension: entry.mapping.dimension!, reversed: entry.mapping.reversed }] : [],
    ),
    recommendationColumn:
      numeric.findIndex((entry) => entry.mapping.role === "recommendation") >= 0
        ? numeric.findIndex((entry) => entry.mapping.role === "recommendation")
        : undefined,
  });
  const values = new Float64Array(numeric.length);
  let rows = 0;
  for (let rowNumber = region.headerRow + 1; rowNumber <= region.lastRow; rowNumber++) {
    const row = region.sheet.findRow(rowNumber);
    if (!row || !row.hasValues) continue;
    const where = (column: number, header: string) => () =>
      `${file}, sheet ${JSON.stringify(region.sheet.name)}, cell ${cellAddress(rowNumber, column)} (column ${JSON.stringify(header)})`;
    let empty = true;
    for (let index = 0; index < numeric.length; index++) {
      const { column, header } = numeric[index];
      const cell = readDataCell(row.getCell(column).value, where(column, header));
      if (cell !== null && !(typeof cell === "string" && cell.trim() === "")) empty = false;
      try {
        values[index] = readAnswer(cell);
      } catch (error) {
        if (isSymError(error))
          throw new SymError(error.code, `${where(column, header)()}: ${error.message}`, {
            ...error.details,
            file,
            row: rowNumber,
            columnName: header,
          });
        throw error;
      }
    }
    const label = (column: number, name: string) =>
      column < 0 ? undefined : readLabelCell(row.getCell(column).value, where(column, name));
    const unit = label(unitColumn, "unit");
    if (empty && !unit) continue; // a blank row of the table
    try {
      accumulator.addRow(values, unit, label(managerColumn, "manager"), label(waveColumn, "wave"));
    } catch (error) {
      if (isSymError(error) && error.details.column !== undefined) {
        const { column, header } = numeric[error.details.column - 1];
        throw new SymError(error.code, `${where(column, header)()}: ${error.message}`, {
          ...error.details,
          file,
          row: rowNumber,
          columnName: header,
        });
      }
      throw error;
    }
    rows++;
  }
  return {
    aggregate: accumulator.result(),
    cells: accumulator.cellTable(),
    rows,
    sheet: region.sheet.name,
    mappedColumns: source.columns.length,
    ...(waveColumn >= 0 ? { waves: accumulator.waveTotals() } : {}),
  };
}

/** Reads the Units sheet (unit, attribute, headcount, leavers, salary); an empty sheet gives no rows. */
export function readUnitsSheet(workbook: ExcelJS.Workbook, mapping: Mapping, model: Model, file: string): UnitAttributes[] {
  const units = mapping.units;
  if (!units) return [];
  const region = regionOf(workbook, units, file, "units");
  const column = (header: string | undefined) => {
    if (header === undefined) return -1;
    const index = region.columns.get(header);
    if (index === undefined) throw missingHeader(region, header, file, "units");
    return index;
  };
  const positions = {
    unit: column(units.unitColumn),
    attribute: column(units.attributeColumn),
    headcount: column(units.headcountColumn),
    leavers: column(units.leaversColumn),
    salary: column(units.salaryColumn),
  };
  const attributes = attributeIndex(model);
  const rows: UnitAttributes[] = [];
  for (let rowNumber = region.headerRow + 1; rowNumber <= region.lastRow; rowNumber++) {
    const row = region.sheet.findRow(rowNumber);
    if (!row || !row.hasValues) continue;
    const where = (index: number, header: string) => () =>
      `${file}, sheet ${JSON.stringify(region.sheet.name)}, cell ${cellAddress(rowNumber, index)} (column ${JSON.stringify(header)})`;
    const unit = readLabelCell(row.getCell(positions.unit).value, where(positions.unit, units.unitColumn));
    if (unit === "") continue;
    const entry: { -readonly [K in keyof UnitAttributes]: UnitAttributes[K] } = { unit };
    if (positions.attribute >= 0) {
      const raw = readLabelCell(row.getCell(positions.attribute).value, where(positions.attribute, units.attributeColumn!));
      if (raw !== "") entry.attribute = attributes.get(normaliseHeader(raw)) ?? raw;
    }
    for (const key of ["headcount", "leavers", "salary"] as const) {
      const index = positions[key];
      if (index < 0) continue;
      const header = units[`${key}Column`]!;
      const cell = readDataCell(row.getCell(index).value, where(index, header));
      if (cell === null || (typeof cell === "string" && cell.trim() === "")) continue;
      const number = typeof cell === "number" ? cell : parseNumericText(cell.replace(/[\s\u00a0\u202f]/g, ""));
      if (number === undefined || !Number.isFinite(number) || number < 0) {
        throw new SymError(
          "invalid-answer",
          `${where(index, header)()}: ${key} must be a number, zero or more, got ${JSON.stringify(cell)}`,
          { file, row: rowNumber, columnName: header, value: cell },
        );
      }
      entry[key] = number;
    }
    if (entry.leavers !== undefined && entry.headcount !== undefined && entry.leavers > entry.headcount) {
      const header = units.leaversColumn!;
      throw new SymError(
        "invalid-answer",
        `${where(positions.leavers, header)()}: leavers ${entry.leavers} exceed the headcount ${entry.headcount}`,
        { file, row: rowNumber, columnName: header, value: entry.leavers },
      );
    }
    rows.push(entry);
  }
  return rows;
}
