import { Command, CommanderError, Option } from "commander";
import { isSymError, truncateText } from "@symmetry/engine/errors"; // not the barrel: see commands/barometer.ts
import { runBarometer } from "./commands/barometer";
import { registerKeysCommand } from "./commands/keysCli";
import { registerLinkCommand } from "./commands/linkCli";
import { registerReportCommand } from "./commands/reportCli";
import { registerTemplateCommand } from "./commands/template";
import { registerTrendCommand } from "./commands/trendCli";
import { formatBarometerTable, formatUnmappedWarnings } from "./format/barometerTable";
import { EXIT_DATA_ERROR, EXIT_OK, EXIT_USAGE_ERROR, UsageError } from "./errors";
import { parseLanguageOption, parseMinGroupSizeOption, parseNumberInRange, parseScaleOption } from "./options";
import { createProgress } from "./progress";
import { processIo, type CliIo } from "./io";
import { printable } from "./format/terminalText";

interface BarometerFlags {
  employees: string;
  customers: string;
  scale?: string;
  customerScale?: string;
  by?: string[];
  units?: string;
  minN: string;
  threshold: string;
  alpha: string;
  costRatio: string;
  lang: string;
  json?: boolean;
  threads: "auto" | "on" | "off";
}

/**
 * The `sym` command line. Returns the exit code: 0 ok, 1 data error (a bad value, with file, row,
 * column and value in the message), 2 usage error. Output is written only once everything has been
 * computed, so a failing run prints nothing on stdout.
 */
export async function main(argv: readonly string[], rawIo: CliIo = processIo()): Promise<number> {
  // Everything printed passes through `printable`: names from the files never drive the terminal.
  const io: CliIo = { ...rawIo, stdout: (text) => rawIo.stdout(printable(text)), stderr: (text) => rawIo.stderr(printable(text)) };
  let exitCode = EXIT_OK;
  const program = new Command("sym")
    .description("Symmetry Barometer: employee versus customer experience, gaps, eNPS and NPS from survey CSV files")
    .exitOverride()
    .configureOutput({ writeOut: io.stdout, writeErr: io.stderr, outputError: (text, write) => write(text) })
    .showHelpAfterError("(run sym --help for usage)");

  program
    .command("barometer")
    .description("compute the barometer from an employees CSV and a customers CSV (headers auto-mapped to the model's dimensions)")
    .requiredOption("--employees <file>", "employees' answers: one row a respondent (, or ; delimited, UTF-8)")
    .requiredOption("--customers <file>", "customers' answers: one row a respondent")
    .option("--scale <min-max>", "answer scale of the items, e.g. 1-5 (default: the model's, 1-5)")
    .option("--customer-scale <min-max>", "customers' scale when it differs from --scale")
    .option(
      "--by <grouping>",
      "heat map of the dimensions by unit, type, manager or any column of the employees' file; repeat for several (suppressed together)",
      (value: string, previous: string[] = []) => [...previous, value],
    )
    .option("--units <file>", "units CSV: unit, attribute (front-office / support), headcount, leavers, salary")
    .option("--min-n <n>", "confidentiality threshold: no figure about fewer people is shown", "5")
    .option("--threshold <points>", "|gap| in points from which a dimension is on alert or watch", "10")
    .option("--alpha <level>", "significance level of the gap test", "0.05")
    .option(
      "--cost-ratio <ratio>",
      "replacement cost as a share of salary, for the money value of closing each alert (with --units)",
      "0.21",
    )
    .option("--lang <fr|en>", "language of dimension names and table labels", "en")
    .option("--json", "print the result as JSON instead of a table")
    .addOption(
      new Option("--threads <mode>", "read the two files on worker threads").choices(["auto", "on", "off"]).default("auto").hideHelp(),
    )
    .action(async (flags: BarometerFlags) => {
      const options = {
        employees: flags.employees,
        customers: flags.customers,
        employeeScale: flags.scale === undefined ? undefined : parseScaleOption(flags.scale, "--scale"),
        customerScale: flags.customerScale === undefined ? undefined : parseScaleOption(flags.customerScale, "--customer-scale"),
        by: flags.by,
        units: flags.units,
        minGroupSize: parseMinGroupSizeOption(flags.minN),
        gapThreshold: parseNumberInRange(flags.threshold, "--threshold", 0, 100, true),
        alpha: parseNumberInRange(flags.alpha, "--alpha", 0, 1, false),
        costRatio: parseNumberInRange(flags.costRatio, "--cost-ratio", 0, 100, true),
        language: parseLanguageOption(flags.lang),
        threads: flags.threads,
      };
      const progress = createProgress(io.progressStream ?? { write: () => undefined }, options.language === "fr" ? "Lecture" : "Reading");
      let report;
      try {
        report = await runBarometer({ ...options, onProgress: progress.update });
      } finally {
        progress.finish();
      }
      if (flags.json) {
        io.stdout(`${JSON.stringify(report, null, 2)}\n`);
        return;
      }
      const table = formatBarometerTable(report);
      for (const warning of formatUnmappedWarnings(report)) io.stderr(`sym: ${warning}\n`);
      io.stdout(table);
    });

  registerTrendCommand(program, io);
  registerLinkCommand(program, io);
  registerTemplateCommand(program, io);
  registerReportCommand(program, io, (code) => (exitCode = code));
  registerKeysCommand(program, io);

  try {
    if (argv.length === 0) {
      program.outputHelp({ error: true });
      return EXIT_USAGE_ERROR;
    }
    await program.parseAsync([...argv], { from: "user" });
  } catch (error) {
    exitCode = exitCodeFor(error, io);
  }
  return exitCode;
}

function exitCodeFor(error: unknown, io: CliIo): number {
  if (error instanceof CommanderError) {
    // Help and version end with a CommanderError too, with exit code 0.
    return error.exitCode === 0 ? EXIT_OK : EXIT_USAGE_ERROR;
  }
  if (error instanceof UsageError) {
    io.stderr(`sym: ${error.message}\n`);
    return EXIT_USAGE_ERROR;
  }
  if (isSymError(error)) {
    io.stderr(`sym: ${error.message}\n`);
    return EXIT_DATA_ERROR;
  }
  // No stack trace: a user cannot act on one, and it may quote input. SYM_DEBUG=1 shows it.
  const detail =
    error instanceof Error
      ? process.env.SYM_DEBUG === "1"
        ? (error.stack ?? error.message)
        : `${error.name}: ${error.message}`
      : String(error);
  io.stderr(`sym: unexpected error: ${truncateText(detail, 200)}\n`);
  return EXIT_DATA_ERROR;
}

/** Entry point of the `sym` binary (cli/bin/sym.js). */
export function runFromCommandLine(): void {
  // `sym … | head` closes the pipe early: stop quietly, as other command-line tools do.
  process.stdout.on("error", (error: NodeJS.ErrnoException) => {
    if (error.code === "EPIPE") process.exit(process.exitCode ?? EXIT_OK);
    process.stderr.write(`sym: cannot write the output (${error.code ?? "error"})\n`);
    process.exit(EXIT_DATA_ERROR);
  });
  main(process.argv.slice(2)).then(
    (code) => {
      process.exitCode = code;
    },
    (error: unknown) => {
      process.stderr.write(`sym: ${String(error)}\n`);
      process.exitCode = EXIT_DATA_ERROR;
    },
  );
}

if (require.main === module) runFromCommandLine();
