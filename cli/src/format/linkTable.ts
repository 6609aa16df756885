import type { LinkageResult } from "@symmetry/engine";
import { COST_RATIO_PRESETS } from "@symmetry/engine/turnover/turnover";
import { alignColumns } from "./alignColumns";

/**
 * The readable linkage: correlations with their Fisher-z and bootstrap intervals, Benjamini–Hochberg
 * q and significance marks, the top-versus-bottom quartile comparison, key drivers, and the money
 * value of eNPS through turnover at the 21 % / 50 % / 150 % presets and the user's ratio. English
 * labels: the units file carries metric names, not a language.
 */

/** Significance mark on q (as the Linkage sheet of the add-in): * < 0.05, ** < 0.01, *** < 0.001. */
export function significanceMark(q: number): string {
  if (q < 0.001) return "***";
  if (q < 0.01) return "**";
  if (q < 0.05) return "*";
  return "";
}

const fixed = (digits: number) => (value: number) => value.toFixed(digits);
const signed = (digits: number) => (value: number) => `${value > 0 ? "+" : ""}${value.toFixed(digits)}`;
const money = (value: number) => Math.round(value).toLocaleString("en-GB");

function formatP(p: number): string {
  return p < 0.001 ? "<0.001" : p.toFixed(3);
}

function interval(low: number | null, high: number | null, format: (value: number) => string): string {
  return low === null || high === null ? "–" : `[${format(low)}; ${format(high)}]`;
}

export function formatLinkTable(result: LinkageResult, options: { costRatio: number; deltaPoints: number }): string {
  const lines: string[] = [];
  lines.push(
    `Linkage across units: ${result.units} units${result.lag ? " (employee wave t against outcomes of wave t+1)" : ""}, ${result.excluded} left out under the confidentiality threshold`,
    `Bootstrap: ${result.bootstrap} replicates over units, seed ${result.seed}`,
    "",
  );
  const correlationRows = [["x", "y", "method", "r", "95% CI", "p", "q", "", "n", "bootstrap CI"]];
  for (const row of result.correlations) {
    correlationRows.push([
      row.x,
      row.y,
      row.method,
      signed(3)(row.r),
      interval(row.low, row.high, signed(2)),
      formatP(row.p),
      formatP(row.q),
      significanceMark(row.q),
      String(row.n),
      interval(row.bootLow, row.bootHigh, signed(2)),
    ]);
  }
  lines.push("Correlations (q: Benjamini–Hochberg over the pairs; * q < 0.05, ** < 0.01, *** < 0.001)");
  lines.push(...alignColumns(correlationRows, [false, false, false, true, true, true, true, false, true, true]));

  if (result.quartiles.length > 0) {
    lines.push("", "Top versus bottom quartile of units by x (mean outcome)");
    const quartileRows = [["x", "y", "units/quartile", "top", "bottom", "difference", "95% CI", "p"]];
    for (const row of result.quartiles) {
      quartileRows.push([
        row.x,
        row.y,
        String(row.unitsPerQuartile),
        fixed(2)(row.top),
        fixed(2)(row.bottom),
        signed(2)(row.difference),
        interval(row.low, row.high, signed(2)),
        row.p === null ? "–" : formatP(row.p),
      ]);
    }
    lines.push(...alignColumns(quartileRows, [false, false, true, true, true, true, true, true]));
  }

  if (result.drivers.length > 0) {
    lines.push("", "Key drivers (relative weights, Johnson 2000; share of R² with bootstrap CI)");
    const driverRows = [["y", "driver", "weight", "share", "95% CI", "R²", "n"]];
    for (const row of result.drivers) {
      driverRows.push([
        row.y,
        row.id,
        fixed(4)(row.weight),
        `${(100 * row.share).toFixed(1)}%`,
        interval(row.low, row.high, (value) => `${(100 * value).toFixed(1)}%`),
        fixed(3)(row.rSquared),
        String(row.n),
      ]);
    }
    lines.push(...alignColumns(driverRows, [false, false, true, true, true, true, true]));
  } else if (result.driversSkipped) {
    lines.push("", `Key drivers: ${result.driversSkipped}`);
  }

  const turnover = result.turnover;
  if (turnover) {
    lines.push(
      "",
      `Turnover money: OLS of unit turnover rate on unit ${turnover.x} over ${turnover.n} units`,
      `  slope ${signed(5)(turnover.slope)} per point, 95% CI ${interval(turnover.low, turnover.high, signed(5))}, p ${formatP(turnover.p)}`,
      `  headcount ${money(turnover.headcount)}, mean salary ${money(turnover.meanSalary)}; +${options.deltaPoints} points → ${turnover.avoidedLeavers.toFixed(2)} leavers avoided a year`,
    );
    const ratios: { label: string; ratio: number }[] = COST_RATIO_PRESETS.map((preset) => ({
      label: `${Math.round(preset.ratio * 100)}% (${preset.id})`,
      ratio: preset.ratio,
    }));
    if (!ratios.some((entry) => Math.abs(entry.ratio - options.costRatio) < 1e-12))
      ratios.push({ label: `${+(options.costRatio * 100).toFixed(2)}% (yours)`, ratio: options.costRatio });
    const moneyRows = [["cost ratio", "value of +1 point", `value of +${options.deltaPoints} points`]];
    for (const entry of ratios) {
      const preset = turnover.presets.find((candidate) => Math.abs(candidate.costRatio - entry.ratio) < 1e-12);
      // The user's ratio is the request's: the engine valued it as valuePerPoint / valueOfDelta.
      const perPoint = preset ? preset.valuePerPoint : turnover.valuePerPoint;
      const ofDelta = preset ? preset.valueOfDelta : turnover.valueOfDelta;
      moneyRows.push([entry.label, money(perPoint), money(ofDelta)]);
    }
    lines.push(...alignColumns(moneyRows, [false, true, true]).map((line) => `  ${line}`));
  } else if (result.turnoverSkipped) {
    lines.push("", `Turnover money: ${result.turnoverSkipped}`);
  }
  return `${lines.join("\n")}\n`;
}
