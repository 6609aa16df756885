import type { Barometer, ImpactSource, Language, Model, Priority, Scale } from "@symmetry/engine";
// The default model is imported from its module, and the barometer's module only once the files are
// being read: loading the whole barrel first (~0.3 s of CPU: linkage, matrices, every schema) would
// delay the reading threads' start, and the barometer needs none of it.
import { DEFAULT_MODEL } from "@symmetry/engine/model/defaultModel";
import { readBothPopulations } from "../population/readBoth";
import { readUnitsFile } from "../units/readUnits";
import type { PopulationRead } from "../population/readPopulation";
import type { GroupingNote } from "@symmetry/engine/heatmap/groupings";
import type { HeatmapEntry } from "@symmetry/engine/heatmap/heatmap";
import type { SupportVersusFront } from "@symmetry/engine/heatmap/supportFront";
import { parseBy, resolveByRequests } from "./groupings";
import { groupedOutput, unitTypes } from "./groupedOutput";
import { alertsMoneyChain, type MoneyChainOutput } from "./moneyChainOutput";

/** Settings of `sym barometer`, already parsed and checked. */
export interface BarometerCommandOptions {
  readonly employees: string;
  readonly customers: string;
  readonly employeeScale?: Scale;
  readonly customerScale?: Scale;
  /** `--by` groupings of the heat map: unit, type, manager or a column of the employees' file. */
  readonly by?: readonly string[];
  /** The units file: attributes (front office / support) shown next to each unit. */
  readonly units?: string;
  readonly minGroupSize?: number;
  readonly gapThreshold?: number;
  readonly alpha?: number;
  /** Replacement cost as a share of salary, for the money value of closing each alert (default 0.21). */
  readonly costRatio?: number;
  readonly language?: Language;
  readonly model?: Model;
  readonly threads?: "auto" | "on" | "off";
  readonly onProgress?: (bytesRead: number, totalBytes: number) => void;
}

/** eNPS of a unit, with its attribute (front office / support) when a units file was given. */
export type UnitResult = Barometer["units"][number] & { attribute?: string };

/** NPS of customers per unit (extra key): same shape as the eNPS units, with the value named `nps`. */
export interface CustomerUnitResult {
  unit: string;
  n: number | null;
  nps: number | null;
  suppressed: boolean;
}

/**
 * What `sym barometer --json` prints: the engine's barometer (the shape of docs/cli.md, plus `label`,
 * `managers`, `unpairedDimensions`, `minGroupSize`) with what the CLI learnt reading the files.
 */
export type BarometerReport = Omit<Barometer, "units"> & {
  units: UnitResult[];
  /** Per `--by` grouping: groups × dimensions, suppressed jointly with everything else shown. */
  heatmap?: HeatmapEntry[];
  /** What the groupings' values suggest checking (one group only, a likely typo). */
  heatmapNotes?: GroupingNote[];
  /** Support versus front office, whenever units have a type. */
  support?: SupportVersusFront;
  /** Labels of the unit attributes in the chosen language, when a units file was given. */
  unitAttributes?: Record<string, string>;
  language: Language;
  scales: { employees: Scale; customers: Scale };
  thresholds: { minGroupSize: number; gapThreshold: number; alpha: number };
  customerUnits: CustomerUnitResult[];
  unmapped: { employees: string[]; customers: string[]; units?: string[] };
  files: { employees: FileSummary; customers: FileSummary; units?: string };
  /** Dimensions ranked by need × impact, alerts first (docs/domain.md#priorities). */
  priorities?: Priority[];
  /**
   * Where the impacts come from: drivers across units (25 or more), else across respondents
   * (`respondents`, 30 or more complete), else equal shares.
   */
  drivers?: { source: ImpactSource; units: number; respondents?: number; rSquared: number | null };
  /** The waves found in the files, when there are several: the barometer pools them (see sym trend). */
  pooledWaves?: string[];
} & MoneyChainOutput;

export interface FileSummary {
  path: string;
  rows: number;
  delimiter: string;
  mappedColumns: number;
}

/**
 * Reads both files through the engine's streaming accumulator and computes the barometer. Nothing
 * is returned until both files have been read completely, so a bad value deep in a file never
 * leaves a partial result behind.
 */
export async function runBarometer(options: BarometerCommandOptions): Promise<BarometerReport> {
  const model = options.model ?? DEFAULT_MODEL;
  const employeeScale = options.employeeScale ?? model.scales.employees;
  const customerScale = options.customerScale ?? options.employeeScale ?? model.scales.customers;
  const thresholds = {
    minGroupSize: options.minGroupSize ?? model.thresholds.minGroupSize,
    gapThreshold: options.gapThreshold ?? model.thresholds.gapThreshold,
    alpha: options.alpha ?? model.thresholds.alpha,
  };
  const language = options.language ?? "en";
  const requests = (options.by ?? []).map(parseBy);
  const attributeColumns = requests.flatMap((request) => (request.kind === "column" ? [request.name] : []));
  const reading = readBothPopulations(
    [
      { file: options.employees, population: "employees", scale: employeeScale, attributeColumns },
      { file: options.customers, population: "customers", scale: customerScale, attributeColumns },
    ],
    model,
    { threads: options.threads, onProgress: options.onProgress },
  );
  reading.catch(() => undefined); // handled below, once the engine is loaded: not an unhandled rejection meanwhile
  const { computeBarometer, groupEnps } = await import("@symmetry/engine/barometer/barometer");
  const { rankPriorities, unitDriverShares } = await import("@symmetry/engine/priorities/priorities");
  const { respondentDriverShares } = await import("@symmetry/engine/priorities/respondentDrivers");
  const [employees, customers] = await reading;
  const unitsFile = options.units === undefined ? undefined : readUnitsFile(options.units, model);
  const shown = resolveByRequests(requests, employees, options.employees, unitTypes(unitsFile?.units ?? []));
  const barometer = computeBarometer(employees.aggregate, customers.aggregate, { model, language, thresholds });
  const grouped = groupedOutput(employees.cells, customers.cells, unitsFile?.units ?? [], shown, model, thresholds);
  const attributeOf = new Map((unitsFile?.units ?? []).map((unit) => [unit.unit, unit.attribute]));
  const units: UnitResult[] = grouped.units.map((unit) => {
    const attribute = attributeOf.get(unit.unit);
    return attribute === undefined ? unit : { ...unit, attribute };
  });
  const customerUnits = groupEnps(customers.aggregate.units ?? {}, thresholds.minGroupSize).map(({ unit, n, enps, suppressed }) => ({
    unit,
    n,
    nps: enps,
    suppressed,
  }));
  const driverDimensions = barometer.dimensions.filter((dimension) => dimension.gap !== null).map((dimension) => dimension.id);
  const acrossUnits = unitDriverShares(
    employees.aggregate.units ?? {},
    driverDimensions,
    thresholds.minGroupSize,
    model.thresholds.minDriverUnits,
  );
  // Too few units (a client with 10 stores): what moves a person's recommendation, across respondents.
  const drivers =
    acrossUnits.source === "equal" && employees.moments ? respondentDriverShares(employees.moments, driverDimensions) : acrossUnits;
  const priorities = rankPriorities(
    barometer.dimensions.map((dimension) => ({
      id: dimension.id,
      label: dimension.label,
      gap: dimension.gap,
      status: dimension.status,
      employeeScore: dimension.employee.score,
    })),
    drivers,
  );
  const waves = [...new Set([...(employees.waves?.order ?? []), ...(customers.waves?.order ?? [])])];
  const money = await alertsMoneyChain(
    barometer,
    employees,
    customers,
    unitsFile?.units ?? [],
    thresholds.minGroupSize,
    options.costRatio ?? 0.21,
  );
  return {
    ...barometer,
    ...grouped,
    units,
    priorities,
    ...money,
    drivers: {
      source: drivers.source,
      units: drivers.units,
      ...(drivers.respondents === undefined ? {} : { respondents: drivers.respondents }),
      rSquared: drivers.rSquared,
    },
    ...(waves.length > 1 ? { pooledWaves: waves } : {}),
    ...(unitsFile
      ? { unitAttributes: Object.fromEntries(model.unitAttributes.map((attribute) => [attribute.id, attribute.label[language]])) }
      : {}),
    language,
    scales: { employees: employeeScale, customers: customerScale },
    thresholds,
    customerUnits,
    unmapped: { employees: employees.unmapped, customers: customers.unmapped, ...(unitsFile ? { units: unitsFile.unmapped } : {}) },
    files: {
      employees: summariseFile(options.employees, employees),
      customers: summariseFile(options.customers, customers),
      ...(options.units === undefined ? {} : { units: options.units }),
    },
  };
}

function summariseFile(path: string, read: PopulationRead): FileSummary {
  return { path, rows: read.rows, delimiter: read.delimiter, mappedColumns: read.mapped.length };
}
