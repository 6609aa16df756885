import { SymError, readAnswer, type Mapping, type UnitAttributes } from "@symmetry/engine";
import { DataError } from "../data/scanPopulation";
import { readInChunks, type ReadInChunksOptions } from "../data/readInChunks";
import { columnOfHeader, headerText, locateSource } from "../data/sourceGeometry";
import type { WorkbookPort } from "../workbook/WorkbookPort";

/**
 * Reads the optional Units data (one row a unit: headcount, leavers, annual salary, front office /
 * support) into the engine's UnitAttributes. Numbers are checked like answers: a cell that is not
 * a number stops the linkage with its sheet, row and column.
 */
export async function readUnitAttributes(
  port: WorkbookPort,
  units: NonNullable<Mapping["units"]>,
  options: ReadInChunksOptions = {},
): Promise<UnitAttributes[]> {
  const geometry = await locateSource(port, units);
  const column = (header: string | undefined, what: string): number => {
    if (header === undefined) return -1;
    const index = columnOfHeader(geometry, header);
    if (index < 0) throw new Error(`The ${what} column "${header}" is no longer in ${geometry.sheet}: map the Units data again`);
    return index;
  };
  const unitColumn = column(units.unitColumn, "unit");
  const numeric = {
    headcount: column(units.headcountColumn, "headcount"),
    leavers: column(units.leaversColumn, "leavers"),
    salary: column(units.salaryColumn, "salary"),
  };
  const attributeColumn = column(units.attributeColumn, "front office / support");
  // Only these columns are read; a row holds them in sheet order.
  const wanted = [...new Set([unitColumn, ...Object.values(numeric), attributeColumn].filter((index) => index >= 0))].sort((a, b) => a - b);
  const at = (index: number) => wanted.indexOf(index);
  const range = { ...geometry.block, top: geometry.block.top + 1 };
  const rows: UnitAttributes[] = [];
  if (range.bottom < range.top) return rows;
  await readInChunks(
    port,
    geometry.sheet,
    range,
    (chunk, firstRow) => {
      chunk.forEach((cells, index) => {
        const sheetRow = range.top + firstRow + index + 1;
        const unit = headerText(cells[at(unitColumn)]);
        if (unit === "") return;
        const row: { -readonly [K in keyof UnitAttributes]: UnitAttributes[K] } = { unit };
        for (const [field, position] of Object.entries(numeric) as [keyof typeof numeric, number][]) {
          if (position < 0) continue;
          let value: number;
          try {
            value = readAnswer(cells[at(position)]);
            if (value < 0) throw new SymError("invalid-answer", `${field} ${value} is negative`, { value });
          } catch (error) {
            if (!(error instanceof SymError)) throw error;
            throw new DataError(
              `${geometry.sheet}, row ${sheetRow}, column "${geometry.headers[position]}": ${error.message}`,
              geometry.sheet,
              sheetRow,
              geometry.headers[position],
            );
          }
          if (value === value) row[field] = value;
        }
        if (attributeColumn >= 0 && cells[at(attributeColumn)] !== null) row.attribute = headerText(cells[at(attributeColumn)]);
        rows.push(row);
      });
    },
    { ...options, columns: wanted.map((index) => geometry.block.left + index) },
  );
  return rows;
}
