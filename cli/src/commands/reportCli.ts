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
}

/**
 * Registers `sym report` (issue 8). One file: `-o OUT.xlsx`, the barometer table (or `--json`) on
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
    .option("--max-size <MB>", "largest input file accepted, in MB (hostile-file guard)", String(DEFAULT_MAX_FILE_MEGABYTES))
    .option("--bootstrap <B>", "bootstrap replicates of the linkage", "1000")
    .option("--seed <S>", "seed of the linkage bootstrap", "1")
    .option("--cost-ratio <ratio>", "replacement cost as a share of salary for the turnover money", "0.21")
    .option("--delta <points>", "eNPS points valued in the turnover money", "1")
    .action(async (files: string[], flags: ReportFlags) => {
      // Loaded here: exceljs and JSZip are not needed by the other commands.
      const { reportBatch, reportWorkbook } = await import("./report");
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
      };
      if (flags.outDir === undefined) {
        if (files.length > 1) throw new UsageError("several input files need --out-dir D (one report each and D/summary.csv)");
        if (flags.output === undefined && !flags.json)
          throw new UsageError("give -o OUT.xlsx for the report (or --json to print the results only)");
        const report = await reportWorkbook(files[0], flags.output, options);
        if (flags.json) {
          io.stdout(`${JSON.stringify(report, null, 2)}\n`);
          return;
        }
        io.stdout(formatBarometerTable(report));
        if (report.link) io.stdout(`\n${formatLinkTable(report.link, { costRatio: options.costRatio, deltaPoints: options.deltaPoints })}`);
        else if (report.linkSkipped) io.stdout(`\nLinkage skipped: ${report.linkSkipped}\n`);
        if (flags.output) io.stderr(`sym: report written to ${flags.output}\n`);
        return;
      }
      if (flags.output !== undefined) throw new UsageError("-o and --out-dir do not go together: -o for one file, --out-dir for a batch");
      fs.mkdirSync(flags.outDir, { recursive: true });
      const outcome = await reportBatch(files, flags.outDir, options, (row) => {
        if (!row.ok) io.stderr(`sym: ${row.file}: failed: ${row.error}\n`);
      });
      const summary = path.join(flags.outDir, "summary.csv");
      fs.writeFileSync(summary, formatSummaryCsv(outcome.rows));
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
