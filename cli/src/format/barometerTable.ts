import type { Language, NpsInterval } from "@symmetry/engine";
import type { BarometerReport } from "../commands/barometer";
import { formatInterval, formatNumber, formatP } from "@symmetry/engine/format/display";
import type { HeatmapEntry } from "@symmetry/engine/heatmap/heatmap";
import { alignColumns } from "./alignColumns";
import { tableLabels } from "./labels";

/** p-values as every output writes them (`<0.001`); the trend table takes it from here. */
export { formatP };

/**
 * The readable barometer: headline eNPS / NPS with intervals and the symmetry index, one line per
 * dimension (scores, gap, CI, p, Hedges' g, status), then eNPS by unit. Numbers use the chosen
 * language's conventions (decimal comma in French). Figures the engine withheld (null: fewer than
 * the threshold) are printed as hidden, never as numbers.
 */
export function formatBarometerTable(report: BarometerReport): string {
  const language = report.language;
  const labels = tableLabels(language);
  const number = numberFormatter(language, 1, false);
  const signed = numberFormatter(language, 1, true);
  const whole = numberFormatter(language, 0, false);
  const lines: string[] = [];
  const minimum = report.minGroupSize;

  const headline = (name: string, respondents: number, scoreName: string, interval: NpsInterval | null): string => {
    const score = interval
      ? `${scoreName} ${signed(interval.value)} (${labels.interval} ${signed(interval.low)} … ${signed(interval.high)}, ${whole(interval.n)} ${labels.answers})`
      : `${scoreName} ${labels.notShown(minimum)}`;
    return `${name}: ${whole(respondents)} ${labels.respondents} · ${score}`;
  };
  lines.push(labels.title, "");
  lines.push(headline(labels.employees, report.employees.n, labels.enps, report.employees.enps));
  lines.push(headline(labels.customers, report.customers.n, labels.nps, report.customers.nps));
  if (report.symmetryIndex !== null) {
    // The headline next to the index: an index of 95 with two alerts never reads as "almost perfect".
    const largest = report.largestGap && report.dimensions.find((dimension) => dimension.id === report.largestGap!.id);
    const largestText = largest ? ` · ${labels.largestGap} ${largest.label} ${signed(report.largestGap!.gap)}` : "";
    lines.push(
      `${labels.symmetryIndex}: ${number(report.symmetryIndex)} / 100 (${labels.symmetryIndexNote}) · ${labels.alerts(report.alerts)}${largestText}`,
    );
  }
  lines.push("");

  const rows: string[][] = [[labels.dimension, labels.employees, labels.customers, labels.gap, labels.ci, "p", "g", labels.statusColumn]];
  for (const dimension of report.dimensions) {
    const shown = (value: number | null, format: (value: number) => string) => (value === null ? "–" : format(value));
    rows.push([
      dimension.label,
      dimension.employee.score === null ? labels.hidden : number(dimension.employee.score),
      dimension.customer.score === null ? labels.hidden : number(dimension.customer.score),
      shown(dimension.gap, signed),
      dimension.low === null || dimension.high === null
        ? "–"
        : formatInterval(dimension.low, dimension.high, language, { spaces: "plain" }),
      shown(dimension.p, (p) => formatP(p, language)),
      shown(dimension.hedgesG, numberFormatter(language, 2, true)),
      labels.status[dimension.status],
    ]);
  }
  lines.push(...alignColumns(rows, [false, true, true, true, true, true, true, false]));
  lines.push("", labels.gapNote(report.thresholds.gapThreshold, numberFormatter(language, 2, false)(report.thresholds.alpha)));
  for (const unpaired of report.unpairedDimensions) lines.push(labels.unpaired(unpaired.id, unpaired.population));
  if (report.pooledWaves) lines.push(labels.pooledWaves(report.pooledWaves.length, report.pooledWaves.join(", ")));
  if (report.moneyChain) lines.push("", ...formatMoneyChain(report));
  else if (report.moneyChainSkipped) lines.push("", labels.moneySkipped(report.moneyChainSkipped, minimum));

  if (report.units.length > 0) {
    lines.push("", labels.unitsTitle(minimum));
    const attributes = report.unitAttributes;
    const unitRows = [[labels.unit, ...(attributes ? [labels.unitType] : []), labels.respondentsColumn, labels.enps]];
    for (const unit of report.units) {
      const type = attributes ? [unit.attribute === undefined ? "–" : (attributes[unit.attribute] ?? unit.attribute)] : [];
      unitRows.push([
        unit.unit,
        ...type,
        unit.n === null ? labels.fewerThan(minimum) : whole(unit.n),
        unit.enps === null ? labels.hidden : signed(unit.enps),
      ]);
    }
    lines.push(...alignColumns(unitRows, [false, ...(attributes ? [false] : []), true, true]));
  }
  if (report.customerUnits.length > 0) {
    lines.push("", labels.customerUnitsTitle(minimum));
    const unitRows = [[labels.unit, labels.respondentsColumn, labels.nps]];
    for (const unit of report.customerUnits)
      unitRows.push([
        unit.unit,
        unit.n === null ? labels.fewerThan(minimum) : whole(unit.n),
        unit.suppressed ? labels.hidden : unit.nps === null ? labels.noAnswer : signed(unit.nps),
      ]);
    lines.push(...alignColumns(unitRows, [false, true, true]));
  }
  if (report.managers.length > 0) {
    lines.push("", labels.managers(report.managers.length, report.managers.filter((manager) => manager.suppressed).length));
  }
  if (report.support) lines.push("", ...formatSupportBlock(report, number, signed));
  for (const entry of report.heatmap ?? []) lines.push("", ...formatHeatmap(entry, report, number));
  return `${lines.join("\n")}\n`;
}

/** The money value of closing each alert (docs/domain.md#money-chain): one line per alert, link by link. */
function formatMoneyChain(report: BarometerReport): string[] {
  const labels = tableLabels(report.language);
  const chain = report.moneyChain!;
  const language = report.language;
  const number = numberFormatter(language, 1, false);
  const two = numberFormatter(language, 2, false);
  const money = numberFormatter(language, 0, false);
  const rows = [[...labels.moneyColumns]];
  for (const entry of chain.alerts) {
    rows.push([
      entry.label,
      number(entry.points.estimate),
      `${two(entry.enpsPerPoint.estimate)} ${formatInterval(entry.enpsPerPoint.low, entry.enpsPerPoint.high, language, { digits: 2, spaces: "plain" })}`,
      number(entry.enps),
      `${two(entry.leaversPerEnpsPoint.estimate)} ${formatInterval(entry.leaversPerEnpsPoint.low, entry.leaversPerEnpsPoint.high, language, { digits: 2, spaces: "plain" })}`,
      number(entry.leavers),
      money(entry.costPerLeaver),
      money(entry.value.estimate),
      formatInterval(entry.value.low, entry.value.high, language, { digits: 0, spaces: "plain" }),
    ]);
  }
  const lines = [
    labels.moneyTitle(`${money(chain.costRatio * 100)} %`),
    ...alignColumns(rows, [false, true, true, true, true, true, true, true, true]),
  ];
  const notValued = chain.notValued.map((id) => report.dimensions.find((dimension) => dimension.id === id)?.label ?? id);
  if (notValued.length > 0) lines.push(labels.moneyNotValued(notValued.join(", ")));
  return lines;
}

/** One grouping's heat map: a row per group, a column per dimension, "·" where hidden, and the legend. */
function formatHeatmap(entry: HeatmapEntry, report: BarometerReport, number: (value: number) => string): string[] {
  const labels = tableLabels(report.language);
  const whole = numberFormatter(report.language, 0, false);
  const ids = entry.groups[0]?.dimensions.map((cell) => cell.id) ?? report.dimensions.map((dimension) => dimension.id);
  const rows = [[labels.groupingName(entry.by), "n", ...ids.map((id) => shortLabel(report, id))]];
  for (const group of entry.groups) {
    rows.push([
      group.group,
      group.n === null ? `<${report.minGroupSize}` : whole(group.n),
      ...group.dimensions.map((cell) => (cell.employee === null ? "·" : number(cell.employee))),
    ]);
  }
  const legend = ids
    .map((id) => `${shortLabel(report, id)} = ${report.dimensions.find((dimension) => dimension.id === id)?.label ?? id}`)
    .join("; ");
  return [
    labels.heatmapTitle(entry.by),
    ...alignColumns(rows, [false, true, ...ids.map(() => true)]),
    labels.heatmapLegend(report.minGroupSize),
    legend,
    labels.heatmapGapLegend,
  ];
}

/** Support versus front office, one line per dimension. */
function formatSupportBlock(report: BarometerReport, number: (value: number) => string, signed: (value: number) => string): string[] {
  const labels = tableLabels(report.language);
  const support = report.support!;
  const whole = numberFormatter(report.language, 0, false);
  const count = (n: number | null) => (n === null ? labels.fewerThan(report.minGroupSize) : whole(n));
  const first = support.dimensions[0];
  const rows = [
    [
      labels.dimension,
      `${labels.front} (n ${first ? count(first.front.n) : "–"})`,
      `${labels.support} (n ${first ? count(first.support.n) : "–"})`,
      labels.difference,
      labels.ci,
      "p",
      labels.statusColumn,
    ],
  ];
  for (const row of support.dimensions) {
    rows.push([
      report.dimensions.find((dimension) => dimension.id === row.id)?.label ?? row.id,
      row.front.score === null ? labels.hidden : number(row.front.score),
      row.support.score === null ? labels.hidden : number(row.support.score),
      row.difference === null ? "–" : signed(row.difference),
      row.low === null || row.high === null ? "–" : `[${signed(row.low)}; ${signed(row.high)}]`,
      row.p === null ? "–" : formatP(row.p, report.language),
      labels.status[row.status],
    ]);
  }
  return [
    labels.supportTitle,
    ...alignColumns(rows, [false, true, true, true, true, true, false]),
    labels.supportNote(report.thresholds.gapThreshold, numberFormatter(report.language, 2, false)(report.thresholds.alpha)),
  ];
}

/** A dimension's column header in the heat map: the first word of its label, at most 8 letters. */
function shortLabel(report: BarometerReport, id: string): string {
  const label = report.dimensions.find((dimension) => dimension.id === id)?.label ?? id;
  const word = label.split(/[\s/,]+/)[0];
  return word.length > 8 ? `${word.slice(0, 7)}.` : word;
}

/** Warnings for stderr in table mode: columns no rule recognised. */
export function formatUnmappedWarnings(report: BarometerReport): string[] {
  const labels = tableLabels(report.language);
  const warnings: string[] = [];
  if (report.unmapped.employees.length > 0)
    warnings.push(labels.unmapped(report.files.employees.path, report.unmapped.employees.join(", ")));
  if (report.unmapped.customers.length > 0)
    warnings.push(labels.unmapped(report.files.customers.path, report.unmapped.customers.join(", ")));
  if (report.unmapped.units && report.unmapped.units.length > 0 && report.files.units)
    warnings.push(labels.unmapped(report.files.units, report.unmapped.units.join(", ")));
  for (const note of report.heatmapNotes ?? []) {
    warnings.push(
      note.kind === "single-group"
        ? labels.singleGroup(note.by, note.group)
        : labels.possibleTypo(note.by, note.spellings.map((spelling) => JSON.stringify(spelling)).join(" / ")),
    );
  }
  return warnings;
}

/** The shared display rules with plain spaces, so French thousands align in any terminal. */
export function numberFormatter(language: Language, digits: number, sign: boolean): (value: number) => string {
  return (value) => formatNumber(value, language, { digits, signed: sign, spaces: "plain" });
}
