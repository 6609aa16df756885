import { SymError, describeValue } from "../errors";
import { readAnswer, type Cell } from "../scale/answers";

/**
 * A worksheet range as Excel hands it to a custom function: an array of rows, each an array of
 * cells (rows are respondents, columns are items). The engine reads it in place: no copy.
 */
export type CellRange = readonly (readonly Cell[])[];

export interface RangeShape {
  readonly rows: number;
  readonly columns: number;
}

/**
 * The shape of a range. Excel always passes rectangles; hand-built arrays may not be, and a
 * ragged range would silently misalign respondents, so it is a `shape-mismatch`.
 *
 * @throws shape-mismatch when rows differ in length or the value is not an array of rows
 */
export function rangeShape(range: CellRange, argument: string): RangeShape {
  if (!Array.isArray(range)) {
    throw new SymError("shape-mismatch", `${argument} must be a range (rows of cells), got ${describeValue(range)}`, { value: range });
  }
  const rows = range.length;
  const columns = rows > 0 && Array.isArray(range[0]) ? range[0].length : 0;
  for (let row = 0; row < rows; row++) {
    const cells = range[row];
    if (!Array.isArray(cells) || cells.length !== columns) {
      throw new SymError(
        "shape-mismatch",
        `${argument} must be rectangular: row ${row + 1} has ${Array.isArray(cells) ? cells.length : 0} cells, row 1 has ${columns}`,
        { row: row + 1 },
      );
    }
  }
  return { rows, columns };
}

/**
 * The shape a range claims from its first row, without visiting the others: the hot loops check
 * each row's length as they read it (`checkRowLength`), so a million rows are walked only once.
 */
export function declaredShape(range: CellRange, argument: string): RangeShape {
  if (!Array.isArray(range)) {
    throw new SymError("shape-mismatch", `${argument} must be a range (rows of cells), got ${describeValue(range)}`, { value: range });
  }
  const first = range.length > 0 ? range[0] : undefined;
  return { rows: range.length, columns: Array.isArray(first) ? first.length : 0 };
}

/** Fails with `shape-mismatch` for a row whose length differs from the first row's (a ragged range). */
export function failRaggedRow(cells: unknown, columns: number, argument: string, row: number): never {
  const length = Array.isArray(cells) ? cells.length : 0;
  throw new SymError("shape-mismatch", `${argument} must be rectangular: row ${row} has ${length} cells, row 1 has ${columns}`, { row });
}

/**
 * Requires a single column or a single row (one answer per respondent), as for a 0–10
 * recommendation question, where averaging several columns would not give a 0–10 answer.
 */
export function vectorShape(range: CellRange, argument: string, checkRows = true): RangeShape {
  const shape = checkRows ? rangeShape(range, argument) : declaredShape(range, argument);
  if (shape.rows > 1 && shape.columns > 1) {
    throw new SymError("shape-mismatch", `${argument} must be one column (or one row), got ${shape.rows} rows × ${shape.columns} columns`, {
      value: shape,
    });
  }
  return shape;
}

/** Requires two ranges of the same shape (pairs, weights, groups aligned with answers). */
export function checkSameShape(first: RangeShape, second: RangeShape, firstName: string, secondName: string): void {
  if (first.rows !== second.rows || first.columns !== second.columns) {
    throw new SymError(
      "shape-mismatch",
      `${firstName} (${first.rows} × ${first.columns}) and ${secondName} (${second.rows} × ${second.columns}) must have the same shape`,
      { value: { [firstName]: first, [secondName]: second } },
    );
  }
}

/**
 * Rethrows an engine error raised by one cell with its place in the range: the argument name and
 * the 1-based row and column, so the analyst can find the cell.
 */
export function failAt(error: unknown, argument: string, row: number, column: number): never {
  if (error instanceof SymError) {
    throw new SymError(error.code, `${error.message} in ${argument} at row ${row}, column ${column}`, {
      ...error.details,
      row,
      column,
    });
  }
  throw error;
}

/**
 * Reads a cell that is not a plain number (the slow path): blanks and declared non-answers are
 * missing (NaN), numeric text is a number, anything else fails with its position.
 */
export function readCellAt(cell: Cell, argument: string, row: number, column: number): number {
  try {
    return readAnswer(cell);
  } catch (error) {
    return failAt(error, argument, row, column);
  }
}

/** Fails with `out-of-scale` for a number outside [min, max], naming the cell. */
export function failOutOfScale(value: number, min: number, max: number, argument: string, row: number, column: number): never {
  return failAt(new SymError("out-of-scale", `answer ${value} is outside the scale ${min}–${max}`, { value }), argument, row, column);
}

/** Reads one answer on a scale at a position: NaN when blank or a declared non-answer. */
export function readInScaleAt(cell: Cell, min: number, max: number, argument: string, row: number, column: number): number {
  const value = typeof cell === "number" && Number.isFinite(cell) ? cell : readCellAt(cell, argument, row, column);
  if (value !== value) return value;
  if (!(value >= min && value <= max)) failOutOfScale(value, min, max, argument, row, column);
  return value;
}
