import { Option, type Command } from "commander";
import type { CliIo } from "../io";
import { UsageError } from "../errors";
import { formatLinkTable } from "../format/linkTable";
import { createPercentProgress } from "../linkage/jobProgress";
import { parseMinGroupSizeOption, parseNumberInRange, parseScaleOption, parseWholeNumberOption } from "../options";
import { createProgress } from "../progress";
import { runLink } from "./link";

interface LinkFlags {
  units?: string;
  employees?: string;
  customers?: string;
  scale?: string;
  customerScale?: string;
  by?: string;
  x?: string;
  y?: string;
  method: string;
  bootstrap: string;
  seed: string;
  minN: string;
  minDriverUnits: string;
  lag?: boolean;
  drivers?: boolean;
  turnover?: boolean;
  costRatio: string;
  delta: string;
  api?: string;
  apiKey?: string;
  json?: boolean;
}

function metricList(text: string | undefined, option: string): string[] {
  if (text === undefined) return [];
  const names = text
    .split(",")
    .map((name) => name.trim())
    .filter(Boolean);
  if (names.length === 0) throw new UsageError(`${option} expects metric names separated by commas, got ${JSON.stringify(text)}`);
  return names;
}

/** Registers `sym link`: cross-unit linkage locally or as an API job. */
export function registerLinkCommand(program: Command, io: CliIo): void {
  program
    .command("link")
    .description(
      "link employee metrics to customer NPS and turnover across units: correlations with CIs, quartiles, key drivers, turnover money",
    )
    .option(
      "--units <file>",
      "units CSV: unit, employees_n, optional wave, headcount, leavers, salary, and metric columns (with --employees/--customers: headcount, leavers, salary per unit)",
    )
    .option("--employees <file>", "employees' answers, aggregated per unit on the fly (with --customers)")
    .option("--customers <file>", "customers' answers, aggregated per unit on the fly (with --employees)")
    .option("--scale <min-max>", "answer scale of the respondent files (default: the model's, 1-5)")
    .option("--customer-scale <min-max>", "customers' scale when it differs from --scale")
    .option("--by <column>", "grouping column of the respondent files (default: unit, unité, store, team…)")
    .option(
      "--x <metrics>",
      "employee metrics, comma-separated (e.g. enps,symmetry,recognition; default with respondent files: enps,symmetry)",
    )
    .option("--y <metrics>", "outcomes, comma-separated (e.g. nps,turnover; default with respondent files: nps,turnover)")
    .addOption(new Option("--method <method>", "correlation method").choices(["pearson", "spearman", "both"]).default("pearson"))
    .option("--bootstrap <B>", "bootstrap replicates over units (0: none)", "1000")
    .option("--seed <S>", "seed of the bootstrap: the same seed gives the same numbers, locally and on the API", "1")
    .option("--min-n <n>", "confidentiality threshold: units with fewer employee respondents are left out and counted", "5")
    .option("--min-driver-units <n>", "key drivers need at least this many units (docs/domain.md#key-drivers: 25)", "25")
    .option("--lag", "employee wave t against outcomes of wave t+1, matched by unit")
    .option("--drivers", "key drivers: relative weights of the x dimensions on each outcome, shares of R² with bootstrap CIs")
    .option("--turnover", "turnover money: OLS of unit turnover on unit eNPS and the value of +delta eNPS points")
    .option("--cost-ratio <ratio>", "replacement cost as a share of annual salary (presets shown too: 0.21, 0.5, 1.5)", "0.21")
    .option("--delta <points>", "eNPS points valued in the turnover money", "1")
    .option("--api <url>", "run as a linkage job on the API (e.g. http://127.0.0.1:7071/api) and poll it")
    .option("--api-key <key>", "API key sent as x-sym-key (default: $SYM_API_KEY)")
    .option("--json", "print the result as JSON instead of tables")
    .action(async (flags: LinkFlags) => {
      const method = flags.method as "pearson" | "spearman" | "both";
      const readProgress = createProgress(io.progressStream ?? { write: () => undefined }, "Reading");
      const jobProgress = createPercentProgress(io.progressStream ?? { write: () => undefined }, "Linkage job");
      const costRatio = parseNumberInRange(flags.costRatio, "--cost-ratio", 0, 100, true);
      const deltaPoints = parseNumberInRange(flags.delta, "--delta", -200, 200, true);
      let report;
      try {
        report = await runLink({
          units: flags.units,
          employees: flags.employees,
          customers: flags.customers,
          employeeScale: flags.scale === undefined ? undefined : parseScaleOption(flags.scale, "--scale"),
          customerScale: flags.customerScale === undefined ? undefined : parseScaleOption(flags.customerScale, "--customer-scale"),
          by: flags.by,
          x: metricList(flags.x, "--x"),
          y: metricList(flags.y, "--y"),
          methods: method === "both" ? ["pearson", "spearman"] : [method],
          bootstrap: parseWholeNumberOption(flags.bootstrap, "--bootstrap", 0),
          seed: parseWholeNumberOption(flags.seed, "--seed", 0),
          minN: parseMinGroupSizeOption(flags.minN),
          minDriverUnits: parseWholeNumberOption(flags.minDriverUnits, "--min-driver-units", 3),
          lag: Boolean(flags.lag),
          drivers: Boolean(flags.drivers),
          turnover: Boolean(flags.turnover),
          costRatio,
          deltaPoints,
          ...(flags.api ? { api: { url: flags.api, key: flags.apiKey ?? process.env.SYM_API_KEY } } : {}),
          onReadProgress: readProgress.update,
          onJobProgress: jobProgress.update,
        });
      } finally {
        readProgress.finish();
        jobProgress.finish();
      }
      io.stdout(flags.json ? `${JSON.stringify(report, null, 2)}\n` : formatLinkTable(report, { costRatio, deltaPoints }));
    });
}
