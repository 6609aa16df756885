/**
 * Size of what Office.js sends to Excel or gets back: Excel on the web refuses a request or a
 * response over 5 MB ("Resource limits and performance optimization for Office Add-ins"), so
 * reads and writes are cut by these bytes, not by a count of cells.
 */

/** Excel on the web: 5 MB per request and per response. */
export const PAYLOAD_LIMIT_BYTES = 5 * 1024 * 1024;

/** UTF-8 length of a string without TextEncoder or Buffer (also runs under jsdom and in the browser). */
export function utf8Length(text: string): number {
  let bytes = 0;
  for (let index = 0; index < text.length; index++) {
    const code = text.charCodeAt(index);
    if (code < 0x80) bytes += 1;
    else if (code < 0x800) bytes += 2;
    else if (code >= 0xd800 && code <= 0xdbff && index + 1 < text.length) {
      bytes += 4; // a surrogate pair is one 4-byte character
      index++;
    } else bytes += 3;
  }
  return bytes;
}

/** Bytes of the payload once serialised as JSON (UTF-8), as Office.js sends it. */
export function payloadBytes(payload: unknown): number {
  return utf8Length(JSON.stringify(payload) ?? "");
}

export interface RowSlice {
  /** First row (0-based, inclusive) and the row after the last. */
  readonly start: number;
  readonly end: number;
  readonly bytes: number;
}

/**
 * Consecutive row slices of `rows`, each at most `budget` bytes once serialised (a single row over
 * the budget is a slice of its own: the caller's request limit then refuses it with its size).
 */
export function rowSlicesByBytes(rows: readonly (readonly unknown[])[], budget: number): RowSlice[] {
  const slices: RowSlice[] = [];
  let start = 0;
  let bytes = 2; // the outer brackets
  rows.forEach((row, index) => {
    const rowBytes = payloadBytes(row) + 1; // and its comma
    if (index > start && bytes + rowBytes > budget) {
      slices.push({ start, end: index, bytes });
      start = index;
      bytes = 2;
    }
    bytes += rowBytes;
  });
  if (rows.length > start) slices.push({ start, end: rows.length, bytes });
  return slices;
}
