import { SymError } from "../errors";
import { CONFIDENTIALITY_FLOOR } from "../privacy/suppression";
import { parseNumericText } from "../scale/answers";
import { runLinkage } from "../linkage/analysis";
import type { UnitRow } from "../linkage/schemas";
import { rangeShape, readCellAt, vectorShape, type CellRange } from "./cells";

/** docs/domain.md#key-drivers: driver analysis needs more units than a score (Culture Amp shows it above 25 responses). */
export const DEFAULT_MIN_DRIVER_UNITS = 25;

export interface DriverOfRange {
  /** The column's header when the range has a header row, else its 1-based position. */
  readonly dimension: string | number;
  /** Raw relative weight (the weights sum to R²). */
  readonly weight: number;
  /** Share of R² (the shares sum to 1). */
  readonly share: number;
  /** Percentile bootstrap interval of the share (null without bootstrap or when undefined). */
  readonly low: number | null;
  readonly high: number | null;
}

export interface DriversOfRanges {
  readonly drivers: DriverOfRange[];
  readonly rSquared: number;
  /** Units with every score and the outcome (complete cases). */
  readonly units: number;
}

export interface DriversOptions {
  /** Bootstrap replicates over units (0 = no interval); default 1000. */
  readonly bootstrap?: number;
  readonly seed?: number;
  readonly minUnits?: number;
  readonly confidence?: number;
}

/** True when the range's first row is a header row: every cell is text that is not a number. */
function hasHeaderRow(range: CellRange): boolean {
  const first = range[0];
  return (
    first !== undefined &&
    first.length > 0 &&
    first.every((cell) => typeof cell === "string" && cell.trim() !== "" && parseNumericText(cell.trim()) === undefined)
  );
}

function checkWholeNumber(value: number, minimum: number, name: string, maximum = Number.MAX_SAFE_INTEGER): number {
  if (!(Number.isInteger(value) && value >= minimum && value <= maximum)) {
    throw new SymError("invalid-argument", `DRIVERS requires ${name} to be a whole number from ${minimum} to ${maximum}, got ${value}`, {
      value,
    });
  }
  return value;
}

/**
 * Key drivers of an outcome across units (docs/domain.md#key-drivers): relative weights (Johnson
 * 2000; Tonidandel & LeBreton 2015) of the employee dimension scores on the outcome, their shares
 * of R², and percentile bootstrap intervals of the shares over units with a seeded generator.
 * Rows are units, columns are dimension scores; a row missing any score or the outcome is left
 * out (complete cases). An optional header row (all text) names the dimensions. The computation
 * is the linkage engine's (`runLinkage` with `drivers`), so the numbers equal `sym link --drivers`
 * and the task pane's Linkage sheet for the same units and seed.
 * Reference: R `rwa` (github.com/martinctc/rwa), numpy (shared/test/ranges/reference).
 *
 * @example driversOfRanges(scores, nps, { bootstrap: 1000, seed: 1 }).drivers[0] // { dimension: "culture", weight: 0.12, share: 0.34, low: 0.2, high: 0.5 }
 * @throws too-few-values under `minUnits` complete units or two score columns; zero-variance for
 *   a constant column or collinear scores; shape-mismatch when the outcome is not one column as
 *   tall as the scores; invalid-answer for text, naming its cell
 */
export function driversOfRanges(scores: CellRange, outcome: CellRange, options: DriversOptions = {}): DriversOfRanges {
  const bootstrap = checkWholeNumber(options.bootstrap ?? 1000, 0, "bootstrap", 100_000);
  const seed = checkWholeNumber(options.seed ?? 1, 0, "seed", 4_294_967_295);
  const minUnits = checkWholeNumber(options.minUnits ?? DEFAULT_MIN_DRIVER_UNITS, 3, "the minimum number of units");
  const shape = rangeShape(scores, "employee_dimension_scores");
  const outcomeShape = vectorShape(outcome, "outcome");
  if (outcomeShape.columns !== 1 || outcomeShape.rows !== shape.rows) {
    throw new SymError(
      "shape-mismatch",
      `outcome must be one column as tall as employee_dimension_scores (${shape.rows} rows), got ${outcomeShape.rows} × ${outcomeShape.columns}`,
      { value: outcomeShape },
    );
  }
  if (shape.columns < 2)
    throw new SymError("too-few-values", `DRIVERS requires at least two dimension score columns, got ${shape.columns}`, {
      value: shape.columns,
    });
  const headers = hasHeaderRow(scores);
  const labels: (string | number)[] = headers ? scores[0].map((cell) => String(cell).trim()) : scores[0].map((_, column) => column + 1);
  const ids = labels.map((_, column) => `d${column + 1}`);
  const units: UnitRow[] = [];
  for (let row = headers ? 1 : 0; row < shape.rows; row++) {
    const values = scores[row].map((cell, column) => readCellAt(cell, "employee_dimension_scores", row + 1, column + 1));
    const outcomeValue = readCellAt(outcome[row][0], "outcome", row + 1, 1);
    if (values.some((value) => value !== value) || outcomeValue !== outcomeValue) continue; // incomplete unit
    const metrics: Record<string, number> = { outcome: outcomeValue };
    ids.forEach((id, column) => (metrics[id] = values[column]));
    // Each row is already a unit's aggregate, shown in the user's own sheet; its respondent count
    // is not in the range, so it is set at the floor the linkage request accepts.
    // Zero-padded labels keep the units in row order (the engine resamples units in label order).
    units.push({ unit: `row ${String(row + 1).padStart(7, "0")}`, employeesN: CONFIDENTIALITY_FLOOR, metrics });
  }
  if (units.length < minUnits) {
    throw new SymError(
      "too-few-values",
      `DRIVERS requires at least ${minUnits} units with every score and the outcome, got ${units.length}`,
      { value: units.length },
    );
  }
  const columnOf = (id: string) => units.map((unit) => unit.metrics[id]!);
  for (const [index, id] of [...ids, "outcome"].entries()) {
    const values = columnOf(id);
    if (values.every((value) => value === values[0])) {
      const name = id === "outcome" ? "outcome" : `column ${typeof labels[index] === "string" ? `"${labels[index]}"` : labels[index]}`;
      throw new SymError(
        "zero-variance",
        `DRIVERS requires scores that vary across units; ${name} is ${values[0]} in all ${values.length} units`,
        { value: values[0] },
      );
    }
  }
  let result;
  try {
    result = runLinkage({
      units,
      x: ids,
      y: ["outcome"],
      methods: ["pearson"],
      bootstrap,
      seed,
      minN: CONFIDENTIALITY_FLOOR,
      confidence: options.confidence ?? 0.95,
      drivers: { minUnits },
    });
  } catch (error) {
    if (error instanceof SymError && error.code === "zero-variance") {
      throw new SymError(
        "zero-variance",
        `DRIVERS requires dimension scores that are not collinear (one column is a combination of others)`,
        error.details,
      );
    }
    throw error;
  }
  const drivers = result.drivers.map((row) => ({
    dimension: labels[ids.indexOf(row.id)],
    weight: row.weight,
    share: row.share,
    low: row.low,
    high: row.high,
  }));
  return { drivers, rSquared: result.drivers[0]?.rSquared ?? 0, units: units.length };
}
