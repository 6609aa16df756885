import { columnLetters, type RangeAddress } from "../workbook/a1";
import { payloadBytes } from "../workbook/payload";
import type { CellValue, WorkbookPort } from "../workbook/WorkbookPort";

/**
 * Reads a large range in row chunks cut by bytes: Excel on the web refuses a response over 5 MB
 * ("Resource limits and performance optimization for Office Add-ins"), whatever the number of
 * cells, so a chunk is sized from the bytes per row measured on the chunks already read, to stay
 * under `maxBytes` (4 MB by default, headroom for Office's own envelope). A chunk refused for its
 * size anyway (a run of long texts further down) is read again in halves.
 *
 * Only the columns asked for are read: the unmapped columns between them (free-text comments,
 * often the heaviest) are never sent. Between chunks it yields to the event loop (the pane stays
 * responsive) and checks the AbortSignal (the Cancel button).
 */

export const DEFAULT_MAX_BYTES_PER_CHUNK = 4 * 1024 * 1024;
/** Rows of the first chunk, before any size is measured. */
export const FIRST_CHUNK_ROWS = 1_000;
/** Margin on the measured bytes per row: the rows further down may be a little longer. */
const SIZE_MARGIN = 1.25;

export interface ChunkProgress {
  readonly rowsRead: number;
  readonly totalRows: number;
}

export interface ReadInChunksOptions {
  /** Largest response wanted per chunk, in bytes of serialised values. */
  readonly maxBytes?: number;
  /** Optional ceiling on the cells of a chunk (tests use it for small, predictable chunks). */
  readonly maxCells?: number;
  /** Sheet columns (0-based) to read, in any order; default: every column of the range. */
  readonly columns?: readonly number[];
  readonly signal?: AbortSignal;
  readonly onProgress?: (progress: ChunkProgress) => void;
}

export function abortError(): Error {
  const error = new Error("The operation was cancelled");
  error.name = "AbortError";
  return error;
}

export function isAbortError(error: unknown): boolean {
  return error instanceof Error && error.name === "AbortError";
}

/** Excel's refusal of an oversized request or response (Office.js error code, also the stand-ins'). */
export function isPayloadTooLarge(error: unknown): boolean {
  const code = (error as { code?: unknown } | null)?.code;
  return typeof code === "string" && /PayloadSizeLimitExceeded$/.test(code);
}

const yieldToEventLoop = () => new Promise<void>((resolve) => setTimeout(resolve, 0));

/** Runs of adjacent columns: [1,2,3,7,8] → [[1,3],[7,8]] (each run is one rectangle to read). */
export function columnRuns(columns: readonly number[]): [number, number][] {
  const sorted = [...new Set(columns)].sort((a, b) => a - b);
  const runs: [number, number][] = [];
  for (const column of sorted) {
    const last = runs[runs.length - 1];
    if (last && column === last[1] + 1) last[1] = column;
    else runs.push([column, column]);
  }
  return runs;
}

/** Rows of the next chunk: from the largest bytes per row seen, under the budget and the cell ceiling. */
function nextChunkRows(bytesPerRow: number, width: number, options: ReadInChunksOptions): number {
  const byBytes =
    bytesPerRow > 0 ? Math.floor((options.maxBytes ?? DEFAULT_MAX_BYTES_PER_CHUNK) / (bytesPerRow * SIZE_MARGIN)) : FIRST_CHUNK_ROWS;
  const byCells = options.maxCells ? Math.floor(options.maxCells / width) : Number.POSITIVE_INFINITY;
  return Math.max(1, Math.min(byBytes, byCells));
}

async function readRows(
  port: WorkbookPort,
  sheet: string,
  runs: readonly [number, number][],
  top: number,
  bottom: number,
): Promise<CellValue[][]> {
  const addresses = runs.map(([left, right]) => `${columnLetters(left)}${top + 1}:${columnLetters(right)}${bottom + 1}`);
  if (addresses.length === 1) return port.readRange(sheet, addresses[0]);
  const parts = await port.readRanges(sheet, addresses);
  return parts[0].map((_, row) => parts.flatMap((part) => part[row]));
}

/**
 * Calls `onChunk(rows, firstRow)` for consecutive row chunks of `range` (firstRow: 0-based offset
 * inside the range). Each row holds the asked columns in ascending sheet order.
 *
 * @throws AbortError when the signal fires; nothing more is read after that
 */
export async function readInChunks(
  port: WorkbookPort,
  sheet: string,
  range: RangeAddress,
  onChunk: (rows: CellValue[][], firstRow: number) => void,
  options: ReadInChunksOptions = {},
): Promise<void> {
  const totalRows = range.bottom - range.top + 1;
  const runs = columnRuns(options.columns ?? Array.from({ length: range.right - range.left + 1 }, (_, index) => range.left + index));
  const width = runs.reduce((sum, [left, right]) => sum + right - left + 1, 0);
  let bytesPerRow = 0;
  let step = nextChunkRows(0, width, options);
  options.onProgress?.({ rowsRead: 0, totalRows });
  for (let offset = 0; offset < totalRows;) {
    if (options.signal?.aborted) throw abortError();
    const rowsWanted = Math.min(step, totalRows - offset);
    let rows: CellValue[][];
    try {
      rows = await readRows(port, sheet, runs, range.top + offset, range.top + offset + rowsWanted - 1);
    } catch (error) {
      if (!isPayloadTooLarge(error) || rowsWanted === 1) throw error;
      step = Math.ceil(rowsWanted / 2);
      continue;
    }
    onChunk(rows, offset);
    offset += rows.length;
    bytesPerRow = Math.max(bytesPerRow, payloadBytes(rows) / rows.length);
    step = nextChunkRows(bytesPerRow, width, options);
    options.onProgress?.({ rowsRead: offset, totalRows });
    await yieldToEventLoop();
  }
  if (options.signal?.aborted) throw abortError();
}
