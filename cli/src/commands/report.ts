import * as path from "node:path";
import ExcelJS from "exceljs";
import type { z } from "zod";
import type { BenchmarkSummary, Language, Model } from "@symmetry/engine";
import { percentileRanks } from "@symmetry/engine/benchmark/percentileRank";
import { BenchmarkSummarySchema, NotEnoughOrganisationsSchema } from "@symmetry/engine/benchmark/summarySchema";
import { SymError, isSymError, truncateText } from "@symmetry/engine/errors";
import { DEFAULT_MODEL } from "@symmetry/engine/model/defaultModel";
import { mappingToXml } from "@symmetry/engine/model/mappingXml";
import { MAPPING_NAMESPACE, describeIssues } from "@symmetry/engine/model/schemas";
import { UsageError } from "../errors";
import { fetchSameOrigin } from "../linkage/sameOriginFetch";
import { writeOutputFile } from "../outputFiles";
import { apiBase } from "../linkage/apiJob";
import type { SummaryRow } from "../format/reportSummary";
import { addCustomXmlPart } from "../workbook/customXmlPart";
import { defaultLimits, readCheckedWorkbook, type InputLimits } from "../workbook/inputLimits";
import { findMapping, readPopulationSheet, readUnitsSheet } from "../workbook/readWorkbookData";
import { addBarometerSheet, addLinkageSheet, compactDataValidations, type BenchmarkCells } from "../workbook/reportSheets";
import { addGapChart } from "../workbook/gapChart";
import { workbookBarometer, workbookLinkage, type ReportLinkOptions, type WorkbookLink } from "../workbook/workbookAnalysis";
import type { BarometerReport } from "./barometer";
import { deckContext, workbookPriorities, workbookTrend } from "../deck/deckContext";
import { addPrioritiesSheet, addTrendSheet } from "../workbook/trendSheets";
import { writeDecks, type DeckOutputs, type DecksWritten } from "../deck/writeDecks";

/** Settings of `sym report`, already parsed. */
export interface ReportOptions extends ReportLinkOptions {
  readonly limits?: InputLimits;
  readonly model?: Model;
  /** Language of the result sheets (default: the mapping's). */
  readonly language?: Language;
  /** Benchmark pool: the sector's percentiles from the API (`GET {api}/benchmarks/{model}?sector=S`). */
  readonly benchmark?: { readonly apiUrl: string; readonly apiKey?: string; readonly sector: string };
  /** Decks to write: fixed paths (one file), or paths derived from each report's name (batch). */
  readonly decks?: DeckOutputs | ((file: string, reportOutput: string | undefined) => DeckOutputs);
}

/** What `sym report --json` prints for one file: `sym barometer --json`'s object, plus `link` when linkage ran. */
export type WorkbookReport = BarometerReport & {
  mappingSource: "custom-xml" | "sheet-names";
  link?: WorkbookLink extends infer L ? (L extends { result: infer R } ? R : never) : never;
  linkSkipped?: string;
  benchmark?: { sector: string; ranks?: ReturnType<typeof percentileRanks>; notEnough?: { required: number } };
  decks?: DecksWritten;
};

async function fetchBenchmark(
  settings: NonNullable<ReportOptions["benchmark"]>,
  modelId: string,
): Promise<{ summary: BenchmarkSummary } | { notEnough: { required: number } }> {
  const url = `${apiBase(settings.apiUrl)}/benchmarks/${encodeURIComponent(modelId)}?sector=${encodeURIComponent(settings.sector)}`;
  let response: Response;
  try {
    response = await fetchSameOrigin(
      fetch,
      url,
      { headers: { accept: "application/json", ...(settings.apiKey ? { "x-sym-key": settings.apiKey } : {}) } },
      new URL(url).origin,
    );
  } catch (error) {
    if (error instanceof UsageError) throw error;
    throw new UsageError(`cannot reach the API at ${url}: ${(error as Error).message}`);
  }
  const what = `reading the ${truncateText(settings.sector)} benchmark pool`;
  if (response.status !== 409 && !response.ok) throw new UsageError(`${what}: the API answered ${response.status}`);
  let json: unknown;
  try {
    json = await response.json();
  } catch {
    throw new UsageError(
      `${what}: the API answered ${response.status} with a body that is not JSON (${truncateText(response.headers.get("content-type") ?? "no content type")})`,
    );
  }
  if (response.status === 409) {
    // The API says how many organisations a pool needs, never how many it has.
    const notEnough = NotEnoughOrganisationsSchema.safeParse(json);
    if (!notEnough.success)
      throw new UsageError(
        `${what}: the API answered 409 without the number of organisations a pool needs (${describeFirstIssue(notEnough.error)})`,
      );
    return { notEnough: notEnough.data.details };
  }
  const summary = BenchmarkSummarySchema.safeParse(json);
  if (!summary.success) throw new UsageError(`${what}: the API's answer is not a benchmark summary (${describeFirstIssue(summary.error)})`);
  return { summary: summary.data };
}

function describeFirstIssue(error: z.ZodError): string {
  const first = describeIssues(error)[0];
  return `${first.path || "body"}: ${first.message}`;
}

/**
 * One workbook → one report: checks the file (size, zip bomb, validation areas), finds the mapping,
 * reads the data (formulas refused), computes the barometer and the linkage, and writes the input's
 * sheets unchanged plus the result sheets, the mapping part and the gap chart to `output`.
 */
export async function reportWorkbook(file: string, output: string | undefined, options: ReportOptions): Promise<WorkbookReport> {
  const model = options.model ?? DEFAULT_MODEL;
  const { buffer, zip } = await readCheckedWorkbook(file, options.limits ?? defaultLimits());
  const workbook = new ExcelJS.Workbook();
  try {
    await workbook.xlsx.load(buffer as unknown as ArrayBuffer);
  } catch (error) {
    throw new SymError("invalid-argument", `${file}: is a corrupt .xlsx (${(error as Error).message})`, { file });
  }
  const found = await findMapping(zip, workbook, model, file);
  const language = options.language ?? found.mapping.language;
  const inputs = {
    file: path.basename(file),
    mapping: found.mapping,
    unmapped: found.unmapped,
    employees: readPopulationSheet(workbook, found.mapping, "employees", file),
    customers: readPopulationSheet(workbook, found.mapping, "customers", file),
    units: readUnitsSheet(workbook, found.mapping, model, file),
  };
  const barometer = workbookBarometer(inputs, model, language);
  const link = workbookLinkage(inputs, model, options);
  let benchmark: WorkbookReport["benchmark"];
  let benchmarkCells: BenchmarkCells | undefined;
  if (options.benchmark) {
    const pool = await fetchBenchmark(options.benchmark, found.mapping.modelId);
    if ("notEnough" in pool) {
      benchmark = { sector: options.benchmark.sector, notEnough: pool.notEnough };
      benchmarkCells = { sector: options.benchmark.sector, notEnough: pool.notEnough };
    } else {
      const dimensions = Object.fromEntries(barometer.dimensions.map((dimension) => [dimension.id, dimension.employee.score]));
      const ranks = percentileRanks(
        { dimensions, enps: barometer.employees.enps?.value ?? null, nps: barometer.customers.nps?.value ?? null },
        pool.summary,
      );
      benchmark = { sector: options.benchmark.sector, ranks };
      benchmarkCells = { sector: options.benchmark.sector, ranks };
    }
  }
  const report: WorkbookReport = {
    ...barometer,
    mappingSource: found.source,
    ...(link && "result" in link ? { link: link.result } : {}),
    ...(link && "skipped" in link ? { linkSkipped: link.skipped } : {}),
    ...(benchmark ? { benchmark } : {}),
  };
  if (output !== undefined) {
    for (const sheet of workbook.worksheets) compactDataValidations(sheet);
    const layout = addBarometerSheet(workbook, barometer, language, benchmarkCells);
    if (link && "result" in link) addLinkageSheet(workbook, link.result, language);
    // With two waves or more: the change since the last wave and the priorities, as sym trend gives them.
    const trend = workbookTrend(inputs, model, language, barometer.thresholds);
    if (trend) {
      addTrendSheet(workbook, trend, language);
      addPrioritiesSheet(workbook, workbookPriorities(inputs, barometer, model), language);
    }
    let bytes: Buffer = Buffer.from(await workbook.xlsx.writeBuffer());
    const shown = barometer.dimensions;
    bytes = await addGapChart(
      bytes,
      layout,
      {
        labels: shown.map((dimension) => dimension.label),
        gaps: shown.map((dimension) => (dimension.gap === null ? null : Number(dimension.gap.toFixed(2)))),
      },
      language,
    );
    bytes = await addCustomXmlPart(bytes, mappingToXml(found.mapping), MAPPING_NAMESPACE);
    writeOutputFile(output, bytes);
  }
  const deckOutputs = typeof options.decks === "function" ? options.decks(file, output) : options.decks;
  if (deckOutputs) {
    report.decks = await writeDecks(
      {
        language,
        organisation: path.basename(file).replace(/\.xlsx$/i, ""),
        barometer,
        model,
        ...(link && "result" in link ? { link: link.result } : {}),
        managers: shownManagers(inputs.employees.aggregate.managers ?? {}, barometer.managers),
        context: await deckContext(inputs, barometer, model, {
          file,
          zip,
          ...(deckOutputs.actions ? { actionsFile: deckOutputs.actions } : {}),
        }),
      },
      deckOutputs,
    );
  }
  return report;
}

/**
 * The teams that get a manager deck: those the report's eNPS by manager shows. A team hidden only as
 * the complement of a small sibling stays hidden here too, else its deck and the unit's figure
 * would give the small sibling away.
 */
function shownManagers<T>(teams: Readonly<Record<string, T>>, shown: readonly { unit: string; suppressed: boolean }[]): Record<string, T> {
  const visible = new Set(shown.filter((manager) => !manager.suppressed).map((manager) => manager.unit));
  return Object.fromEntries(Object.entries(teams).filter(([manager]) => visible.has(manager)));
}

/** The summary row of a report: symmetry index, eNPS, NPS and the number of dimensions on alert. */
export function summaryOf(file: string, output: string | undefined, report: WorkbookReport): SummaryRow {
  return {
    file,
    ok: true,
    ...(output ? { report: output } : {}),
    symmetryIndex: report.symmetryIndex,
    enps: report.employees.enps?.value ?? null,
    nps: report.customers.nps?.value ?? null,
    alerts: report.dimensions.filter((dimension) => dimension.status === "alert").length,
  };
}

/** The output name of a file in `--out-dir`: `<name>-report.xlsx`, numbered when two inputs share a name. */
export function outputNames(files: readonly string[], directory: string): string[] {
  const taken = new Set<string>();
  return files.map((file) => {
    const base = path.basename(file).replace(/\.xlsx$/i, "");
    let name = `${base}-report.xlsx`;
    for (let index = 2; taken.has(name.toLowerCase()); index++) name = `${base}-report-${index}.xlsx`;
    taken.add(name.toLowerCase());
    return path.join(directory, name);
  });
}

export interface BatchOutcome {
  readonly rows: SummaryRow[];
  readonly reports: (WorkbookReport | undefined)[];
}

/**
 * Reports every file in turn; a file that fails (corrupt, hostile, wrong sheets, bad values) is
 * recorded with its reason and the batch goes on. Unexpected errors are recorded too, with their
 * message, so one broken file never stops the others.
 */
export async function reportBatch(
  files: readonly string[],
  directory: string,
  options: ReportOptions,
  onFile?: (row: SummaryRow) => void,
): Promise<BatchOutcome> {
  const outputs = outputNames(files, directory);
  const rows: SummaryRow[] = [];
  const reports: (WorkbookReport | undefined)[] = [];
  for (const [index, file] of files.entries()) {
    let row: SummaryRow;
    try {
      const report = await reportWorkbook(file, outputs[index], options);
      reports.push(report);
      row = summaryOf(file, outputs[index], report);
    } catch (error) {
      reports.push(undefined);
      const message =
        isSymError(error) || error instanceof UsageError
          ? error.message
          : `unexpected error: ${(error as Error)?.message ?? String(error)}`;
      row = { file, ok: false, error: message.startsWith(`${file}`) ? message.slice(file.length).replace(/^[:,]\s*/, "") : message };
    }
    rows.push(row);
    onFile?.(row);
  }
  return { rows, reports };
}
