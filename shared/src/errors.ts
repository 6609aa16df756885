/**
 * Domain errors as data: a string `code` and typed details, so each edge maps them
 * to its own vocabulary (Excel error values, HTTP 4xx JSON, CLI exit codes).
 */
export type SymErrorCode =
  | "invalid-answer" // text that is not a declared non-answer, a boolean, an object
  | "out-of-scale" // a number outside [lo, hi]
  | "not-recommendation" // not an integer 0–10 on a recommendation question
  | "shape-mismatch" // two ranges that should align do not
  | "too-few-values" // not enough answers for the statistic
  | "below-threshold" // under the confidentiality threshold
  | "zero-variance" // a statistic undefined for constant data
  | "invalid-argument" // a parameter out of its domain (scale, confidence, weights…)
  | "limit-exceeded"; // more work than a documented limit allows (units, pairs, replicates…)

/** Where a bad value sits: 1-based row and column inside the range or file it came from. */
export interface CellPosition {
  readonly row?: number;
  readonly column?: number;
  readonly columnName?: string;
  readonly file?: string;
}

export interface SymErrorDetails extends CellPosition {
  readonly value?: unknown;
  /** For `limit-exceeded`: the request field at fault and the limit it went over. */
  readonly field?: string;
  readonly limit?: number;
}

export class SymError extends Error {
  readonly code: SymErrorCode;
  readonly details: SymErrorDetails;

  constructor(code: SymErrorCode, message: string, details: SymErrorDetails = {}) {
    super(message);
    this.name = "SymError";
    this.code = code;
    this.details = details;
  }

  /** The same error with more context (file, column name…) and the message rewritten to carry it. */
  withContext(context: CellPosition): SymError {
    const details = { ...this.details, ...context };
    return new SymError(this.code, `${this.message}${describePosition(context, this.details)}`, details);
  }
}

export function isSymError(error: unknown): error is SymError {
  return error instanceof SymError;
}

/** Formats a value for a message: strings quoted, so "" and " " stay visible. */
export function describeValue(value: unknown): string {
  if (typeof value === "string") return JSON.stringify(value);
  if (value === null) return "null";
  if (value === undefined) return "undefined";
  if (typeof value === "object") return JSON.stringify(value);
  return String(value);
}

function describePosition(context: CellPosition, existing: CellPosition): string {
  const parts: string[] = [];
  if (context.file) parts.push(`file ${context.file}`);
  const row = context.row ?? existing.row;
  if (context.row !== undefined && row !== undefined) parts.push(`row ${row}`);
  if (context.columnName) parts.push(`column ${JSON.stringify(context.columnName)}`);
  return parts.length > 0 ? ` (${parts.join(", ")})` : "";
}
