/**
 * Values inside the formula evaluator: a scalar (number, text, boolean, blank, error) or a
 * rectangle of scalars (a range, a spilled array). Excel's error values are FormulaError objects
 * carrying the message of the function that raised them, so the preview can show why.
 */

export class FormulaError {
  constructor(
    readonly code: string,
    readonly message: string = code,
  ) {}

  toString(): string {
    return this.code;
  }
}

export type Scalar = number | string | boolean | null | FormulaError;
export type Matrix = Scalar[][];
export type FormulaValue = Scalar | Matrix;

export function isMatrix(value: FormulaValue): value is Matrix {
  return Array.isArray(value);
}

export function isFormulaError(value: unknown): value is FormulaError {
  return value instanceof FormulaError;
}

/** A 1×1 matrix is used as its single value, as Excel does in a scalar position. */
export function asScalar(value: FormulaValue): Scalar {
  if (!isMatrix(value)) return value;
  if (value.length === 1 && value[0].length === 1) return value[0][0];
  return new FormulaError("#VALUE!", "a range was given where one value is expected");
}

export function asMatrix(value: FormulaValue): Matrix {
  return isMatrix(value) ? value : [[value]];
}

/** Numeric reading of a scalar in arithmetic: blank is 0, TRUE is 1, numeric text is its number. */
export function toNumber(value: Scalar): number | FormulaError {
  if (value === null) return 0;
  if (typeof value === "number") return value;
  if (typeof value === "boolean") return value ? 1 : 0;
  if (isFormulaError(value)) return value;
  const number = Number(value);
  return value.trim() !== "" && Number.isFinite(number)
    ? number
    : new FormulaError("#VALUE!", `text ${JSON.stringify(value)} is not a number`);
}

export function toBoolean(value: Scalar): boolean | FormulaError {
  if (isFormulaError(value)) return value;
  if (typeof value === "boolean") return value;
  if (value === null) return false;
  if (typeof value === "number") return value !== 0;
  const upper = value.toUpperCase();
  if (upper === "TRUE" || upper === "FALSE") return upper === "TRUE";
  return new FormulaError("#VALUE!", `text ${JSON.stringify(value)} is not TRUE or FALSE`);
}
