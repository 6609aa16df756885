import type { Language } from "@symmetry/engine";

/** Words of the readable barometer table, in French and English. */
export interface TableLabels {
  readonly title: string;
  readonly employees: string;
  readonly customers: string;
  readonly respondents: string;
  readonly respondentsColumn: string;
  readonly statusColumn: string;
  readonly answers: string;
  readonly enps: string;
  readonly nps: string;
  readonly interval: string;
  readonly notShown: (minGroupSize: number) => string;
  readonly symmetryIndex: string;
  readonly symmetryIndexNote: string;
  readonly alerts: (count: number) => string;
  readonly largestGap: string;
  readonly pooledWaves: (count: number, waves: string) => string;
  readonly dimension: string;
  readonly gap: string;
  readonly ci: string;
  readonly status: Record<"alert" | "watch" | "ok" | "suppressed", string>;
  readonly gapNote: (threshold: number, alpha: string) => string;
  readonly unitsTitle: (minGroupSize: number) => string;
  readonly customerUnitsTitle: (minGroupSize: number) => string;
  readonly unit: string;
  readonly unitType: string;
  readonly hidden: string;
  readonly noAnswer: string;
  readonly managers: (count: number, hidden: number) => string;
  readonly unpaired: (dimension: string, population: "employees" | "customers") => string;
  readonly unmapped: (file: string, headers: string) => string;
  /** A hidden group's count: the count is a figure too. */
  readonly fewerThan: (minGroupSize: number) => string;
  readonly groupingName: (by: string) => string;
  readonly heatmapTitle: (by: string) => string;
  readonly heatmapLegend: (minGroupSize: number) => string;
  readonly heatmapGapLegend: string;
  readonly supportTitle: string;
  readonly front: string;
  readonly support: string;
  readonly difference: string;
  readonly supportNote: (threshold: number, alpha: string) => string;
  readonly singleGroup: (by: string, group: string) => string;
  readonly possibleTypo: (by: string, spellings: string) => string;
  readonly moneyTitle: (costRatio: string) => string;
  readonly moneyColumns: readonly string[];
  readonly moneyNotValued: (dimensions: string) => string;
  readonly moneySkipped: (reason: "too-few-respondents" | "too-few-units", minGroupSize: number) => string;
}

const EN: TableLabels = {
  title: "Symmetry barometer",
  employees: "Employees",
  customers: "Customers",
  respondents: "respondents",
  respondentsColumn: "Respondents",
  statusColumn: "Status",
  answers: "answers",
  enps: "eNPS",
  nps: "NPS",
  interval: "95% CI",
  notShown: (minGroupSize) => `not shown (fewer than ${minGroupSize} answers)`,
  symmetryIndex: "Symmetry index",
  symmetryIndexNote: "100 = perfect symmetry",
  alerts: (count) => `${count} alert${count === 1 ? "" : "s"}`,
  largestGap: "largest gap",
  pooledWaves: (count, waves) => `These files hold ${count} waves (${waves}), pooled here: sym trend compares them wave by wave.`,
  dimension: "Dimension",
  gap: "Gap",
  ci: "95% CI",
  status: { alert: "ALERT", watch: "watch", ok: "ok", suppressed: "hidden" },
  gapNote: (threshold, alpha) =>
    `Gap = employees − customers, points on 0–100. ALERT: |gap| ≥ ${threshold} and p < ${alpha}; watch: |gap| ≥ ${threshold}, not significant.`,
  unitsTitle: (minGroupSize) => `eNPS by unit (a unit under ${minGroupSize} answers is hidden, with a sibling so it cannot be recovered)`,
  customerUnitsTitle: (minGroupSize) => `Customer NPS by unit (under ${minGroupSize} answers hidden)`,
  unit: "Unit",
  unitType: "Type",
  hidden: "hidden",
  noAnswer: "no answer",
  managers: (count, hidden) => `eNPS by manager: ${count} managers, ${hidden} hidden (details with --json)`,
  unpaired: (dimension, population) => `${dimension}: mapped for ${population} only, no gap computed`,
  unmapped: (file, headers) => `unmapped columns in ${file}: ${headers}`,
  fewerThan: (minGroupSize) => `fewer than ${minGroupSize}`,
  groupingName: (by) => ({ unit: "unit", type: "unit type", manager: "manager" })[by] ?? by,
  heatmapTitle: (by) => `Heat map by ${EN.groupingName(by)}: employee score per dimension (0–100)`,
  heatmapLegend: (minGroupSize) =>
    `· hidden: fewer than ${minGroupSize} people, or hidden with it so that no grouping shown here can recover it by subtraction`,
  heatmapGapLegend: "Gap per dimension (employees − customers) where customers carry the same group: --json",
  moneyTitle: (costRatio) =>
    `Value of closing each alert, cost ratio ${costRatio} of salary (an estimate: associations across respondents and units, not causes)`,
  moneyColumns: [
    "Dimension",
    "Points",
    "eNPS / point",
    "eNPS",
    "Leavers / eNPS point",
    "Leavers",
    "Cost per leaver",
    "Value",
    "95% interval",
  ],
  moneyNotValued: (dimensions) => `Not valued (employees above customers: closed on the customer side): ${dimensions}`,
  moneySkipped: (reason, minGroupSize) =>
    reason === "too-few-respondents"
      ? "Value of closing the alerts not computed: the eNPS link needs at least 30 employees with every dimension score and an eNPS answer."
      : `Value of closing the alerts not computed: the leavers link needs at least 3 units with headcount, leavers, salary and an eNPS of ${minGroupSize} answers or more, varying across units.`,
  supportTitle: "Support versus front office: employee score per dimension",
  front: "Front office",
  support: "Support",
  difference: "Support − front",
  supportNote: (threshold, alpha) =>
    `ALERT: |support − front| ≥ ${threshold} and p < ${alpha} (Welch); watch: |difference| ≥ ${threshold}, not significant.`,
  singleGroup: (by, group) => `--by ${by}: every respondent has the same value (${JSON.stringify(group)}), so the map has one group only`,
  possibleTypo: (by, spellings) => `--by ${by}: ${spellings} differ only in case or spaces: a typo?`,
};

const FR: TableLabels = {
  title: "Baromètre de la symétrie des attentions",
  employees: "Salariés",
  customers: "Clients",
  respondents: "répondants",
  respondentsColumn: "Répondants",
  statusColumn: "Statut",
  answers: "réponses",
  enps: "eNPS",
  nps: "NPS",
  interval: "IC 95 %",
  notShown: (minGroupSize) => `non affiché (moins de ${minGroupSize} réponses)`,
  symmetryIndex: "Indice de symétrie",
  symmetryIndexNote: "100 = symétrie parfaite",
  alerts: (count) => `${count} alerte${count > 1 ? "s" : ""}`,
  largestGap: "plus grand écart",
  pooledWaves: (count, waves) =>
    `Ces fichiers contiennent ${count} vagues (${waves}), cumulées ici : sym trend les compare vague par vague.`,
  dimension: "Dimension",
  gap: "Écart",
  ci: "IC 95 %",
  status: { alert: "ALERTE", watch: "vigilance", ok: "ok", suppressed: "masqué" },
  gapNote: (threshold, alpha) =>
    `Écart = salariés − clients, en points sur 0–100. ALERTE : |écart| ≥ ${threshold} et p < ${alpha} ; vigilance : |écart| ≥ ${threshold}, non significatif.`,
  unitsTitle: (minGroupSize) =>
    `eNPS par unité (une unité de moins de ${minGroupSize} réponses est masquée, avec une voisine pour qu'on ne puisse la retrouver)`,
  customerUnitsTitle: (minGroupSize) => `NPS clients par unité (moins de ${minGroupSize} réponses : masqué)`,
  unit: "Unité",
  unitType: "Type",
  hidden: "masqué",
  noAnswer: "sans réponse",
  managers: (count, hidden) => `eNPS par manager : ${count} managers, ${hidden} masqués (détail avec --json)`,
  unpaired: (dimension, population) =>
    `${dimension} : présente côté ${population === "employees" ? "salariés" : "clients"} seulement, pas d'écart calculé`,
  unmapped: (file, headers) => `colonnes non reconnues dans ${file} : ${headers}`,
  fewerThan: (minGroupSize) => `moins de ${minGroupSize}`,
  groupingName: (by) => ({ unit: "unité", type: "type d'unité", manager: "manager" })[by] ?? by,
  heatmapTitle: (by) => `Carte de chaleur par ${FR.groupingName(by)} : score salariés par dimension (0–100)`,
  heatmapLegend: (minGroupSize) =>
    `· masqué : moins de ${minGroupSize} personnes, ou masqué avec lui pour qu'aucun regroupement affiché ici ne permette de le retrouver par soustraction`,
  heatmapGapLegend: "Écart par dimension (salariés − clients) là où les clients portent le même groupe : --json",
  moneyTitle: (costRatio) =>
    `Valeur de la fermeture de chaque alerte, coût d’un départ ${costRatio} du salaire (une estimation : des associations entre répondants et unités, pas des causes)`,
  moneyColumns: [
    "Dimension",
    "Points",
    "eNPS / point",
    "eNPS",
    "Départs / point d’eNPS",
    "Départs",
    "Coût d’un départ",
    "Valeur",
    "Intervalle 95 %",
  ],
  moneyNotValued: (dimensions) => `Non valorisées (salariés au-dessus des clients : se ferment côté clients) : ${dimensions}`,
  moneySkipped: (reason, minGroupSize) =>
    reason === "too-few-respondents"
      ? "Valeur de la fermeture des alertes non calculée : le lien avec l’eNPS demande au moins 30 salariés ayant chaque score de dimension et une réponse eNPS."
      : `Valeur de la fermeture des alertes non calculée : le lien avec les départs demande au moins 3 unités avec effectif, départs, salaire et un eNPS d’au moins ${minGroupSize} réponses, qui varie d’une unité à l’autre.`,
  supportTitle: "Support face au front office : score salariés par dimension",
  front: "Front office",
  support: "Support",
  difference: "Support − front",
  supportNote: (threshold, alpha) =>
    `ALERTE : |support − front| ≥ ${threshold} et p < ${alpha} (Welch) ; vigilance : |écart| ≥ ${threshold}, non significatif.`,
  singleGroup: (by, group) => `--by ${by} : tous les répondants ont la même valeur (${JSON.stringify(group)}), la carte n'a qu'un groupe`,
  possibleTypo: (by, spellings) => `--by ${by} : ${spellings} ne diffèrent que par la casse ou les espaces : une faute de frappe ?`,
};

export function tableLabels(language: Language): TableLabels {
  return language === "fr" ? FR : EN;
}
