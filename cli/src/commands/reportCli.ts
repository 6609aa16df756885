import * as fs from "node:fs";
import * as path from "node:path";
import type { Command } from "commander";
import type { CliIo } from "../io";
import { EXIT_DATA_ERROR, UsageError } from "../errors";
import { formatBarometerTable } from "../format/barometerTable";
import { formatLinkTable } from "../format/linkTable";
import { formatSummaryCsv } from "../format/reportSummary";
import { parseLanguageOption, parseNumberInRange, parseWholeNumberOption } from "../options";
import { DEFAULT_MAX_FILE_MEGABYTES, defaultLimits } from "../workbook/inputLimits";
import { findSoffice } from "../deck/libreOffice";
import type { DeckOutputs, DecksWritten } from "../deck/writeDecks";
import { checkOutputDirectory, checkOutputFile, writeOutputFile } from "../outputFiles";
import { readModelFile } from "./template";
import type { ReportOptions } from "./report";

interface ReportFlags {
  output?: string;
  outDir?: string;
  json?: boolean;
  lang?: string;
  model?: string;
  sector?: string;
  api?: string;
  apiKey?: string;
  maxSize: string;
  bootstrap: string;
  seed: string;
  costRatio: string;
  delta: string;
  pptx?: string | boolean;
  pdf?: string | boolean;
  managers?: string;
  summary?: string | boolean;
  actions?: string;
  force?: boolean;
}

/**
 * Where the decks go. One file: the paths given. Batch: `--pptx`, `--pdf` and `--summary` take no
 * path and write `D/<name>-deck.pptx`, `D/<name>-deck.pdf`, `D/<name>-summary.pdf` beside each
 * report; `--managers M` writes `M/<name>/<manager>.pptx`. `--actions FILE` (one input only) shows
 * that plan instead of the workbook's own. LibreOffice is looked for before any
 * work, so a missing one stops the run at once (exit 2).
 */
function deckOptions(flags: ReportFlags, batch: boolean): ReportOptions["decks"] {
  const wanted = flags.pptx !== undefined || flags.pdf !== undefined || flags.managers !== undefined || flags.summary !== undefined;
  if (!wanted) {
    if (flags.actions !== undefined) throw new UsageError("--actions is shown in the client deck: give --pptx or --pdf too");
    return undefined;
  }
  const soffice = flags.pdf !== undefined || flags.summary !== undefined ? findSoffice() : undefined;
  if (!batch) {
    for (const [name, value, extension] of [
      ["--pptx", flags.pptx, ".pptx"],
      ["--pdf", flags.pdf, ".pdf"],
      ["--summary", flags.summary, ".pdf"],
    ] as const) {
      if (value === true) throw new UsageError(`${name} needs a file name for one input (e.g. ${name} deck${extension})`);
      if (typeof value === "string" && !value.toLowerCase().endsWith(extension))
        throw new UsageError(`${name} ${value}: the file name must end in ${extension}`);
    }
    return {
      ...(typeof flags.pptx === "string" ? { pptx: flags.pptx } : {}),
      ...(typeof flags.pdf === "string" ? { pdf: flags.pdf } : {}),
      ...(flags.managers !== undefined ? { managersDir: flags.managers } : {}),
      ...(typeof flags.summary === "string" ? { summary: flags.summary } : {}),
      ...(soffice ? { soffice } : {}),
      ...(flags.actions !== undefined ? { actions: flags.actions } : {}),
    };
  }
  if (flags.actions !== undefined)
    throw new UsageError("in a batch, --actions is not taken: each client's deck shows the action plan saved in its own workbook");
  for (const [name, value] of [
    ["--pptx", flags.pptx],
    ["--pdf", flags.pdf],
    ["--summary", flags.summary],
  ] as const) {
    if (typeof value === "string")
      throw new UsageError(
        `in a batch, ${name} takes no file name: each client's file is written beside its report in --out-dir (${name} ${value} given)`,
      );
  }
  return (_file, reportOutput) => {
    const stem = reportOutput!.replace(/-report(-\d+)?\.xlsx$/i, (_match, number: string | undefined) => number ?? "");
    const name = path.basename(stem);
    return {
      ...(flags.pptx ? { pptx: `${stem}-deck.pptx` } : {}),
      ...(flags.pdf ? { pdf: `${stem}-deck.pdf` } : {}),
      ...(flags.managers !== undefined ? { managersDir: path.join(flags.managers, name) } : {}),
      ...(flags.summary ? { summary: `${stem}-summary.pdf` } : {}),
      ...(soffice ? { soffice } : {}),
    };
  };
}

/**
 * Registers `sym report`: the consultant's filled workbooks in, reports out. One file: `-o OUT.xlsx`, the barometer table (or `--json`) on
 * stdout. Several files: `--out-dir D`, one report each and `D/summary.csv`; a failing file is
 * reported on stderr and in the summary, the others go on; the exit code is 0 only if all succeeded.
 */
export function registerReportCommand(program: Command, io: CliIo, setExitCode: (code: number) => void): void {
  program
    .command("report")
    .description("report on survey workbooks (.xlsx): barometer, linkage when a Units sheet has units, result sheets and gap chart added")
    .argument("<files...>", "input workbooks (.xlsx)")
    .option("-o, --output <file>", "the report to write (one input file)")
    .option("--out-dir <directory>", "batch: one <name>-report.xlsx per input and summary.csv")
    .option("--json", "print the results as JSON (sym barometer --json's object, plus link)")
    .option("--lang <fr|en>", "language of the result sheets (default: the workbook mapping's)")
    .option("--model <file>", "a model JSON instead of the default model")
    .option("--sector <sector>", "benchmark pool sector: adds the percentile rank per dimension (with --api)")
    .option("--api <url>", "API URL for the benchmark pool (e.g. http://127.0.0.1:7071/api)")
    .option("--api-key <key>", "API key sent as x-sym-key (default: $SYM_API_KEY)")
    .option("--force", "overwrite report files and summary.csv that already exist (an input is never overwritten)")
    .option("--max-size <MB>", "largest input file accepted, in MB (hostile-file guard)", String(DEFAULT_MAX_FILE_MEGABYTES))
    .option("--bootstrap <B>", "bootstrap replicates of the linkage", "1000")
    .option("--seed <S>", "seed of the linkage bootstrap", "1")
    .option("--cost-ratio <ratio>", "replacement cost as a share of salary for the turnover money", "0.21")
    .option("--delta <points>", "eNPS points valued in the turnover money", "1")
    .option("--pptx [file]", "PowerPoint deck for the client (batch: <name>-deck.pptx in --out-dir)")
    .option("--pdf [file]", "the client deck as PDF, through LibreOffice (batch: <name>-deck.pdf)")
    .option("--managers <directory>", "one deck per manager with at least --min-n respondents (batch: a folder per client)")
    .option("--summary [file]", "one-page employee summary as PDF, through LibreOffice (batch: <name>-summary.pdf)")
    .option("--actions <file>", "action plan for the client deck (.xlsx with its actions part, or .json; default: the workbook's own)")
    .action(async (files: string[], flags: ReportFlags) => {
      // Loaded here: exceljs and JSZip are not needed by the other commands.
      const { outputNames, reportBatch, reportWorkbook } = await import("./report");
      if (flags.sector !== undefined && flags.api === undefined)
        throw new UsageError("--sector needs --api (the benchmark pool is read from the API)");
      const options: ReportOptions = {
        limits: defaultLimits(parseNumberInRange(flags.maxSize, "--max-size", 0, 1e6, false)),
        ...(flags.model ? { model: readModelFile(flags.model) } : {}),
        ...(flags.lang ? { language: parseLanguageOption(flags.lang) } : {}),
        ...(flags.api && flags.sector
          ? { benchmark: { apiUrl: flags.api, apiKey: flags.apiKey ?? process.env.SYM_API_KEY, sector: flags.sector } }
          : {}),
        bootstrap: parseWholeNumberOption(flags.bootstrap, "--bootstrap", 0),
        seed: parseWholeNumberOption(flags.seed, "--seed", 0),
        costRatio: parseNumberInRange(flags.costRatio, "--cost-ratio", 0, 100, true),
        deltaPoints: parseNumberInRange(flags.delta, "--delta", -200, 200, true),
        decks: deckOptions(flags, flags.outDir !== undefined),
      };
      if (flags.outDir === undefined) {
        if (files.length > 1) throw new UsageError("several input files need --out-dir D (one report each and D/summary.csv)");
        if (flags.output === undefined && !flags.json && !options.decks)
          throw new UsageError("give -o OUT.xlsx for the report (or --json to print the results only)");
        if (flags.output !== undefined) checkOutputFile(flags.output, { option: "-o", inputs: files, force: flags.force });
        if (typeof options.decks === "object") checkDeckFiles(options.decks, files, flags.force);
        const report = await reportWorkbook(files[0], flags.output, options);
        if (flags.json) {
          io.stdout(`${JSON.stringify(report, null, 2)}\n`);
          return;
        }
        io.stdout(formatBarometerTable(report));
        if (report.link) io.stdout(`\n${formatLinkTable(report.link, { costRatio: options.costRatio, deltaPoints: options.deltaPoints })}`);
        else if (report.linkSkipped) io.stdout(`\nLinkage skipped: ${report.linkSkipped}\n`);
        if (flags.output) io.stderr(`sym: report written to ${flags.output}\n`);
        for (const line of describeDecks(report.decks)) io.stderr(`sym: ${line}\n`);
        return;
      }
      if (flags.output !== undefined) throw new UsageError("-o and --out-dir do not go together: -o for one file, --out-dir for a batch");
      checkOutputDirectory(flags.outDir, "--out-dir");
      const reportOutputs = outputNames(files, flags.outDir);
      for (const output of [...reportOutputs, path.join(flags.outDir, "summary.csv")]) {
        checkOutputFile(output, { option: "--out-dir", inputs: files, force: flags.force });
      }
      const decksOf = options.decks;
      if (typeof decksOf === "function")
        files.forEach((file, index) => checkDeckFiles(decksOf(file, reportOutputs[index]), files, flags.force));
      fs.mkdirSync(flags.outDir, { recursive: true });
      const outcome = await reportBatch(files, flags.outDir, options, (row) => {
        if (!row.ok) io.stderr(`sym: ${row.file}: failed: ${row.error}\n`);
      });
      const summary = path.join(flags.outDir, "summary.csv");
      writeOutputFile(summary, formatSummaryCsv(outcome.rows));
      const failed = outcome.rows.filter((row) => !row.ok).length;
      if (flags.json) {
        io.stdout(
          `${JSON.stringify({ summary, files: outcome.rows.map((row, index) => ({ ...row, ...(outcome.reports[index] ? { result: outcome.reports[index] } : {}) })) }, null, 2)}\n`,
        );
      } else {
        io.stdout(formatSummaryCsv(outcome.rows));
        io.stderr(
          `sym: ${outcome.rows.length - failed} of ${outcome.rows.length} reports written to ${flags.outDir}; summary in ${summary}\n`,
        );
      }
      if (failed > 0) setExitCode(EXIT_DATA_ERROR);
    });
}

/** Deck files follow the rules of the report file: never an input, never overwritten without --force. */
function checkDeckFiles(decks: DeckOutputs, inputs: readonly string[], force: boolean | undefined): void {
  for (const [option, file] of [
    ["--pptx", decks.pptx],
    ["--pdf", decks.pdf],
    ["--summary", decks.summary],
  ] as const) {
    if (file !== undefined) checkOutputFile(file, { option, inputs, force });
  }
}

/** Lines for stderr naming what the deck options wrote. */
function describeDecks(decks: DecksWritten | undefined): string[] {
  if (!decks) return [];
  return [
    ...(decks.pptx ? [`deck written to ${decks.pptx}`] : []),
    ...(decks.pdf ? [`deck PDF written to ${decks.pdf}`] : []),
    ...(decks.managers ? [`${decks.managers.decks.length} manager decks written to ${decks.managers.directory}`] : []),
    ...(decks.summary ? [`employee summary written to ${decks.summary}`] : []),
  ];
}
