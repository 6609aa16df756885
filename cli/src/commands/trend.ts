import type { ImpactSource, Language, Model, Priority, Scale, Trend, WavePopulation } from "@symmetry/engine";
import { DEFAULT_MODEL } from "@symmetry/engine/model/defaultModel";
import { isSymError } from "@symmetry/engine/errors";
import { orderSurveyWaves } from "@symmetry/engine/trend/waveOrder";
import type { ActionOutcome } from "@symmetry/engine/actions";
import { readActionPlan } from "../actions/readActionPlan";
import { UsageError } from "../errors";
import { readBothPopulations } from "../population/readBoth";
import type { PopulationRead } from "../population/readPopulation";

/** Settings of `sym trend`, already parsed and checked. */
export interface TrendCommandOptions {
  readonly employees: string;
  readonly customers: string;
  readonly employeeScale?: Scale;
  readonly customerScale?: Scale;
  readonly by?: string;
  readonly waveColumn?: string;
  /** `--waves 2025,2026`: the waves to show, in this order. */
  readonly waves?: readonly string[];
  readonly from?: string;
  readonly to?: string;
  readonly minGroupSize?: number;
  readonly gapThreshold?: number;
  readonly alpha?: number;
  readonly language?: Language;
  readonly model?: Model;
  readonly threads?: "auto" | "on" | "off";
  /** `--actions FILE`: a workbook with the action plan part, or its JSON. */
  readonly actions?: string;
  readonly onProgress?: (bytesRead: number, totalBytes: number) => void;
}

/** What `sym trend --json` prints: the engine's trend with what the CLI learnt reading the files. */
export type TrendReport = Trend & {
  /** The last wave's dimensions ranked by need × impact, alerts first. */
  priorities: Priority[];
  drivers: { source: ImpactSource; units: number; rSquared: number | null };
  /** With `--actions`: for each change and each action judged on it, whether its targeted gap narrowed. */
  actions?: ActionOutcome[];
  language: Language;
  thresholds: { minGroupSize: number; gapThreshold: number; alpha: number };
  files: { employees: { path: string; rows: number }; customers: { path: string; rows: number } };
};

const EMPTY: WavePopulation = { n: 0, recommendation: { promoters: 0, passives: 0, detractors: 0 }, dimensions: {} };

/** Waves in data order (employees' file first), or a usage error when neither file has a wave column. */
function wavesFound(employees: PopulationRead, customers: PopulationRead, options: TrendCommandOptions): string[] {
  if (!employees.waves && !customers.waves) {
    const named =
      options.waveColumn === undefined
        ? "a column wave (or vague, period; --wave-column names another)"
        : `the column ${JSON.stringify(options.waveColumn)}`;
    throw new UsageError(
      `sym trend needs ${named} in ${options.employees} or ${options.customers} (columns: ${employees.headers.join(", ")})`,
    );
  }
  return [...(employees.waves?.order ?? []), ...(customers.waves?.order ?? [])];
}

/** Order and pair errors are about the command line: exit 2 with the engine's message. */
function asUsage<T>(action: () => T): T {
  try {
    return action();
  } catch (error) {
    if (isSymError(error) && error.code === "invalid-argument") throw new UsageError(error.message);
    throw error;
  }
}

/**
 * Reads both files (one pass each, as `sym barometer`), splits them by wave and computes the
 * trend: each wave's barometer and the change from each wave to the next, or `--from` → `--to`.
 */
export async function runTrend(options: TrendCommandOptions): Promise<TrendReport> {
  const model = options.model ?? DEFAULT_MODEL;
  const employeeScale = options.employeeScale ?? model.scales.employees;
  const customerScale = options.customerScale ?? options.employeeScale ?? model.scales.customers;
  const thresholds = {
    minGroupSize: options.minGroupSize ?? model.thresholds.minGroupSize,
    gapThreshold: options.gapThreshold ?? model.thresholds.gapThreshold,
    alpha: options.alpha ?? model.thresholds.alpha,
  };
  const language = options.language ?? "en";
  const reading = readBothPopulations(
    [
      { file: options.employees, population: "employees", scale: employeeScale, unitColumn: options.by, waveColumn: options.waveColumn },
      { file: options.customers, population: "customers", scale: customerScale, unitColumn: options.by, waveColumn: options.waveColumn },
    ],
    model,
    { threads: options.threads, onProgress: options.onProgress },
  );
  reading.catch(() => undefined);
  // Read the plan alongside the answers, so a bad plan fails before the long part is waited for.
  const plan = options.actions === undefined ? undefined : readActionPlan(options.actions);
  plan?.catch(() => undefined);
  const { actionOutcomes } = await import("@symmetry/engine/actions/outcomes");
  const { computeTrend } = await import("@symmetry/engine/trend/trend");
  const { rankPriorities, unitDriverShares } = await import("@symmetry/engine/priorities/priorities");
  const [employees, customers] = await reading;
  const actions = plan === undefined ? undefined : (await plan).actions;
  const order = asUsage(() => orderSurveyWaves(wavesFound(employees, customers, options), options.waves));
  const inputs = order.map((wave) => ({
    wave,
    employees: employees.waves?.waves[wave] ?? EMPTY,
    customers: customers.waves?.waves[wave] ?? EMPTY,
  }));
  let pairs: { from: string; to: string }[] | undefined;
  if (options.from !== undefined || options.to !== undefined) {
    const from = options.from ?? order[0];
    const to = options.to ?? order[order.length - 1];
    for (const wave of [from, to]) {
      if (!order.includes(wave))
        throw new UsageError(
          `the wave ${JSON.stringify(wave)} is not in the data; waves found: ${order.map((label) => JSON.stringify(label)).join(", ")}`,
        );
    }
    if (from === to) throw new UsageError(`--from and --to name the same wave ${JSON.stringify(from)}: a change needs two waves`);
    pairs = [{ from, to }];
  }
  const trend = computeTrend(inputs, { model, language, thresholds, pairs });
  const last = trend.waves[trend.waves.length - 1];
  const drivers = unitDriverShares(
    inputs[inputs.length - 1].employees.units ?? {},
    last.dimensions.filter((dimension) => dimension.gap !== null).map((dimension) => dimension.id),
    thresholds.minGroupSize,
    model.thresholds.minDriverUnits,
  );
  const priorities = rankPriorities(
    last.dimensions.map((dimension) => ({
      id: dimension.id,
      label: dimension.label,
      gap: dimension.gap,
      status: dimension.status,
      employeeScore: dimension.employee.score,
    })),
    drivers,
  );
  return {
    ...trend,
    priorities,
    ...(actions === undefined ? {} : { actions: trend.changes.flatMap((change) => actionOutcomes(actions, change, order)) }),
    drivers: { source: drivers.source, units: drivers.units, rSquared: drivers.rSquared },
    language,
    thresholds,
    files: { employees: { path: options.employees, rows: employees.rows }, customers: { path: options.customers, rows: customers.rows } },
  };
}
