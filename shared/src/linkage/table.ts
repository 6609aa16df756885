import { SymError } from "../errors";
import type { ParsedLinkageRequest, UnitRow } from "./schemas";

/**
 * The observations a linkage analysis correlates: one per unit (per unit and wave; with `lag`,
 * employee metrics of wave t paired with outcomes of wave t+1 of the same unit). Missing values
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

/** Waves in order: numerically when every wave is a number, else as text. */
export function orderWaves(waves: readonly string[]): string[] {
  const distinct = [...new Set(waves)];
  const numeric = distinct.every((wave) => Number.isFinite(Number(wave)));
  return distinct.sort((a, b) => (numeric ? Number(a) - Number(b) : a.localeCompare(b)));
}

function metric(row: UnitRow, name: string): number {
  if (name === "turnover" && row.metrics.turnover === undefined && row.leavers !== undefined && row.headcount) {
    return row.leavers / row.headcount; // DOMAIN.md: turnover rate = leavers / average headcount
  }
  const value = row.metrics[name];
  return value === null || value === undefined ? Number.NaN : value;
}

function checkNamedMetrics(units: readonly UnitRow[], names: readonly string[]): void {
  for (const name of names) {
    const known = units.some((row) => row.metrics[name] !== undefined || (name === "turnover" && row.leavers !== undefined && row.headcount !== undefined));
    if (!known) {
      const available = [...new Set(units.flatMap((row) => Object.keys(row.metrics)))].sort();
      throw new SymError("invalid-argument", `linkage metric "${name}" is not a column of the units (available: ${available.join(", ") || "none"})`, {
        value: name,
      });
    }
  }
}

/** Builds the observations of a linkage request. */
export function buildAnalysisTable(request: ParsedLinkageRequest): AnalysisTable {
  checkNamedMetrics(request.units, [...request.x, ...request.y, ...(request.drivers?.predictors ?? [])]);
  const kept = request.units.filter((row) => row.employeesN >= request.minN);
  const excludedUnits = new Set(request.units.filter((row) => row.employeesN < request.minN).map((row) => row.unit));
  const pairs: { employee: UnitRow; outcome: UnitRow }[] = [];
  if (request.lag) {
    const waves = orderWaves(kept.map((row) => row.wave ?? ""));
    if (kept.some((row) => row.wave === undefined)) throw new SymError("invalid-argument", "linkage with lag requires a wave on every unit row");
    const next = new Map(waves.slice(0, -1).map((wave, index) => [wave, waves[index + 1]]));
    const byKey = new Map(kept.map((row) => [`${row.unit}\u0000${row.wave}`, row]));
    for (const row of kept) {
      const following = next.get(row.wave!);
      const outcome = following === undefined ? undefined : byKey.get(`${row.unit}\u0000${following}`);
      if (outcome) pairs.push({ employee: row, outcome });
    }
  } else {
    const seen = new Set<string>();
    for (const row of kept) {
      const key = `${row.unit}\u0000${row.wave ?? ""}`;
      if (seen.has(key)) throw new SymError("invalid-argument", `unit "${row.unit}"${row.wave ? ` wave "${row.wave}"` : ""} appears twice`, { value: row.unit });
      seen.add(key);
      pairs.push({ employee: row, outcome: row });
    }
  }
  const column = (names: readonly string[], pick: (pair: (typeof pairs)[number]) => UnitRow) =>
    Object.fromEntries(names.map((name) => [name, Float64Array.from(pairs, (pair) => metric(pick(pair), name))]));
  const predictors = request.drivers?.predictors ?? [];
  const turnoverX = request.turnover ? [request.turnover.x] : [];
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
