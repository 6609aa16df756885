import { SymError, describeList } from "../errors";
import type { ParsedLinkageRequest, UnitRow } from "./schemas";

/**
 * The observations a linkage analysis correlates: one per unit (per unit and wave; with `lag`,
 * employee metrics of wave t paired with outcomes of wave t+1 of the same unit), in (wave, unit)
 * order. Missing values
 * are NaN; units under the confidentiality threshold are left out and counted.
 */
export interface AnalysisTable {
  readonly rows: number;
  readonly units: number;
  readonly excluded: number;
  readonly labels: string[];
  readonly x: Record<string, Float64Array>;
  readonly y: Record<string, Float64Array>;
  /** Turnover inputs aligned with the rows (NaN where missing). */
  readonly headcount: Float64Array;
  readonly leavers: Float64Array;
  readonly salary: Float64Array;
}

/**
 * Waves in order: numerically when every wave is a number ("9.5" before "10"); otherwise digit
 * runs compare by value and the rest by code point, so "wave 9" comes before "wave 10" and ISO
 * dates ("2024-03") in calendar order. Plain code points rather than a locale collation, so every
 * runtime (Node, browser, Functions) agrees.
 */
export function orderWaves(waves: readonly string[]): string[] {
  return [...new Set(waves)].sort(waveComparator(waves));
}

function isNumericWave(wave: string): boolean {
  return wave.trim() !== "" && Number.isFinite(Number(wave));
}

/** The comparison `orderWaves` uses for these waves. */
function waveComparator(waves: readonly string[]): (first: string, second: string) => number {
  if (waves.length > 0 && waves.every(isNumericWave))
    return (first, second) => Number(first) - Number(second) || compareText(first, second);
  return compareWaves;
}

function compareText(first: string, second: string): number {
  return first < second ? -1 : first > second ? 1 : 0;
}

function waveParts(wave: string): string[] {
  return wave.match(/\d+|\D+/g) ?? [];
}

function compareWaves(first: string, second: string): number {
  const a = waveParts(first);
  const b = waveParts(second);
  for (let index = 0; index < Math.min(a.length, b.length); index++) {
    const digits = /^\d/.test(a[index]) && /^\d/.test(b[index]);
    if (digits) {
      const difference = Number(a[index]) - Number(b[index]);
      if (difference !== 0) return difference;
    }
    if (a[index] !== b[index]) return compareText(a[index], b[index]); // "02" and "2" keep a stable order
  }
  return a.length - b.length || compareText(first, second);
}

function metric(row: UnitRow, name: string): number {
  if (name === "turnover" && row.metrics.turnover === undefined && row.leavers !== undefined && row.headcount) {
    return row.leavers / row.headcount; // docs/domain.md#turnover: turnover rate = leavers / average headcount
  }
  const value = row.metrics[name];
  return value === null || value === undefined ? Number.NaN : value;
}

function checkNamedMetrics(units: readonly UnitRow[], names: readonly string[]): void {
  for (const name of names) {
    const known = units.some(
      (row) => row.metrics[name] !== undefined || (name === "turnover" && row.leavers !== undefined && row.headcount !== undefined),
    );
    if (!known) {
      const available = [...new Set(units.flatMap((row) => Object.keys(row.metrics)))].sort();
      throw new SymError(
        "invalid-argument",
        `linkage metric "${name}" is not a column of the units (available: ${describeList(available) || "none"})`,
        {
          value: name,
        },
      );
    }
  }
}

function rowKey(row: UnitRow): string {
  return `${row.unit}\u0000${row.wave ?? ""}`;
}

function checkDistinctRows(units: readonly UnitRow[]): void {
  const seen = new Set<string>();
  units.forEach((row, index) => {
    const key = rowKey(row);
    if (seen.has(key)) {
      throw new SymError(
        "invalid-argument",
        `unit "${row.unit}"${row.wave ? ` wave "${row.wave}"` : ""} appears twice (row ${index + 1})`,
        {
          value: row.unit,
          row: index + 1,
        },
      );
    }
    seen.add(key);
  });
}

/**
 * Builds the observations of a linkage request. Rows of units under `minN` employees are left
 * out (docs/domain.md#confidentiality) and their units counted in `excluded`.
 *
 * @throws invalid-argument on an unknown metric, a duplicate (unit, wave), or lag without waves
 */
export function buildAnalysisTable(request: ParsedLinkageRequest): AnalysisTable {
  const turnoverX = request.turnover ? [request.turnover.x] : [];
  checkNamedMetrics(request.units, [...request.x, ...request.y, ...(request.drivers?.predictors ?? []), ...turnoverX]);
  checkDistinctRows(request.units);
  // Rows in (wave, unit) order whatever the input order, so that the CLI, the add-in and the API
  // draw the same bootstrap resamples from the same units.
  const compareWave = waveComparator(request.units.map((row) => row.wave ?? ""));
  const kept = request.units
    .filter((row) => row.employeesN >= request.minN)
    .sort((a, b) => compareWave(a.wave ?? "", b.wave ?? "") || compareText(a.unit, b.unit));
  const excludedUnits = new Set(request.units.filter((row) => row.employeesN < request.minN).map((row) => row.unit));
  const pairs: { employee: UnitRow; outcome: UnitRow }[] = [];
  if (request.lag) {
    const withoutWave = request.units.findIndex((row) => row.wave === undefined);
    if (withoutWave >= 0) {
      throw new SymError(
        "invalid-argument",
        `linkage with lag requires a wave on every unit row; unit "${request.units[withoutWave].unit}" has none`,
        {
          value: request.units[withoutWave].unit,
          row: withoutWave + 1,
        },
      );
    }
    // Every wave of the request, kept or not: when a whole wave is under the threshold, its
    // neighbours must not become "consecutive".
    const waves = orderWaves(request.units.map((row) => row.wave!));
    const next = new Map(waves.slice(0, -1).map((wave, index) => [wave, waves[index + 1]]));
    const byKey = new Map(kept.map((row) => [rowKey(row), row]));
    for (const row of kept) {
      const following = next.get(row.wave!);
      const outcome = following === undefined ? undefined : byKey.get(`${row.unit}\u0000${following}`);
      if (outcome) pairs.push({ employee: row, outcome });
    }
  } else {
    for (const row of kept) pairs.push({ employee: row, outcome: row });
  }
  const column = (names: readonly string[], pick: (pair: (typeof pairs)[number]) => UnitRow) =>
    Object.fromEntries(names.map((name) => [name, Float64Array.from(pairs, (pair) => metric(pick(pair), name))]));
  const predictors = request.drivers?.predictors ?? [];
  return {
    rows: pairs.length,
    units: new Set(pairs.map((pair) => pair.employee.unit)).size,
    excluded: excludedUnits.size,
    labels: pairs.map((pair) => (pair.employee.wave ? `${pair.employee.unit} (${pair.employee.wave})` : pair.employee.unit)),
    x: column([...new Set([...request.x, ...predictors, ...turnoverX])], (pair) => pair.employee),
    y: column(request.y, (pair) => pair.outcome),
    headcount: Float64Array.from(pairs, (pair) => pair.outcome.headcount ?? Number.NaN),
    leavers: Float64Array.from(pairs, (pair) => pair.outcome.leavers ?? Number.NaN),
    salary: Float64Array.from(pairs, (pair) => pair.outcome.salary ?? Number.NaN),
  };
}
