import type { ActionStatus } from "../actions/actions";
import type { Language } from "../model/schemas";
import type { TrendChangeStatus } from "../trend/trend";

/** The words of the decks and the employee summary, in French and English. */
export interface DeckWords {
  readonly barometer: string;
  readonly employees: string;
  readonly customers: string;
  readonly wave: string;
  readonly respondentsLine: (employees: string, customers: string) => string;
  readonly headline: string;
  readonly symmetryIndex: string;
  readonly symmetryIndexDetail: string;
  readonly alerts: string;
  readonly alertsDetail: (watches: number) => string;
  readonly largestGap: string;
  readonly enps: string;
  readonly nps: string;
  readonly answers: (count: string) => string;
  readonly notShown: (fewerThan: string) => string;
  readonly gapsTitle: string;
  readonly gapChart: string;
  readonly radarChart: string;
  readonly statusSeries: Record<"alert" | "watch" | "ok", string>;
  readonly hiddenDimensions: (labels: string) => string;
  readonly alertsTitle: string;
  readonly alertHeader: readonly [string, string, string, string, string];
  readonly noAlert: string;
  readonly watchLine: (label: string, gap: string) => string;
  readonly unitsTitle: string;
  readonly unitChart: string;
  readonly unitHeader: readonly [string, string, string, string];
  readonly unitsHidden: (count: number, fewerThan: string) => string;
  readonly noUnits: string;
  readonly heatmapTitle: string;
  readonly heatmapUnit: string;
  readonly heatmapRespondents: string;
  readonly heatmapPage: (page: number, pages: number) => string;
  readonly heatmapNote: (points: number, minGroupSize: number, hidden: number) => string;
  readonly trendTitle: (from: string, to: string) => string;
  readonly then: (wave: string, value: string) => string;
  readonly enpsChange: string;
  readonly notComparable: string;
  readonly trendChart: string;
  readonly trendHeader: (from: string, to: string) => readonly string[];
  readonly changeStatus: Readonly<Record<TrendChangeStatus | "closed", string>>;
  readonly trendNote: (minGroupSize: number) => string;
  readonly prioritiesTitle: string;
  readonly prioritiesHeader: readonly string[];
  readonly prioritiesNote: string;
  readonly actionsTitle: string;
  readonly actionsHeader: readonly string[];
  readonly actionOutcomeHeader: (from: string, to: string) => string;
  readonly actionStatus: Readonly<Record<ActionStatus, string>>;
  readonly scopeAll: string;
  readonly scopeUnit: (unit: string) => string;
  readonly scopeUnitType: (type: string) => string;
  readonly notYetMeasured: string;
  readonly actionsNote: string;
  readonly linkageTitle: string;
  readonly linkageHeader: readonly [string, string, string, string, string];
  readonly linkagePair: (x: string, y: string) => string;
  readonly turnoverLine: (slope: string, interval: string, units: number) => string;
  readonly moneyLine: (delta: string, leavers: string, value: string, ratio: string) => string;
  readonly linkageNote: string;
  readonly methodTitle: string;
  readonly methodLines: (threshold: string, alpha: string, minGroupSize: number) => string[];
  readonly allSuppressed: (minGroupSize: number) => string;
  readonly teamTitle: (team: string) => string;
  readonly team: string;
  readonly whole: string;
  readonly teamRespondents: (count: string) => string;
  readonly teamVersusWhole: string;
  readonly teamHeader: readonly [string, string, string, string];
  readonly wholeWithheld: (minGroupSize: number) => string;
  readonly teamNote: (minGroupSize: number) => string;
  readonly summaryTitle: string;
  readonly measuredTitle: string;
  readonly measured: (employees: string, customers: string, dimensions: number) => string;
  readonly heardTitle: string;
  readonly heardIndex: (index: string) => string;
  readonly heardGap: (label: string, employees: string, customers: string, employeesLower: boolean) => string;
  readonly heardCloseness: (labels: string) => string;
  readonly heardEnps: (enps: string) => string;
  readonly doTitle: string;
  readonly doAlerts: (labels: string) => string;
  readonly doNoAlert: string;
  readonly doFollowUp: string;
  readonly summaryNote: (minGroupSize: number) => string;
}

const EN: DeckWords = {
  barometer: "Symmetry of attention barometer",
  employees: "Employees",
  customers: "Customers",
  wave: "Wave",
  respondentsLine: (employees, customers) => `${employees} employees and ${customers} customers answered`,
  headline: "Headline",
  symmetryIndex: "Symmetry index",
  symmetryIndexDetail: "out of 100 (100 = employees and customers rate alike)",
  alerts: "Alerts",
  alertsDetail: (watches) => `dimensions with a significant gap of 10 points or more${watches > 0 ? ` (${watches} more on watch)` : ""}`,
  largestGap: "Largest gap",
  enps: "Employee NPS (eNPS)",
  nps: "Customer NPS",
  answers: (count) => `95% CI, ${count} answers`,
  notShown: (fewerThan) => `not shown: ${fewerThan} answers`,
  gapsTitle: "Where employees and customers differ",
  gapChart: "Gap by dimension (employees − customers, points)",
  radarChart: "Employees versus customers (score out of 100)",
  statusSeries: { alert: "Alert", watch: "Watch", ok: "Other" },
  hiddenDimensions: (labels) => `Not shown (too few respondents): ${labels}`,
  alertsTitle: "Dimensions on alert",
  alertHeader: ["Dimension", "Gap", "95% CI", "p", "Items behind it"],
  noAlert: "No dimension is on alert: no gap of the threshold or more is significant.",
  watchLine: (label, gap) => `On watch: ${label} (gap ${gap}), wide but not significant`,
  unitsTitle: "eNPS by unit",
  unitChart: "eNPS by unit (units shown)",
  unitHeader: ["Unit", "Type", "Respondents", "eNPS"],
  unitsHidden: (count, fewerThan) => `${count} unit(s) hidden: ${fewerThan} answers, or hidden with a sibling so they cannot be recovered`,
  noUnits: "No unit can be shown: every unit is under the confidentiality threshold.",
  heatmapTitle: "Employee score by unit and dimension",
  heatmapUnit: "Unit",
  heatmapRespondents: "Respondents",
  heatmapPage: (page, pages) => `Part ${page} of ${pages}`,
  heatmapNote: (points, minGroupSize, hidden) =>
    `Score out of 100. Shaded: ${points} points or more below (red) or above (green) the whole organisation. ${hidden > 0 ? `${hidden} unit(s) hidden: fewer than ${minGroupSize} answers, or hidden with a sibling so they cannot be recovered; they show no figure.` : `No unit is hidden (threshold: ${minGroupSize} respondents).`}`,
  trendTitle: (from, to) => `Since the last wave: ${from} → ${to}`,
  then: (wave, value) => `${wave}: ${value}`,
  enpsChange: "eNPS change",
  notComparable: "not comparable: too few answers in a wave",
  trendChart: "Gap by dimension in each wave (employees − customers, points)",
  trendHeader: (from, to) => ["Dimension", `Gap ${from}`, `Gap ${to}`, "Change", "95% CI", "p", "Status"],
  changeStatus: {
    narrowed: "Narrowed",
    widened: "Widened",
    stable: "No clear change",
    "not-computable": "Not computable",
    closed: "Closed (alert no more)",
  },
  trendNote: (minGroupSize) =>
    `Change = gap now − gap then, Welch test over the four samples. Narrowed or widened only when p < 0.05; closed: an alert that narrowed and is no longer one. Figures about fewer than ${minGroupSize} people in a wave are not shown.`,
  prioritiesTitle: "Priorities",
  prioritiesHeader: ["Rank", "Dimension", "Status", "Need (|gap|)", "Impact", "Priority"],
  prioritiesNote:
    "Priority = need × impact. Need: the size of the gap in points; impact: the dimension's share of what explains eNPS across units (equal shares when it cannot be estimated). Alerts come first.",
  actionsTitle: "Action plan",
  actionsHeader: ["Dimension", "For whom", "Owner", "Due", "Status", "Action"],
  actionOutcomeHeader: (from, to) => `Gap ${from} → ${to}`,
  actionStatus: { planned: "Planned", "in-progress": "In progress", done: "Done" },
  scopeAll: "Whole organisation",
  scopeUnit: (unit) => `Unit ${unit}`,
  scopeUnitType: (type) => `${type} units`,
  notYetMeasured: "Not measured yet",
  actionsNote: "The outcome is read on the organisation's gap between the two waves, whatever the action's scope.",
  linkageTitle: "Linkage across units",
  linkageHeader: ["Pair", "r", "95% CI", "p", "Units"],
  linkagePair: (x, y) => `${x} ↔ ${y}`,
  turnoverLine: (slope, interval, units) => `Turnover moves by ${slope} points per eNPS point, 95% CI ${interval}, over ${units} units`,
  moneyLine: (delta, leavers, value, ratio) =>
    `+${delta} eNPS points ≈ ${leavers} leavers avoided a year, worth ${value} at a replacement cost of ${ratio} of salary`,
  linkageNote: "Associations across units, not causes.",
  methodTitle: "Method and confidentiality",
  methodLines: (threshold, alpha, minGroupSize) => [
    "Scores: answers rescaled to 0–100 and averaged per respondent, then per group.",
    `Gap = employee score − customer score. Alert: |gap| ≥ ${threshold} points and Welch p < ${alpha}; watch: |gap| ≥ ${threshold} points, not significant.`,
    "Symmetry index = 100 − the weighted mean of |gap| over the dimensions.",
    "eNPS and NPS: promoters (9–10) minus detractors (0–6), with adjusted-Wald 95% intervals.",
    `Confidentiality: no figure about fewer than ${minGroupSize} employees is shown; a hidden group's count reads "fewer than ${minGroupSize}".`,
  ],
  allSuppressed: (minGroupSize) =>
    `Every figure is withheld: fewer than ${minGroupSize} respondents answered. Nothing can be shown without identifying people.`,
  teamTitle: (team) => `Team ${team}`,
  team: "Your team",
  whole: "Whole organisation",
  teamRespondents: (count) => `${count} people in your team answered`,
  teamVersusWhole: "Your team against the whole organisation (score out of 100)",
  teamHeader: ["Dimension", "Your team", "Whole organisation", "Difference"],
  wholeWithheld: (minGroupSize) => `The rest of the organisation is fewer than ${minGroupSize} people: the whole is not shown.`,
  teamNote: (minGroupSize) =>
    `Only your team and the whole organisation appear here. A figure about fewer than ${minGroupSize} people reads "fewer than ${minGroupSize}".`,
  summaryTitle: "What you told us",
  measuredTitle: "What we measured",
  measured: (employees, customers, dimensions) =>
    `${employees} of you and ${customers} customers answered questions on the same ${dimensions} themes of how people are treated, so we can see where your experience and theirs differ.`,
  heardTitle: "What we heard",
  heardIndex: (index) => `Your experience and our customers' experience match at ${index} out of 100.`,
  heardGap: (label, employees, customers, employeesLower) =>
    `${label}: you rate it ${employees}, customers ${customers} out of 100. ${employeesLower ? "You feel it less than our customers do." : "Customers feel it less than you do."}`,
  heardCloseness: (labels) => `Where you and our customers agree most: ${labels}.`,
  heardEnps: (enps) => `Would you recommend us as an employer? The score is ${enps} (from −100 to +100).`,
  doTitle: "What we will do",
  doAlerts: (labels) => `We will work first on ${labels}, where the gap is clear, and report back at the next barometer.`,
  doNoAlert: "No gap is large and clear enough to call for urgent action; we will keep listening.",
  doFollowUp: "We will ask again at the next wave and tell you whether the gaps have closed.",
  summaryNote: (minGroupSize) =>
    `Only figures about the whole organisation are shown here; no group of fewer than ${minGroupSize} people is ever reported.`,
};

const FR: DeckWords = {
  barometer: "Baromètre de la symétrie des attentions",
  employees: "Collaborateurs",
  customers: "Clients",
  wave: "Vague",
  respondentsLine: (employees, customers) => `${employees} collaborateurs et ${customers} clients ont répondu`,
  headline: "L'essentiel",
  symmetryIndex: "Indice de symétrie",
  symmetryIndexDetail: "sur 100 (100 = collaborateurs et clients notent de même)",
  alerts: "Alertes",
  alertsDetail: (watches) =>
    `dimensions avec un écart significatif de 10 points ou plus${watches > 0 ? ` (${watches} de plus à surveiller)` : ""}`,
  largestGap: "Plus grand écart",
  enps: "eNPS (recommandation employeur)",
  nps: "NPS clients",
  answers: (count) => `IC 95 %, ${count} réponses`,
  notShown: (fewerThan) => `non affiché : ${fewerThan} réponses`,
  gapsTitle: "Là où collaborateurs et clients divergent",
  gapChart: "Écart par dimension (collaborateurs − clients, points)",
  radarChart: "Collaborateurs et clients (score sur 100)",
  statusSeries: { alert: "Alerte", watch: "À surveiller", ok: "Autre" },
  hiddenDimensions: (labels) => `Non affiché (trop peu de répondants) : ${labels}`,
  alertsTitle: "Dimensions en alerte",
  alertHeader: ["Dimension", "Écart", "IC 95 %", "p", "Questions concernées"],
  noAlert: "Aucune dimension en alerte : aucun écart au seuil ou plus n'est significatif.",
  watchLine: (label, gap) => `À surveiller : ${label} (écart ${gap}), large mais non significatif`,
  unitsTitle: "eNPS par unité",
  unitChart: "eNPS par unité (unités affichées)",
  unitHeader: ["Unité", "Type", "Répondants", "eNPS"],
  unitsHidden: (count, fewerThan) =>
    `${count} unité(s) masquée(s) : ${fewerThan} réponses, ou masquée(s) avec une voisine pour qu'on ne puisse les retrouver`,
  noUnits: "Aucune unité ne peut être affichée : toutes sont sous le seuil de confidentialité.",
  heatmapTitle: "Score collaborateurs par unité et dimension",
  heatmapUnit: "Unité",
  heatmapRespondents: "Répondants",
  heatmapPage: (page, pages) => `Partie ${page} sur ${pages}`,
  heatmapNote: (points, minGroupSize, hidden) =>
    `Score sur 100. En couleur : ${points} points ou plus en dessous (rouge) ou au-dessus (vert) de l'organisation entière. ${hidden > 0 ? `${hidden} unité(s) masquée(s) : moins de ${minGroupSize} réponses, ou masquée(s) avec une voisine pour qu'on ne puisse les retrouver ; aucun chiffre n'est affiché.` : `Aucune unité n'est masquée (seuil : ${minGroupSize} répondants).`}`,
  trendTitle: (from, to) => `Depuis la dernière vague : ${from} → ${to}`,
  then: (wave, value) => `${wave} : ${value}`,
  enpsChange: "Évolution de l'eNPS",
  notComparable: "non comparable : trop peu de réponses dans une vague",
  trendChart: "Écart par dimension à chaque vague (collaborateurs − clients, points)",
  trendHeader: (from, to) => ["Dimension", `Écart ${from}`, `Écart ${to}`, "Évolution", "IC 95 %", "p", "Statut"],
  changeStatus: {
    narrowed: "Réduit",
    widened: "Creusé",
    stable: "Pas d'évolution nette",
    "not-computable": "Non calculable",
    closed: "Refermé (plus en alerte)",
  },
  trendNote: (minGroupSize) =>
    `Évolution = écart actuel − écart précédent, test de Welch sur les quatre échantillons. Réduit ou creusé seulement si p < 0,05 ; refermé : une alerte qui s'est réduite et n'en est plus une. Aucun chiffre sur moins de ${minGroupSize} personnes dans une vague n'est affiché.`,
  prioritiesTitle: "Priorités",
  prioritiesHeader: ["Rang", "Dimension", "Statut", "Besoin (|écart|)", "Impact", "Priorité"],
  prioritiesNote:
    "Priorité = besoin × impact. Besoin : la taille de l'écart en points ; impact : la part de la dimension dans ce qui explique l'eNPS entre unités (parts égales quand on ne peut l'estimer). Les alertes d'abord.",
  actionsTitle: "Plan d'action",
  actionsHeader: ["Dimension", "Pour qui", "Responsable", "Échéance", "Statut", "Action"],
  actionOutcomeHeader: (from, to) => `Écart ${from} → ${to}`,
  actionStatus: { planned: "Prévue", "in-progress": "En cours", done: "Faite" },
  scopeAll: "Toute l'organisation",
  scopeUnit: (unit) => `Unité ${unit}`,
  scopeUnitType: (type) => `Unités ${type}`,
  notYetMeasured: "Pas encore mesuré",
  actionsNote: "Le résultat se lit sur l'écart de toute l'organisation entre les deux vagues, quelle que soit la portée de l'action.",
  linkageTitle: "Liens entre unités",
  linkageHeader: ["Paire", "r", "IC 95 %", "p", "Unités"],
  linkagePair: (x, y) => `${x} ↔ ${y}`,
  turnoverLine: (slope, interval, units) =>
    `Le turnover varie de ${slope} point par point d'eNPS, IC 95 % ${interval}, sur ${units} unités`,
  moneyLine: (delta, leavers, value, ratio) =>
    `+${delta} points d'eNPS ≈ ${leavers} départs évités par an, soit ${value} à un coût de remplacement de ${ratio} du salaire`,
  linkageNote: "Des associations entre unités, pas des causes.",
  methodTitle: "Méthode et confidentialité",
  methodLines: (threshold, alpha, minGroupSize) => [
    "Scores : réponses ramenées sur 0–100, moyennées par répondant puis par groupe.",
    `Écart = score collaborateurs − score clients. Alerte : |écart| ≥ ${threshold} points et p de Welch < ${alpha} ; à surveiller : |écart| ≥ ${threshold} points, non significatif.`,
    "Indice de symétrie = 100 − la moyenne pondérée des |écarts| sur les dimensions.",
    "eNPS et NPS : promoteurs (9–10) moins détracteurs (0–6), intervalles de Wald ajustés à 95 %.",
    `Confidentialité : aucun chiffre sur moins de ${minGroupSize} collaborateurs n'est affiché ; l'effectif d'un groupe masqué s'écrit « moins de ${minGroupSize} ».`,
  ],
  allSuppressed: (minGroupSize) =>
    `Tous les chiffres sont masqués : moins de ${minGroupSize} personnes ont répondu. Rien ne peut être montré sans identifier quelqu'un.`,
  teamTitle: (team) => `Équipe ${team}`,
  team: "Votre équipe",
  whole: "Toute l'organisation",
  teamRespondents: (count) => `${count} personnes de votre équipe ont répondu`,
  teamVersusWhole: "Votre équipe face à toute l'organisation (score sur 100)",
  teamHeader: ["Dimension", "Votre équipe", "Toute l'organisation", "Différence"],
  wholeWithheld: (minGroupSize) => `Le reste de l'organisation compte moins de ${minGroupSize} personnes : l'ensemble n'est pas affiché.`,
  teamNote: (minGroupSize) =>
    `Seules votre équipe et l'organisation entière figurent ici. Un chiffre sur moins de ${minGroupSize} personnes s'écrit « moins de ${minGroupSize} ».`,
  summaryTitle: "Ce que vous nous avez dit",
  measuredTitle: "Ce que nous avons mesuré",
  measured: (employees, customers, dimensions) =>
    `${employees} d'entre vous et ${customers} clients ont répondu à des questions sur les mêmes ${dimensions} thèmes de la façon dont chacun est traité : nous voyons où votre expérience et la leur divergent.`,
  heardTitle: "Ce que nous avons entendu",
  heardIndex: (index) => `Votre expérience et celle de nos clients concordent à ${index} sur 100.`,
  heardGap: (label, employees, customers, employeesLower) =>
    `${label} : vous lui donnez ${employees}, les clients ${customers} sur 100. ${employeesLower ? "Vous le ressentez moins que nos clients." : "Nos clients le ressentent moins que vous."}`,
  heardCloseness: (labels) => `Là où vous et nos clients êtes le plus d'accord : ${labels}.`,
  heardEnps: (enps) => `Recommanderiez-vous l'entreprise comme employeur ? Le score est de ${enps} (de −100 à +100).`,
  doTitle: "Ce que nous allons faire",
  doAlerts: (labels) =>
    `Nous travaillerons d'abord sur ${labels}, là où l'écart est net, et nous en rendrons compte au prochain baromètre.`,
  doNoAlert: "Aucun écart n'est assez grand et net pour une action urgente ; nous restons à l'écoute.",
  doFollowUp: "Nous vous interrogerons de nouveau à la prochaine vague et vous dirons si les écarts se sont réduits.",
  summaryNote: (minGroupSize) =>
    `Seuls des chiffres sur l'organisation entière figurent ici ; aucun groupe de moins de ${minGroupSize} personnes n'est jamais présenté.`,
};

export function deckWords(language: Language): DeckWords {
  return language === "fr" ? FR : EN;
}
