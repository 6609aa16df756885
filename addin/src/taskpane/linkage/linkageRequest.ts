import { CUSTOMER_METRIC_PREFIX, type Language, type LinkageRequest, type Mapping, type Model, type UnitRow } from "@symmetry/engine";

/**
 * What the user picks in the Linkage panel, and the engine request it becomes. The metric names
 * are those of `unitRowsFromAggregates`: `enps`, `symmetry` and employee dimension ids on the x
 * side; `nps`, `customer_<dimension>` and `turnover` as outcomes.
 */

export type MethodChoice = "pearson" | "spearman" | "both";

export interface LinkageChoices {
  readonly x: readonly string[];
  readonly y: readonly string[];
  readonly method: MethodChoice;
  readonly bootstrap: number;
  readonly seed: number;
  /** The user's own replacement-cost ratio (share of annual salary), next to the presets. */
  readonly costRatio: number;
  /** eNPS points valued in the turnover money table. */
  readonly deltaPoints: number;
}

export const DEFAULT_LINKAGE_CHOICES: Omit<LinkageChoices, "x" | "y"> = {
  method: "pearson",
  bootstrap: 1000,
  seed: 1,
  costRatio: 0.21,
  deltaPoints: 5,
};

export interface MetricOption {
  readonly id: string;
  readonly label: string;
}

const FIXED_LABELS: Record<string, Record<Language, string>> = {
  enps: { en: "eNPS", fr: "eNPS" },
  symmetry: { en: "Symmetry index", fr: "Indice de symétrie" },
  nps: { en: "Customer NPS", fr: "NPS client" },
  turnover: { en: "Turnover rate", fr: "Taux de rotation" },
};

/** A unit metric's label in the sheet's language. */
export function metricLabel(id: string, model: Model, language: Language): string {
  if (FIXED_LABELS[id]) return FIXED_LABELS[id][language];
  const customer = id.startsWith(CUSTOMER_METRIC_PREFIX);
  const dimension = model.dimensions.find((candidate) => candidate.id === (customer ? id.slice(CUSTOMER_METRIC_PREFIX.length) : id));
  if (!dimension) return id;
  if (!customer) return dimension.label[language];
  return language === "fr" ? `Clients : ${dimension.label.fr}` : `Customers: ${dimension.label.en}`;
}

function mappedDimensions(columns: Mapping["employees"]["columns"], model: Model): string[] {
  const ids = new Set(columns.filter((column) => column.role === "item" && column.dimension).map((column) => column.dimension!));
  return model.dimensions.map((dimension) => dimension.id).filter((id) => ids.has(id));
}

/** The metrics the mapping can give per unit: employee metrics (x) and outcomes (y). */
export function linkageMetrics(mapping: Mapping, model: Model, language: Language): { x: MetricOption[]; y: MetricOption[] } {
  const has = (population: "employees" | "customers", role: string) => mapping[population].columns.some((column) => column.role === role);
  const employeeDimensions = mappedDimensions(mapping.employees.columns, model);
  const customerDimensions = mappedDimensions(mapping.customers.columns, model);
  const paired = employeeDimensions.some((id) => customerDimensions.includes(id));
  const option = (id: string): MetricOption => ({ id, label: metricLabel(id, model, language) });
  const x = [...(has("employees", "recommendation") ? ["enps"] : []), ...(paired ? ["symmetry"] : []), ...employeeDimensions].map(option);
  const turnover = Boolean(mapping.units?.headcountColumn && mapping.units.leaversColumn);
  const y = [
    ...(has("customers", "recommendation") ? ["nps"] : []),
    ...customerDimensions.map((id) => `${CUSTOMER_METRIC_PREFIX}${id}`),
    ...(turnover ? ["turnover"] : []),
  ].map(option);
  return { x, y };
}

/** The default pick: eNPS and symmetry against customer NPS and turnover, where mapped. */
export function defaultSelection(metrics: { x: MetricOption[]; y: MetricOption[] }): { x: string[]; y: string[] } {
  const ids = (options: MetricOption[]) => options.map((option) => option.id);
  const x = ids(metrics.x).filter((id) => id === "enps" || id === "symmetry");
  const y = ids(metrics.y).filter((id) => id === "nps" || id === "turnover");
  return { x: x.length > 0 ? x : ids(metrics.x).slice(0, 1), y: y.length > 0 ? y : ids(metrics.y).slice(0, 1) };
}

export interface PlannedRequest {
  readonly request: LinkageRequest;
  /** Why key drivers or the turnover money are left out (shown on the sheet), in the user's words. */
  readonly driversSkipped?: string;
  readonly turnoverSkipped?: string;
}

/**
 * The engine request for these units and choices. Key drivers run on the employee dimensions
 * picked as x (two or more) when enough units have all of them and the outcome (docs/domain.md#key-drivers: 25);
 * the turnover money runs when eNPS is picked and the units have headcount, leavers and salary.
 */
export function linkageRequestOf(
  units: readonly UnitRow[],
  choices: LinkageChoices,
  mapping: Mapping,
  model: Model,
  language: Language,
): PlannedRequest {
  const thresholds = { ...model.thresholds, ...mapping.thresholds };
  const minN = thresholds.minGroupSize;
  const minUnits = thresholds.minDriverUnits;
  const fr = language === "fr";
  const predictors = choices.x.filter((id) => model.dimensions.some((dimension) => dimension.id === id));
  const complete = (names: readonly string[]) =>
    units.filter((unit) => unit.employeesN >= minN && names.every((name) => typeof unit.metrics[name] === "number")).length;
  let driversSkipped: string | undefined;
  if (predictors.length < 2) {
    driversSkipped = fr
      ? "Moteurs clés : choisissez au moins deux dimensions salariés en x."
      : "Key drivers: pick at least two employee dimensions as x.";
  } else {
    const fewest = Math.min(...choices.y.map((y) => complete([...predictors, y])));
    if (fewest < minUnits) {
      driversSkipped = fr
        ? `Moteurs clés : il faut au moins ${minUnits} unités avec toutes les mesures (${fewest} ici).`
        : `Key drivers need at least ${minUnits} units with every metric (${fewest} here).`;
    }
  }
  const hasMoneyInputs = units.some((unit) => unit.headcount !== undefined && unit.leavers !== undefined && unit.salary !== undefined);
  let turnoverSkipped: string | undefined;
  if (!choices.x.includes("enps"))
    turnoverSkipped = fr ? "Valeur de la rotation : choisissez l'eNPS en x." : "Turnover money: pick eNPS as x.";
  else if (!hasMoneyInputs) {
    turnoverSkipped = fr
      ? "Valeur de la rotation : associez les colonnes effectif, départs et salaire des données unités."
      : "Turnover money: map the headcount, leavers and salary columns of the Units data.";
  }
  const request: LinkageRequest = {
    units: [...units],
    x: [...choices.x],
    y: [...choices.y],
    methods: choices.method === "both" ? ["pearson", "spearman"] : [choices.method],
    bootstrap: choices.bootstrap,
    seed: choices.seed,
    minN,
    ...(driversSkipped ? {} : { drivers: { predictors, minUnits } }),
    ...(turnoverSkipped ? {} : { turnover: { x: "enps", costRatio: choices.costRatio, deltaPoints: choices.deltaPoints } }),
  };
  return { request, ...(driversSkipped ? { driversSkipped } : {}), ...(turnoverSkipped ? { turnoverSkipped } : {}) };
}
