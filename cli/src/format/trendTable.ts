import type { TrendReport } from "../commands/trend";
import { alignColumns } from "./alignColumns";
import { formatP, numberFormatter } from "./barometerTable";
import { trendLabels } from "./trendLabels";

/**
 * The readable trend: per wave a headline (respondents, eNPS, NPS, symmetry index with the
 * number of alerts and the largest gap), the gaps of every dimension side by side, then each
 * change: gap before and after, ΔG with its interval, p and status (narrowed / widened / stable,
 * alert closed), and each side's change. Hidden figures are printed as hidden, never as numbers.
 */
export function formatTrendTable(report: TrendReport): string {
  const language = report.language;
  const labels = trendLabels(language);
  const number = numberFormatter(language, 1, false);
  const signed = numberFormatter(language, 1, true);
  const whole = numberFormatter(language, 0, false);
  const shown = (value: number | null, format: (value: number) => string) => (value === null ? "–" : format(value));
  const lines: string[] = [labels.title, ""];
  const labelOf = new Map(report.waves[0].dimensions.map((dimension) => [dimension.id, dimension.label]));

  for (const wave of report.waves) {
    const count = (n: number | null) => (n === null ? labels.hiddenCount(report.minGroupSize) : whole(n));
    const parts = [
      `${labels.employees} ${count(wave.employees.n)} ${labels.respondents}, eNPS ${wave.employees.enps ? signed(wave.employees.enps.value) : labels.hidden}`,
      `${labels.customers} ${count(wave.customers.n)} ${labels.respondents}, NPS ${wave.customers.nps ? signed(wave.customers.nps.value) : labels.hidden}`,
      `${labels.symmetryIndex} ${shown(wave.symmetryIndex, number)} / 100`,
      labels.alerts(wave.alerts),
      ...(wave.largestGap
        ? [`${labels.largestGap} ${labelOf.get(wave.largestGap.id) ?? wave.largestGap.id} ${signed(wave.largestGap.gap)}`]
        : []),
    ];
    lines.push(`${wave.wave}: ${parts.join(" · ")}`);
  }
  lines.push("", labels.gapsTitle);
  const gapRows = [[labels.dimension, ...report.waves.map((wave) => wave.wave)]];
  report.waves[0].dimensions.forEach((dimension, index) => {
    gapRows.push([
      dimension.label,
      ...report.waves.map((wave) => {
        const entry = wave.dimensions[index];
        return entry.gap === null ? labels.gapStatus[entry.status] : `${signed(entry.gap)} ${labels.gapStatus[entry.status]}`;
      }),
    ]);
  });
  lines.push(...alignColumns(gapRows, [false, ...report.waves.map(() => true)]));

  for (const change of report.changes) {
    lines.push("", labels.changeTitle(change.from, change.to));
    const rows = [
      [
        labels.dimension,
        labels.gapFrom,
        labels.gapTo,
        labels.gapChange,
        labels.ci,
        "p",
        labels.status,
        labels.employeeChange,
        labels.customerChange,
      ],
    ];
    for (const dimension of change.dimensions) {
      rows.push([
        dimension.label,
        shown(dimension.gapFrom, signed),
        shown(dimension.gapTo, signed),
        shown(dimension.gapChange, signed),
        dimension.low === null || dimension.high === null ? "–" : `[${signed(dimension.low)}; ${signed(dimension.high)}]`,
        shown(dimension.p, (p) => formatP(p, language)),
        dimension.closed ? `${labels.changeStatus[dimension.status]}, ${labels.closed}` : labels.changeStatus[dimension.status],
        shown(dimension.employeeChange?.change ?? null, signed),
        shown(dimension.customerChange?.change ?? null, signed),
      ]);
    }
    lines.push(...alignColumns(rows, [false, true, true, true, true, true, false, true, true]));
    for (const [name, result] of [
      ["eNPS", change.enps],
      ["NPS", change.nps],
    ] as const) {
      lines.push(
        result
          ? labels.npsChange(name, signed(result.change), numberFormatter(language, 2, true)(result.z), formatP(result.p, language))
          : labels.notComparable(name),
      );
    }
  }
  lines.push("", labels.note(numberFormatter(language, 2, false)(report.thresholds.alpha)));

  for (const change of report.actions === undefined ? [] : report.changes) {
    const outcomes = report.actions!.filter((outcome) => outcome.from === change.from && outcome.to === change.to);
    if (outcomes.length === 0) continue;
    lines.push("", labels.actionsTitle(change.from, change.to));
    const rows = [[labels.dimension, labels.scope, labels.owner, labels.status, labels.outcome, labels.gapChange, "p"]];
    for (const outcome of outcomes) {
      const scope =
        outcome.scope.kind === "all"
          ? labels.scopeAll
          : outcome.scope.kind === "unit"
            ? outcome.scope.value
            : labels.scopeUnitType(outcome.scope.value);
      const result =
        outcome.outcome === "unknown-dimension"
          ? labels.unknownDimension
          : outcome.closed
            ? `${labels.changeStatus[outcome.outcome]}, ${labels.closed}`
            : labels.changeStatus[outcome.outcome];
      rows.push([
        labelOf.get(outcome.dimension) ?? outcome.dimension,
        scope,
        outcome.owner,
        labels.actionStatus[outcome.status],
        result,
        shown(outcome.gapChange, signed),
        shown(outcome.p, (p) => formatP(p, language)),
      ]);
    }
    lines.push(...alignColumns(rows, [false, false, false, false, false, true, true]), labels.actionsNote);
  }

  const unitNames = [...new Set(report.waves.flatMap((wave) => wave.units.map((unit) => unit.unit)))];
  if (unitNames.length > 0) {
    lines.push("", labels.unitsTitle(report.minGroupSize));
    const rows = [[labels.unit, ...report.waves.map((wave) => wave.wave)]];
    for (const name of unitNames) {
      rows.push([
        name,
        ...report.waves.map((wave) => {
          const unit = wave.units.find((entry) => entry.unit === name);
          return !unit ? "–" : unit.suppressed ? labels.hidden : shown(unit.enps, signed);
        }),
      ]);
    }
    lines.push(...alignColumns(rows, [false, ...report.waves.map(() => true)]));
  }
  return `${lines.join("\n")}\n`;
}
