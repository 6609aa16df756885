import type { LinkageResult, Model, Scale, UnitRow } from "@symmetry/engine";
import { DEFAULT_MODEL } from "@symmetry/engine/model/defaultModel";
import { describeList, isSymError } from "@symmetry/engine/errors";
import { checkLinkageLimits } from "@symmetry/engine/linkage/limits";
import { UsageError } from "../errors";
import { runLinkageOnApi } from "../linkage/apiJob";
import { linkageRequestFor, type LinkChoices } from "../linkage/linkRequest";
import { readUnitMetricsFile } from "../linkage/readUnitMetrics";
import { unitRowsFromRespondentFiles } from "../linkage/unitsFromRespondents";

/** Settings of `sym link`, already parsed and checked. */
export interface LinkCommandOptions extends LinkChoices {
  /** Units file with one row a unit and its metrics (`--units` alone). */
  readonly units?: string;
  /** Respondent files aggregated on the fly (`--employees` + `--customers`, `--units` then holds headcount, leavers, salary). */
  readonly employees?: string;
  readonly customers?: string;
  readonly employeeScale?: Scale;
  readonly customerScale?: Scale;
  readonly by?: string;
  readonly model?: Model;
  readonly api?: { readonly url: string; readonly key?: string; readonly pollMilliseconds?: number };
  readonly onReadProgress?: (bytesRead: number, totalBytes: number) => void;
  readonly onJobProgress?: (percent: number) => void;
}

/** What `sym link --json` prints: the engine's LinkageResult (shape in docs/cli.md) and where it ran. */
export type LinkReport = LinkageResult & { ranOn: "local" | "api"; x: string[]; y: string[] };

/** The unit rows of a run: from a units file of metrics, or aggregated from respondent files. */
export async function unitRowsOf(options: LinkCommandOptions): Promise<UnitRow[]> {
  const fromRespondents = options.employees !== undefined || options.customers !== undefined;
  if (fromRespondents) {
    if (options.employees === undefined || options.customers === undefined)
      throw new UsageError("--employees and --customers go together (respondent files aggregated per unit)");
    return unitRowsFromRespondentFiles(
      {
        employees: options.employees,
        customers: options.customers,
        units: options.units,
        employeeScale: options.employeeScale,
        customerScale: options.customerScale,
        by: options.by,
        onProgress: options.onReadProgress,
      },
      options.model ?? DEFAULT_MODEL,
    );
  }
  if (options.units === undefined)
    throw new UsageError("give --units U.csv (one row a unit with its metrics), or --employees E.csv --customers C.csv");
  if (options.x.length === 0 || options.y.length === 0)
    throw new UsageError("--units needs --x and --y: the metric columns to correlate (e.g. --x enps,symmetry --y nps,turnover)");
  const needs = [...options.x, ...options.y, ...(options.turnover ? ["enps"] : [])];
  return readUnitMetricsFile(options.units, { metrics: needs }).units;
}

/**
 * Runs `sym link`: reads or aggregates the unit rows, then runs the engine's linkage locally or as
 * an API job. Nothing is returned before the whole analysis is done, so a failure prints nothing
 * partial.
 */
export async function runLink(options: LinkCommandOptions): Promise<LinkReport> {
  const units = await unitRowsOf(options);
  const choices = { ...options, ...defaultMetrics(units, options) };
  const request = linkageRequestFor(units, choices);
  checkLimits(request);
  let result: LinkageResult;
  if (options.api) {
    result = await runLinkageOnApi(request, {
      apiUrl: options.api.url,
      apiKey: options.api.key,
      onProgress: options.onJobProgress,
      pollMilliseconds: options.api.pollMilliseconds,
    });
  } else {
    // Loaded only here: the linkage engine (matrices, distributions) is not needed to read the files.
    const { runLinkage } = await import("@symmetry/engine/linkage/analysis");
    result = runLinkage(request);
  }
  return { ...result, ranOn: options.api ? "api" : "local", x: [...choices.x], y: [...choices.y] };
}

/** The option a linkage limit is about, so the message tells what to change on the command line. */
const OPTION_OF_FIELD: Record<string, string> = {
  units: "--units / --employees",
  x: "--x, --y, --method",
  bootstrap: "--bootstrap",
  "drivers.predictors": "--x (the key-driver predictors)",
  drivers: "--drivers, --x, --y, --bootstrap",
};

/**
 * The engine's linkage limits (shared/src/linkage/limits.ts), checked before any work, locally as
 * on the API: over a limit on the options is a usage error (exit 2) naming the options; too many
 * unit rows in the file is a data error (exit 1).
 */
function checkLimits(request: Parameters<typeof checkLinkageLimits>[0]): void {
  try {
    checkLinkageLimits(request);
  } catch (error) {
    if (!isSymError(error) || error.code !== "limit-exceeded" || error.details.field === "units") throw error;
    throw new UsageError(`${error.message}: ask for less work with ${OPTION_OF_FIELD[error.details.field ?? ""] ?? "the options"}`);
  }
}

/**
 * With respondent files, `--x` and `--y` may be left out: eNPS and the symmetry index against
 * customer NPS and turnover, where the units have them.
 */
function defaultMetrics(units: readonly UnitRow[], options: LinkChoices): { x: readonly string[]; y: readonly string[] } {
  const has = (name: string) => units.some((unit) => typeof unit.metrics[name] === "number");
  const x = options.x.length > 0 ? options.x : ["enps", "symmetry"].filter(has);
  const y = options.y.length > 0 ? options.y : ["nps", "turnover"].filter(has);
  if (x.length === 0 || y.length === 0) {
    const available = [...new Set(units.flatMap((unit) => Object.keys(unit.metrics)))].sort();
    throw new UsageError(`name the metrics with --x and --y (available: ${describeList(available) || "none"})`);
  }
  return { x, y };
}
