import { Option, type Command } from "commander";
import type { CliIo } from "../io";
import { UsageError } from "../errors";
import { formatTrendTable } from "../format/trendTable";
import { parseLanguageOption, parseNumberInRange, parseScaleOption, parseWholeNumberOption } from "../options";
import { createProgress } from "../progress";
import { runTrend } from "./trend";

interface TrendFlags {
  employees: string;
  customers: string;
  scale?: string;
  customerScale?: string;
  by?: string;
  waveColumn?: string;
  waves?: string;
  from?: string;
  to?: string;
  minN: string;
  threshold: string;
  alpha: string;
  lang: string;
  json?: boolean;
  threads: "auto" | "on" | "off";
  actions?: string;
}

function waveList(text: string | undefined): string[] | undefined {
  if (text === undefined) return undefined;
  const waves = text
    .split(",")
    .map((wave) => wave.trim())
    .filter(Boolean);
  if (waves.length === 0) throw new UsageError(`--waves expects wave names separated by commas, got ${JSON.stringify(text)}`);
  return waves;
}

/** `sym trend`: the barometer per wave and the change of each gap between waves. */
export function registerTrendCommand(program: Command, io: CliIo): void {
  program
    .command("trend")
    .description("the barometer per wave and whether each gap narrowed, widened or closed since the previous wave")
    .requiredOption("--employees <file>", "employees' answers with a wave column: one row a respondent")
    .requiredOption("--customers <file>", "customers' answers with a wave column")
    .option("--wave-column <column>", "the wave column (default: wave, vague, period…)")
    .option("--waves <list>", "waves to show, in this order, e.g. 2025,2026 (default: dates in calendar order, labels as they appear)")
    .option("--from <wave>", "compare this wave (default: each wave with the next)")
    .option("--to <wave>", "with this wave")
    .option("--scale <min-max>", "answer scale of the items, e.g. 1-5 (default: the model's, 1-5)")
    .option("--customer-scale <min-max>", "customers' scale when it differs from --scale")
    .option("--by <column>", "grouping column for eNPS by unit (default: unit, unité, store, team…)")
    .option("--min-n <n>", "confidentiality threshold: no figure about fewer people is shown", "5")
    .option("--threshold <points>", "|gap| in points from which a dimension is on alert or watch", "10")
    .option("--alpha <level>", "significance level of the tests", "0.05")
    .option("--lang <fr|en>", "language of dimension names and table labels", "en")
    .option("--actions <file>", "action plan (workbook .xlsx with its actions part, or .json): says whether each targeted gap narrowed")
    .option("--json", "print the result as JSON instead of a table")
    .addOption(
      new Option("--threads <mode>", "read the two files on worker threads").choices(["auto", "on", "off"]).default("auto").hideHelp(),
    )
    .action(async (flags: TrendFlags) => {
      const options = {
        employees: flags.employees,
        customers: flags.customers,
        employeeScale: flags.scale === undefined ? undefined : parseScaleOption(flags.scale, "--scale"),
        customerScale: flags.customerScale === undefined ? undefined : parseScaleOption(flags.customerScale, "--customer-scale"),
        by: flags.by,
        waveColumn: flags.waveColumn,
        waves: waveList(flags.waves),
        from: flags.from,
        to: flags.to,
        minGroupSize: parseWholeNumberOption(flags.minN, "--min-n", 1),
        gapThreshold: parseNumberInRange(flags.threshold, "--threshold", 0, 100, true),
        alpha: parseNumberInRange(flags.alpha, "--alpha", 0, 1, false),
        language: parseLanguageOption(flags.lang),
        threads: flags.threads,
        actions: flags.actions,
      };
      const progress = createProgress(io.progressStream ?? { write: () => undefined }, options.language === "fr" ? "Lecture" : "Reading");
      let report;
      try {
        report = await runTrend({ ...options, onProgress: progress.update });
      } finally {
        progress.finish();
      }
      io.stdout(flags.json ? `${JSON.stringify(report, null, 2)}\n` : formatTrendTable(report));
    });
}
