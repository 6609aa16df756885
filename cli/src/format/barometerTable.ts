import type { Language, NpsInterval } from "@symmetry/engine";
import type { BarometerReport } from "../commands/barometer";
import { formatInterval, formatNumber, formatP } from "@symmetry/engine/format/display";
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

  if (report.units.length > 0) {
    lines.push("", labels.unitsTitle(minimum));
    const attributes = report.unitAttributes;
    const unitRows = [[labels.unit, ...(attributes ? [labels.unitType] : []), labels.respondentsColumn, labels.enps]];
    for (const unit of report.units) {
      const type = attributes ? [unit.attribute === undefined ? "–" : (attributes[unit.attribute] ?? unit.attribute)] : [];
      unitRows.push([
        unit.unit,
        ...type,
        whole(unit.n),
        unit.suppressed ? labels.hidden : unit.enps === null ? labels.noAnswer : signed(unit.enps),
      ]);
    }
    lines.push(...alignColumns(unitRows, [false, ...(attributes ? [false] : []), true, true]));
  }
  if (report.customerUnits.length > 0) {
    lines.push("", labels.customerUnitsTitle(minimum));
    const unitRows = [[labels.unit, labels.respondentsColumn, labels.nps]];
    for (const unit of report.customerUnits)
      unitRows.push([unit.unit, whole(unit.n), unit.suppressed ? labels.hidden : unit.nps === null ? labels.noAnswer : signed(unit.nps)]);
    lines.push(...alignColumns(unitRows, [false, true, true]));
  }
  if (report.managers.length > 0) {
    lines.push("", labels.managers(report.managers.length, report.managers.filter((manager) => manager.suppressed).length));
  }
  return `${lines.join("\n")}\n`;
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
  return warnings;
}

/** The shared display rules with plain spaces, so French thousands align in any terminal. */
export function numberFormatter(language: Language, digits: number, sign: boolean): (value: number) => string {
  return (value) => formatNumber(value, language, { digits, signed: sign, spaces: "plain" });
}
