import { rangeText, type RangeAddress } from "../workbook/a1";
import type { CellValue, WorkbookPort } from "../workbook/WorkbookPort";

/**
 * Reads a large range in row chunks so each request stays under Office's payload limits
 * (Excel on the web caps a request/response at about 5 MB): at most `maxCells` cells a chunk,
 * e.g. 200 000 rows × 40 columns → chunks of 2 500 rows. Between chunks it yields to the event
 * loop (the pane stays responsive) and checks the AbortSignal (the Cancel button).
 */

export const DEFAULT_MAX_CELLS_PER_CHUNK = 100_000;

export interface ChunkProgress {
  readonly rowsRead: number;
  readonly totalRows: number;
}

export interface ReadInChunksOptions {
  readonly maxCells?: number;
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

const yieldToEventLoop = () => new Promise<void>((resolve) => setTimeout(resolve, 0));

/** Rows per chunk for a range `columns` wide. */
export function chunkRowCount(columns: number, maxCells = DEFAULT_MAX_CELLS_PER_CHUNK): number {
  return Math.max(1, Math.floor(maxCells / Math.max(columns, 1)));
}

/**
 * Calls `onChunk(rows, firstRow)` for consecutive row chunks of `range` (firstRow: 0-based offset
 * inside the range).
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
  const step = chunkRowCount(range.right - range.left + 1, options.maxCells);
  options.onProgress?.({ rowsRead: 0, totalRows });
  for (let offset = 0; offset < totalRows; offset += step) {
    if (options.signal?.aborted) throw abortError();
    const chunk: RangeAddress = { ...range, top: range.top + offset, bottom: Math.min(range.bottom, range.top + offset + step - 1) };
    const rows = await port.readRange(sheet, rangeText(chunk));
    onChunk(rows, offset);
    options.onProgress?.({ rowsRead: Math.min(totalRows, offset + step), totalRows });
    await yieldToEventLoop();
  }
  if (options.signal?.aborted) throw abortError();
}
