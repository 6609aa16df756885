import type { UnitRow } from "@symmetry/engine";
import { SymError, describeList, describeValue } from "@symmetry/engine/errors";
import { normaliseHeader } from "@symmetry/engine/model/headers";
import { NON_ANSWERS, parseNumericText } from "@symmetry/engine/scale/answers";
import { readCsvFile } from "../csv/csvFile";
import { ColumnKind } from "../csv/recordParser";

/**
 * The units file of `sym link --units U.csv`: one row a unit (per wave when a `wave` column is
 * present) with `employees_n` (employee respondents behind the unit's employee metrics, the
 * confidentiality count), optional `headcount`, `leavers`, `salary`, and numeric metric columns
 * (`enps`, `symmetry`, `culture`, `nps`, `turnover`…) named by `--x` and `--y`.
 */

const ROLE_NAMES = {
  unit: ["unit", "unite", "store", "magasin", "team", "equipe"],
  wave: ["wave", "vague", "period", "periode"],
  employeesN: ["employees_n", "employees n", "n_employees", "effectif_repondants", "repondants", "n"],
  headcount: ["headcount", "effectif"],
  leavers: ["leavers", "departs", "exits"],
  salary: ["salary", "average_salary", "average salary", "salaire", "salaire_annuel_moyen", "salaire annuel moyen", "salaire moyen"],
} as const;

type Role = keyof typeof ROLE_NAMES;

export interface UnitMetricsRead {
  readonly units: UnitRow[];
  /** Metric columns of the file (every column that is not a unit, wave, count or money column). */
  readonly metricColumns: string[];
}

/** Which metric columns a run needs: only these are decoded, so a text column elsewhere is harmless. */
export interface UnitMetricsNeeds {
  readonly metrics: readonly string[];
}

function roleOf(header: string): Role | undefined {
  const name = normaliseHeader(header);
  return (Object.keys(ROLE_NAMES) as Role[]).find((role) => (ROLE_NAMES[role] as readonly string[]).includes(name));
}

/** Names an object key cannot carry safely (assigning `__proto__` sets the prototype instead). */
function isReservedName(name: string): boolean {
  return RESERVED_NAMES.has(name);
}
const RESERVED_NAMES = new Set(["__proto__"]);

/** A metric or a count: blank and declared non-answers are missing, anything but a number is an error. */
function readMetric(text: string): number {
  const trimmed = text.trim();
  if (NON_ANSWERS.includes(trimmed.toUpperCase())) return Number.NaN;
  const number = parseNumericText(trimmed.replace(/[\s\u00a0\u202f]/g, ""));
  if (number === undefined) throw new SymError("invalid-answer", `${JSON.stringify(text)} is not a number`, { value: text });
  return number;
}

/**
 * Reads the units file. Unknown metric names are refused here with the list of the file's metric
 * columns, before any statistic runs.
 *
 * @throws SymError naming the file, row, column and value of a non-numeric cell, a missing
 *   `unit` or `employees_n` column, or a metric that is not a column
 */
export function readUnitMetricsFile(file: string, needs: UnitMetricsNeeds): UnitMetricsRead {
  const units: UnitRow[] = [];
  let metricColumns: string[] = [];
  readCsvFile(file, (headers) => {
    const positions: Partial<Record<Role, number>> = {};
    const metricIndex = new Map<string, number>();
    headers.forEach((header, index) => {
      const role = roleOf(header);
      if (role && positions[role] === undefined) positions[role] = index;
      else if (header.trim() !== "") metricIndex.set(header.trim(), index);
    });
    metricColumns = [...metricIndex.keys()];
    const reserved = metricColumns.find(isReservedName);
    if (reserved !== undefined) {
      throw new SymError(
        "invalid-argument",
        `${file}: the column ${JSON.stringify(reserved)} has a name JavaScript objects reserve; rename it (for example ${JSON.stringify(reserved.replace(/^_+|_+$/g, "") || "metric")})`,
        { file, value: reserved },
      );
    }
    if (positions.unit === undefined)
      throw new SymError("invalid-argument", `${file} has no unit column (unit, unité…); its columns are ${describeList(headers)}`, {
        file,
      });
    if (positions.employeesN === undefined) {
      throw new SymError(
        "invalid-argument",
        `${file} has no employees_n column (employee respondents per unit, needed for the confidentiality threshold); its columns are ${describeList(headers)}`,
        { file },
      );
    }
    const wanted = [...new Set(needs.metrics)].filter((name) => !(name === "turnover" && !metricIndex.has(name)));
    for (const name of wanted) {
      if (!metricIndex.has(name)) {
        throw new SymError(
          "invalid-argument",
          `metric ${describeValue(name)} is not a column of ${file} (available: ${describeList(metricColumns) || "none"})`,
          { file, value: name },
        );
      }
    }
    const kinds = new Uint8Array(headers.length);
    kinds[positions.unit] = ColumnKind.Text;
    if (positions.wave !== undefined) kinds[positions.wave] = ColumnKind.Text;
    for (const role of ["employeesN", "headcount", "leavers", "salary"] as const)
      if (positions[role] !== undefined) kinds[positions[role]!] = ColumnKind.Numeric;
    const metricPositions = wanted.map((name) => [name, metricIndex.get(name)!] as const);
    for (const [, index] of metricPositions) kinds[index] = ColumnKind.Numeric;
    return {
      kinds,
      readSlowNumber: readMetric,
      record(values, texts) {
        const unit = texts[positions.unit!].trim();
        if (unit === "") return;
        const count = values[positions.employeesN!];
        if (!Number.isInteger(count) || count < 0) {
          throw new SymError(
            "invalid-answer",
            `employees_n must be a whole number of respondents, got ${Number.isNaN(count) ? "blank" : count}`,
            {
              column: positions.employeesN! + 1,
              value: Number.isNaN(count) ? "" : count,
            },
          );
        }
        // fromEntries defines own properties: a column named "constructor" is a metric like any other.
        const metrics: Record<string, number | null> = Object.fromEntries(
          metricPositions.map(([name, index]) => [name, Number.isNaN(values[index]) ? null : values[index]]),
        );
        const row: { -readonly [K in keyof UnitRow]: UnitRow[K] } = { unit, employeesN: count, metrics };
        if (positions.wave !== undefined && texts[positions.wave].trim() !== "") row.wave = texts[positions.wave].trim();
        for (const role of ["headcount", "leavers", "salary"] as const) {
          const index = positions[role];
          if (index === undefined || Number.isNaN(values[index])) continue;
          if (values[index] < 0)
            throw new SymError("invalid-answer", `${role} must not be negative`, { column: index + 1, value: values[index] });
          row[role] = values[index];
        }
        if (row.leavers !== undefined && row.headcount !== undefined && row.leavers > row.headcount) {
          throw new SymError("invalid-answer", `leavers ${row.leavers} exceed the headcount ${row.headcount}`, {
            column: positions.leavers! + 1,
            value: row.leavers,
          });
        }
        units.push(row);
      },
    };
  });
  return { units, metricColumns };
}
