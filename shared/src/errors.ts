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

/**
 * Most characters of input an error message quotes: a message names the bad value, it never
 * carries a file's content (a 95 MB "header" holding every respondent row).
 */
export const MAX_QUOTED_INPUT = 60;
/** Most characters of a list (headers, sheets, metrics) an error message shows. */
export const MAX_LISTED_INPUT = 200;

/** Cuts a text to `limit` characters, saying how long it was. */
export function truncateText(text: string, limit = MAX_QUOTED_INPUT): string {
  if (text.length <= limit) return text;
  return `${text.slice(0, limit)}… (${text.length.toLocaleString("en-GB")} characters)`;
}

/**
 * Formats a value for a message: strings quoted, so "" and " " stay visible, and cut to
 * {@link MAX_QUOTED_INPUT} characters.
 */
export function describeValue(value: unknown): string {
  if (typeof value === "string") {
    const quoted = JSON.stringify(value.slice(0, MAX_QUOTED_INPUT));
    return value.length > MAX_QUOTED_INPUT ? `${quoted}… (${value.length.toLocaleString("en-GB")} characters)` : quoted;
  }
  if (value === null) return "null";
  if (value === undefined) return "undefined";
  if (typeof value === "object") return truncateText(JSON.stringify(value) ?? String(value));
  return String(value);
}

/**
 * A list for a message (`a, b, c… and 1,204 more`), at most {@link MAX_LISTED_INPUT} characters
 * of items, each cut to {@link MAX_QUOTED_INPUT}.
 *
 * @example describeList(["unit", "enps"]) // "unit, enps"
 */
export function describeList(items: readonly string[], limit = MAX_LISTED_INPUT): string {
  const shown: string[] = [];
  let length = 0;
  for (const item of items) {
    const text = truncateText(item);
    if (shown.length > 0 && length + text.length + 2 > limit) break;
    shown.push(text);
    length += text.length + 2;
  }
  const rest = items.length - shown.length;
  return rest > 0 ? `${shown.join(", ")}… and ${rest.toLocaleString("en-GB")} more` : shown.join(", ");
}

function describePosition(context: CellPosition, existing: CellPosition): string {
  const parts: string[] = [];
  if (context.file) parts.push(`file ${context.file}`);
  const row = context.row ?? existing.row;
  if (context.row !== undefined && row !== undefined) parts.push(`row ${row}`);
  if (context.columnName) parts.push(`column ${JSON.stringify(context.columnName)}`);
  return parts.length > 0 ? ` (${parts.join(", ")})` : "";
}
