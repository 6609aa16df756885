import { readFileSync } from "node:fs";
import { join } from "node:path";
import * as customFunctions from "../../src/functions/functions";
import { parseCsv } from "../../src/preview/csv";
import { MemoryWorkbook } from "../../test-doubles/memoryWorkbook";
import type { CustomFunction } from "../../test-doubles/formula/evaluate";

/** The survey fixture of addin/test/taskpane/fixtures (made by make_fixture.py) in an in-memory workbook evaluating the real SYM functions. */

export const FIXTURES = join(__dirname, "..", "taskpane", "fixtures");

export function fixtureRows(name: "employees" | "customers") {
  return parseCsv(readFileSync(join(FIXTURES, `${name}.csv`), "utf8"));
}

export function symFunctions(): Record<string, CustomFunction> {
  return customFunctions as unknown as Record<string, CustomFunction>;
}

export function fixtureWorkbook(): MemoryWorkbook {
  const workbook = new MemoryWorkbook(symFunctions());
  workbook.loadSheet("Employees", fixtureRows("employees"));
  workbook.loadSheet("Customers", fixtureRows("customers"));
  return workbook;
}

export interface Reference {
  dimensions: Record<
    string,
    {
      employees: number;
      customers: number;
      gap: number;
      low: number;
      high: number;
      p: number;
      status: "alert" | "watch" | "ok";
      nEmployees: number;
      nCustomers: number;
    }
  >;
  symmetryIndex: number;
  enps: { value: number; low: number; high: number; n: number };
  nps: { value: number; low: number; high: number; n: number };
  units: Record<string, { n: number; enps: number | null }>;
  /** Unit → type id, and per unit / type: respondents and the mean respondent score of each dimension. */
  unitTypes: Record<string, string>;
  heatmapUnits: Record<string, { n: number } & Record<"culture" | "recognition" | "information", number>>;
  heatmapTypes: Record<string, { n: number } & Record<"culture" | "recognition" | "information", number>>;
}

export function reference(): Reference {
  return JSON.parse(readFileSync(join(FIXTURES, "reference.json"), "utf8")) as Reference;
}
