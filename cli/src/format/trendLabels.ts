import type { Language, TrendChangeStatus, TrendGapStatus } from "@symmetry/engine";

/** Words of the readable trend table, in French and English. */
export interface TrendLabels {
  readonly title: string;
  readonly wave: string;
  readonly employees: string;
  readonly customers: string;
  readonly respondents: string;
  readonly hiddenCount: (minGroupSize: number) => string;
  readonly symmetryIndex: string;
  readonly alerts: (count: number) => string;
  readonly largestGap: string;
  readonly dimension: string;
  readonly gapsTitle: string;
  readonly changeTitle: (from: string, to: string) => string;
  readonly gapFrom: string;
  readonly gapTo: string;
  readonly gapChange: string;
  readonly ci: string;
  readonly status: string;
  readonly employeeChange: string;
  readonly customerChange: string;
  readonly gapStatus: Record<TrendGapStatus, string>;
  readonly changeStatus: Record<TrendChangeStatus, string>;
  readonly closed: string;
  readonly npsChange: (name: string, change: string, z: string, p: string) => string;
  readonly notComparable: (name: string) => string;
  readonly note: (alpha: string) => string;
  readonly unitsTitle: (minGroupSize: number) => string;
  readonly unit: string;
  readonly hidden: string;
  readonly actionsTitle: (from: string, to: string) => string;
  readonly owner: string;
  readonly scope: string;
  readonly actionStatus: Record<"planned" | "in-progress" | "done", string>;
  readonly outcome: string;
  readonly scopeAll: string;
  readonly scopeUnitType: (type: string) => string;
  readonly unknownDimension: string;
  readonly actionsNote: string;
}

const EN: TrendLabels = {
  title: "Symmetry barometer over time",
  wave: "Wave",
  employees: "Employees",
  customers: "Customers",
  respondents: "respondents",
  hiddenCount: (minGroupSize) => `fewer than ${minGroupSize}`,
  symmetryIndex: "symmetry index",
  alerts: (count) => `${count} alert${count === 1 ? "" : "s"}`,
  largestGap: "largest gap",
  dimension: "Dimension",
  gapsTitle: "Gap (employees − customers) by wave",
  changeTitle: (from, to) => `Change ${from} → ${to}`,
  gapFrom: "Gap before",
  gapTo: "Gap after",
  gapChange: "Change",
  ci: "95% CI",
  status: "Status",
  employeeChange: "Employees Δ",
  customerChange: "Customers Δ",
  gapStatus: { alert: "ALERT", watch: "watch", ok: "ok", suppressed: "hidden", "not-computable": "n/c" },
  changeStatus: { narrowed: "narrowed", widened: "WIDENED", stable: "stable", "not-computable": "not computable" },
  closed: "alert closed",
  npsChange: (name, change, z, p) => `${name} change: ${change} points (z ${z}, p ${p})`,
  notComparable: (name) => `${name} change: not computable (hidden or no answers in a wave)`,
  note: (alpha) =>
    `Narrowed / widened: |gap| moved and p < ${alpha} (four-sample Welch test); n/c: no customer (or employee) answers in that wave. Waves are treated as independent samples.`,
  unitsTitle: (minGroupSize) => `eNPS by unit and wave (under ${minGroupSize} answers hidden, with cover across units and waves)`,
  unit: "Unit",
  hidden: "hidden",
  actionsTitle: (from, to) => `Actions and their targeted gaps, ${from} → ${to}`,
  owner: "Owner",
  scope: "Scope",
  actionStatus: { planned: "planned", "in-progress": "in progress", done: "done" },
  outcome: "Gap",
  scopeAll: "all",
  scopeUnitType: (type) => `type ${type}`,
  unknownDimension: "unknown dimension",
  actionsNote:
    "Each action is read on its dimension's gap for the whole organisation: an association in time, not proof the action caused it.",
};

const FR: TrendLabels = {
  title: "Baromètre de la symétrie : évolution",
  wave: "Vague",
  employees: "Salariés",
  customers: "Clients",
  respondents: "répondants",
  hiddenCount: (minGroupSize) => `moins de ${minGroupSize}`,
  symmetryIndex: "indice de symétrie",
  alerts: (count) => `${count} alerte${count > 1 ? "s" : ""}`,
  largestGap: "plus grand écart",
  dimension: "Dimension",
  gapsTitle: "Écart (salariés − clients) par vague",
  changeTitle: (from, to) => `Évolution ${from} → ${to}`,
  gapFrom: "Écart avant",
  gapTo: "Écart après",
  gapChange: "Évolution",
  ci: "IC 95 %",
  status: "Statut",
  employeeChange: "Δ salariés",
  customerChange: "Δ clients",
  gapStatus: { alert: "ALERTE", watch: "vigilance", ok: "ok", suppressed: "masqué", "not-computable": "n/c" },
  changeStatus: { narrowed: "réduit", widened: "CREUSÉ", stable: "stable", "not-computable": "non calculable" },
  closed: "alerte levée",
  npsChange: (name, change, z, p) => `Évolution ${name} : ${change} points (z ${z}, p ${p})`,
  notComparable: (name) => `Évolution ${name} : non calculable (masqué ou sans réponse dans une vague)`,
  note: (alpha) =>
    `Réduit / creusé : |écart| a bougé et p < ${alpha} (test de Welch à quatre échantillons) ; n/c : aucune réponse client (ou salarié) dans cette vague. Les vagues sont traitées comme des échantillons indépendants.`,
  unitsTitle: (minGroupSize) =>
    `eNPS par unité et par vague (moins de ${minGroupSize} réponses : masqué, avec couverture entre unités et vagues)`,
  unit: "Unité",
  hidden: "masqué",
  actionsTitle: (from, to) => `Actions et écarts visés, ${from} → ${to}`,
  owner: "Responsable",
  scope: "Périmètre",
  actionStatus: { planned: "prévue", "in-progress": "en cours", done: "faite" },
  outcome: "Écart",
  scopeAll: "tous",
  scopeUnitType: (type) => `type ${type}`,
  unknownDimension: "dimension inconnue",
  actionsNote:
    "Chaque action est lue sur l’écart de sa dimension pour toute l’organisation : une évolution concomitante, pas la preuve que l’action l’a causée.",
};

export function trendLabels(language: Language): TrendLabels {
  return language === "fr" ? FR : EN;
}
