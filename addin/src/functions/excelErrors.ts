import { isSymError, type SymErrorCode } from "@symmetry/engine";

/** The Excel error values the custom functions return. */
export type ExcelErrorCode = "#VALUE!" | "#N/A" | "#DIV/0!" | "#NUM!";

/**
 * Engine error codes to Excel error values, as Excel's own functions answer: bad input `#VALUE!`;
 * a figure that must not or cannot be shown `#N/A` (like a failed lookup); a zero denominator or
 * constant data `#DIV/0!` (like AVERAGE of nothing, CORREL or T.TEST on constant data); more work
 * than a limit allows `#NUM!` (as Excel answers a result too large to compute).
 */
const EXCEL_CODES: Record<SymErrorCode, ExcelErrorCode> = {
  "invalid-answer": "#VALUE!",
  "out-of-scale": "#VALUE!",
  "not-recommendation": "#VALUE!",
  "shape-mismatch": "#VALUE!",
  "invalid-argument": "#VALUE!",
  "below-threshold": "#N/A",
  "too-few-values": "#N/A",
  "zero-variance": "#DIV/0!",
  "limit-exceeded": "#NUM!",
};

/** An error value outside Excel (plain Node, tests): an Error carrying the Excel `code`. */
export interface ExcelErrorLike extends Error {
  readonly code: ExcelErrorCode;
}

/** Excel shows custom messages only for these codes; the others must be built without one. */
const CODES_WITH_MESSAGE: ReadonlySet<ExcelErrorCode> = new Set(["#VALUE!", "#N/A"]);

interface CustomFunctionsGlobal {
  Error: new (code: CustomFunctions.ErrorCode, message?: string) => CustomFunctions.Error;
  ErrorCode: typeof CustomFunctions.ErrorCode;
}

/**
 * The runtime's error code for each value. `#DIV/0!` and `#NUM!` exist from
 * CustomFunctionsRuntime 1.3 ("Custom functions requirement sets"), which the manifest requires.
 */
const RUNTIME_CODES: Record<ExcelErrorCode, (codes: typeof CustomFunctions.ErrorCode) => CustomFunctions.ErrorCode> = {
  "#VALUE!": (codes) => codes.invalidValue,
  "#N/A": (codes) => codes.notAvailable,
  "#DIV/0!": (codes) => codes.divisionByZero,
  "#NUM!": (codes) => codes.invalidNumber,
};

function customFunctionsGlobal(): CustomFunctionsGlobal | undefined {
  const candidate = (globalThis as { CustomFunctions?: CustomFunctionsGlobal }).CustomFunctions;
  return candidate && typeof candidate.Error === "function" ? candidate : undefined;
}

/**
 * An Excel error value: `CustomFunctions.Error` inside Excel, else an `Error` with the same
 * `code` and message, so plain Node callers and tests see the same contract.
 */
export function excelError(code: ExcelErrorCode, message: string): CustomFunctions.Error | ExcelErrorLike {
  const runtime = customFunctionsGlobal();
  if (runtime) {
    const errorCode = RUNTIME_CODES[code](runtime.ErrorCode);
    return CODES_WITH_MESSAGE.has(code) ? new runtime.Error(errorCode, message) : new runtime.Error(errorCode);
  }
  return Object.assign(new Error(message), { code }) as ExcelErrorLike;
}

/** Maps anything thrown by the engine to the Excel error to throw; unexpected errors become `#VALUE!`. */
export function toExcelError(error: unknown): CustomFunctions.Error | ExcelErrorLike {
  if (isSymError(error)) return excelError(EXCEL_CODES[error.code], error.message);
  const message = error instanceof Error ? error.message : String(error);
  return excelError("#VALUE!", message);
}

/** Runs one computation and rethrows any failure as the matching Excel error value. */
export function withExcelErrors<T>(compute: () => T): T {
  try {
    return compute();
  } catch (error) {
    throw toExcelError(error);
  }
}
