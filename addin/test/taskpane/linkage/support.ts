import { readFileSync } from "node:fs";
import { join } from "node:path";
import { DEFAULT_MODEL, type Mapping } from "@symmetry/engine";
import { parseCsv } from "../../../src/preview/csv";
import { locateSource } from "../../../src/taskpane/data/sourceGeometry";
import { checkDraft, suggestDraft } from "../../../src/taskpane/mapping/draft";
import { suggestUnitsColumns } from "../../../src/taskpane/mapping/unitsColumns";
import { LinkageWorkerSession, type FromWorker } from "../../../src/taskpane/linkage/workerProtocol";
import type { WorkerLike } from "../../../src/taskpane/linkage/runners";
import { MemoryWorkbook } from "../../../test-doubles/memoryWorkbook";
import type { CellValue } from "../../../src/taskpane/workbook/WorkbookPort";
import { symFunctions } from "../../support/fixtureWorkbook";

export const ROOT = join(__dirname, "..", "..", "..", "..");

export function sampleRows(name: "employees" | "customers" | "units"): CellValue[][] {
  return parseCsv(readFileSync(join(ROOT, "samples", "en", `${name}.csv`), "utf8"));
}

/** The English samples (40 units) in an in-memory workbook; `rename` renames units everywhere. */
export function sampleWorkbook(rename: Record<string, string> = {}): MemoryWorkbook {
  const workbook = new MemoryWorkbook(symFunctions());
  const renamed = (rows: CellValue[][], column: number) =>
    rows.map((row, index) =>
      index > 0 && typeof row[column] === "string" && rename[row[column] as string]
        ? row.map((cell, position) => (position === column ? rename[row[column] as string] : cell))
        : row,
    );
  workbook.loadSheet("Employees", renamed(sampleRows("employees"), 1));
  workbook.loadSheet("Customers", renamed(sampleRows("customers"), 1));
  workbook.loadSheet("Units", renamed(sampleRows("units"), 0));
  return workbook;
}

/** The suggested mapping of the samples, with the Units data mapped from its headers. */
export async function sampleMapping(workbook: MemoryWorkbook): Promise<Mapping> {
  const employees = { location: { sheet: "Employees" }, geometry: await locateSource(workbook, { sheet: "Employees" }) };
  const customers = { location: { sheet: "Customers" }, geometry: await locateSource(workbook, { sheet: "Customers" }) };
  const units = await locateSource(workbook, { sheet: "Units" });
  const { draft } = suggestDraft(DEFAULT_MODEL, "en", employees, customers);
  draft.units = suggestUnitsColumns({ sheet: "Units" }, units.headers)!;
  const check = checkDraft(draft, { employees: employees.geometry, customers: customers.geometry });
  if (!check.mapping) throw new Error(JSON.stringify(check.issues));
  return check.mapping;
}

/**
 * A stand-in for the browser's Worker that runs the real worker session in this process,
 * delivering messages asynchronously as a Worker does (the real Worker runs in the e2e test).
 */
export function inProcessWorker(log: FromWorker[] = []): WorkerLike {
  const worker: WorkerLike = {
    onmessage: null,
    onerror: null,
    terminate: () => undefined,
    postMessage: (message) => void setTimeout(() => void session.handle(message), 0),
  };
  const session = new LinkageWorkerSession((message) => {
    log.push(message);
    setTimeout(() => worker.onmessage?.({ data: message }), 0);
  });
  return worker;
}
