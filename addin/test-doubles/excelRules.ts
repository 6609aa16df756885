import { PAYLOAD_LIMIT_BYTES, payloadBytes } from "../src/taskpane/workbook/payload";

/**
 * The rules real Excel enforces on what an add-in writes (PLATFORM.md), shared by the in-memory
 * workbook and the strict layer around office-addin-mock, so that neither stand-in is more lenient
 * than Excel. Each broken rule throws an `ExcelRuleError` carrying the Office.js error code.
 *
 * Sources: Range.values reference and OfficeDev/office-js#1025 (array size); "Resource limits and
 * performance optimization for Office Add-ins" (5 MB per request and response on the web); Excel
 * specifications and limits (sheet names, cell length, grid).
 */

export type OfficeErrorCode =
  | "InvalidArgument"
  | "RequestPayloadSizeLimitExceeded"
  | "ResponsePayloadSizeLimitExceeded"
  | "PropertyNotLoaded"
  | "InvalidReference"
  | "ItemNotFound";

export class ExcelRuleError extends Error {
  constructor(
    readonly code: OfficeErrorCode,
    message: string,
  ) {
    super(`${code}: ${message}`);
    this.name = "ExcelRuleError";
  }
}

export const EXCEL_ROWS = 1_048_576;
export const EXCEL_COLUMNS = 16_384;
export const MAX_CELL_CHARACTERS = 32_767;
export const MAX_SHEET_NAME = 31;
export { PAYLOAD_LIMIT_BYTES, payloadBytes, utf8Length } from "../src/taskpane/workbook/payload";

/** The array must be rectangular and exactly rows × columns, as Excel requires for values/formulas/numberFormat. */
export function assertArrayFitsRange(array: readonly (readonly unknown[])[], rows: number, columns: number, what: string): void {
  const ragged = array.some((row) => row.length !== columns);
  if (array.length !== rows || ragged) {
    throw new ExcelRuleError(
      "InvalidArgument",
      `The number of rows or columns in the input array doesn't match the size or dimensions of the range (${what}: range ${rows}×${columns}, array ${array.length} rows of ${[...new Set(array.map((row) => row.length))].join("/")} columns)`,
    );
  }
}

/** An array written to Excel must be rectangular (its own size is the range's size). */
export function assertRectangular(array: readonly (readonly unknown[])[], what: string): void {
  const columns = array[0]?.length ?? 0;
  if (array.length === 0 || columns === 0) throw new ExcelRuleError("InvalidArgument", `empty array written to ${what}`);
  assertArrayFitsRange(array, array.length, columns, what);
}

/** Sheet names: 1–31 characters, none of : \ / ? * [ ], not starting or ending with an apostrophe. */
export function assertSheetName(name: string): void {
  if (name.length === 0 || name.length > MAX_SHEET_NAME || /[:\\/?*[\]]/.test(name) || name.startsWith("'") || name.endsWith("'")) {
    throw new ExcelRuleError(
      "InvalidArgument",
      `"${name}" is not a valid sheet name (1–${MAX_SHEET_NAME} characters, none of : \\ / ? * [ ])`,
    );
  }
}

/** A cell holds at most 32,767 characters (a formula at most 8,192). */
export function assertCellText(value: unknown, where: string, limit = MAX_CELL_CHARACTERS): void {
  if (typeof value === "string" && value.length > limit) {
    throw new ExcelRuleError("InvalidArgument", `${where} holds ${value.length} characters, more than Excel's ${limit}`);
  }
}

/** Rows 0…1,048,575 and columns 0…16,383. */
export function assertWithinGrid(row: number, column: number, where: string): void {
  if (row < 0 || column < 0 || row >= EXCEL_ROWS || column >= EXCEL_COLUMNS) {
    throw new ExcelRuleError("InvalidArgument", `${where} is outside Excel's grid of ${EXCEL_ROWS} rows × ${EXCEL_COLUMNS} columns`);
  }
}

export function assertPayload(payload: unknown, direction: "request" | "response", limit = PAYLOAD_LIMIT_BYTES): number {
  const bytes = payloadBytes(payload);
  if (bytes > limit) {
    throw new ExcelRuleError(
      direction === "request" ? "RequestPayloadSizeLimitExceeded" : "ResponsePayloadSizeLimitExceeded",
      `the ${direction} is ${bytes} bytes, over Excel on the web's limit of ${limit} bytes: cut it by bytes`,
    );
  }
  return bytes;
}
