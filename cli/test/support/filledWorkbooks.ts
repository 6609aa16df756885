import * as fs from "node:fs";
import * as path from "node:path";
import { DEFAULT_MODEL } from "@symmetry/engine";
import { filledWorkbookFromCsv } from "../../src/workbook/filledWorkbook";
import { SAMPLES } from "./cli";

export type Language = "en" | "fr";

/** A sample CSV file: `samples/<language>/<name>.csv`. */
export const sampleCsv = (language: Language, name: "employees" | "customers" | "units"): string =>
  path.join(SAMPLES, language, `${name}.csv`);

/** The three sample files of a language, as `sym barometer` and the template take them. */
export const sampleSources = (language: Language) => ({
  employees: sampleCsv(language, "employees"),
  customers: sampleCsv(language, "customers"),
  units: sampleCsv(language, "units"),
});

export interface WorkbookSources {
  employees: string;
  customers: string;
  units?: string;
}

const built = new Map<string, Promise<Buffer>>();

/**
 * The template filled with these CSV files in the default model, built once per test file: most
 * suites start from the same filled sample and only change a cell or two in their own copy, so the
 * bytes are shared and every caller writes its own file.
 */
export function filledWorkbookBytes(sources: WorkbookSources, language: Language): Promise<Buffer> {
  const key = JSON.stringify([sources.employees, sources.customers, sources.units ?? null, language]);
  let bytes = built.get(key);
  if (!bytes) {
    bytes = filledWorkbookFromCsv(sources, DEFAULT_MODEL, language);
    built.set(key, bytes);
  }
  return bytes;
}

/** The filled sample of a language (employees, customers and units). */
export const filledSampleBytes = (language: Language): Promise<Buffer> => filledWorkbookBytes(sampleSources(language), language);

/** The first `rows` respondents of a sample file, written into `directory` (small inputs where size is not the point). */
export function sampleHead(directory: string, language: Language, name: "employees" | "customers", rows: number): string {
  const file = path.join(directory, `${language}-${name}-${rows}.csv`);
  if (!fs.existsSync(file)) {
    const lines = fs.readFileSync(sampleCsv(language, name), "utf8").split("\n");
    fs.writeFileSync(file, lines.slice(0, rows + 1).join("\n"));
  }
  return file;
}
