import * as fs from "node:fs";
import * as path from "node:path";
import type { SymError as SymErrorType } from "@symmetry/engine";
import { SymError, describeValue } from "@symmetry/engine/errors"; // not the barrel: this runs on worker threads
import { UsageError } from "../errors";
import { detectDelimiter, type Delimiter } from "./delimiter";
import { bomLength, findHeaderEnd, splitHeaderLine } from "./headerLine";
import { FieldError, QuoteError, RecordParser, RecordShapeError, type RecordPosition, type SlowNumberReader } from "./recordParser";

/** What the caller decides once it has seen the header: the kind of each column, and a record sink. */
export interface CsvPlan {
  readonly kinds: Uint8Array;
  /** Reads a numeric field that is not plain decimal text (throws on a bad value). */
  readonly readSlowNumber: SlowNumberReader;
  /** Texts `readSlowNumber` reads as missing, recognised without decoding (optional shortcut). */
  readonly nonAnswers?: readonly string[];
  /**
   * Called for each record; `values` and `texts` are reused afterwards. A `SymError` it throws with
   * `details.column` (1-based) gets the file, row, line, header and value added to its message.
   */
  record(values: Float64Array, texts: string[]): void;
}

export interface CsvFileInfo {
  readonly headers: string[];
  readonly delimiter: Delimiter;
  readonly records: number;
}

export type ProgressListener = (bytesRead: number, totalBytes: number) => void;

/**
 * Longest header line accepted. A real header (a few hundred columns) takes a few kilobytes; a
 * file with no line break, or an unclosed quote in its first line, would otherwise be read whole
 * as its "header", and every respondent row would end up in memory and in the error message.
 */
export const MAX_HEADER_BYTES = 1024 * 1024;

/** 4 MiB reads: few system calls, and a record never spans more than two reads in practice. */
const CHUNK_BYTES = 1 << 22;

/**
 * Reads a CSV file in chunks (never the whole file as one string): UTF-8 BOM skipped, `,` or `;`
 * detected from the header line, RFC 4180 records handed to the plan's sink as they are parsed.
 */
export function readCsvFile(
  file: string,
  makePlan: (headers: string[], delimiter: Delimiter) => CsvPlan,
  onProgress?: ProgressListener,
): CsvFileInfo {
  const descriptor = openFile(file);
  try {
    const totalBytes = fs.fstatSync(descriptor).size;
    let buffer = Buffer.allocUnsafe(Math.min(CHUNK_BYTES, Math.max(totalBytes + 1, 4096)));
    let end = 0;
    let bytesRead = 0;
    let endOfFile = false;
    const readMore = (): void => {
      if (end === buffer.length) {
        const larger = Buffer.allocUnsafe(buffer.length * 2);
        buffer.copy(larger, 0, 0, end);
        buffer = larger;
      }
      const count = fs.readSync(descriptor, buffer, end, buffer.length - end, null);
      if (count === 0) endOfFile = true;
      end += count;
      bytesRead += count;
      onProgress?.(bytesRead, totalBytes);
    };

    readMore();
    const bom = bomLength(buffer, end);
    let headerEnd = findHeaderEnd(buffer, bom, Math.min(end, bom + MAX_HEADER_BYTES));
    while (headerEnd < 0 && !endOfFile && end - bom <= MAX_HEADER_BYTES) {
      readMore();
      headerEnd = findHeaderEnd(buffer, bom, Math.min(end, bom + MAX_HEADER_BYTES));
    }
    if (headerEnd < 0) {
      if (end - bom > MAX_HEADER_BYTES) {
        throw new SymError(
          "invalid-argument",
          `${file}: the header line is longer than ${MAX_HEADER_BYTES / (1024 * 1024)} MB (no line break outside quotes in its first ${MAX_HEADER_BYTES.toLocaleString("en-GB")} bytes): is it a CSV file, or does a quote in the header never close?`,
          { file },
        );
      }
      if (countQuotes(buffer, bom, end) % 2 === 1) {
        throw new SymError("invalid-argument", `${file}: a quote in the header line (line 1) is never closed before the end of the file`, {
          file,
        });
      }
      headerEnd = end;
    }
    const headerBytes = buffer.subarray(bom, headerEnd);
    const delimiter = detectDelimiter(headerBytes);
    const headers = splitHeaderLine(headerBytes.toString("utf8"), delimiter);
    if (headers.every((header) => header === "")) {
      throw new SymError("invalid-argument", `${file} has no header line: the first line must name the columns`, { file });
    }

    const plan = makePlan(headers, delimiter);
    const sink = {
      record(values: Float64Array, texts: string[]): void {
        try {
          plan.record(values, texts);
        } catch (error) {
          if (!(error instanceof SymError)) throw error;
          if (error.details.column === undefined) {
            const position = parser!.currentPosition;
            throw new SymError(error.code, `${file}, ${describeRow(position)}: ${error.message}`, {
              ...error.details,
              file,
              row: position.dataRow,
            });
          }
          throw positioned(error, file, parser!.currentPosition, headers[error.details.column - 1], error.details.value);
        }
      },
    };
    // `sink` reads `parser` only while `parser.parse` runs, after this line.
    const parser = new RecordParser(delimiter, plan.kinds, sink, plan.readSlowNumber, 1, plan.nonAnswers);

    let start = headerEnd;
    try {
      for (;;) {
        const consumed = parser.parse(buffer, start, end, endOfFile);
        if (endOfFile) break;
        // Keep the incomplete record's bytes at the front of the buffer and read after them.
        buffer.copy(buffer, 0, consumed, end);
        end -= consumed;
        start = 0;
        readMore();
      }
    } catch (error) {
      if (error instanceof FieldError) {
        const cause = error.reason instanceof SymError ? error.reason : new SymError("invalid-answer", error.message);
        throw positioned(cause, file, error.position, headers[error.column], error.rawValue);
      }
      if (error instanceof QuoteError) {
        throw new SymError(
          "invalid-answer",
          `${file}, ${describeRow(error.position)}, column ${JSON.stringify(headers[error.column] ?? "?")}: ${error.message}`,
          {
            file,
            row: error.position.dataRow,
            columnName: headers[error.column],
          },
        );
      }
      if (error instanceof RecordShapeError) {
        throw new SymError(
          "shape-mismatch",
          `${file}, ${describeRow(error.position)}: ${error.message} (${headers.length} columns expected)`,
          {
            file,
            row: error.position.dataRow,
          },
        );
      }
      throw error;
    }
    return { headers, delimiter, records: parser.recordCount };
  } finally {
    fs.closeSync(descriptor);
  }
}

function openFile(file: string): number {
  try {
    const descriptor = fs.openSync(file, "r");
    // Opening a directory succeeds on Linux; reading it then fails with EISDIR.
    if (fs.fstatSync(descriptor).isDirectory()) {
      fs.closeSync(descriptor);
      throw Object.assign(new Error("is a directory"), { code: "EISDIR" });
    }
    return descriptor;
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (code === "ENOENT") throw new UsageError(`file not found: ${file} (looked in ${path.resolve(file)})`);
    if (code === "EISDIR") throw new UsageError(`${file} is a directory, not a CSV file`);
    throw new UsageError(`cannot open ${file}: ${(error as Error).message}`);
  }
}

function countQuotes(buffer: Buffer, start: number, end: number): number {
  let quotes = 0;
  for (let offset = start; offset < end; offset++) if (buffer[offset] === 0x22) quotes++;
  return quotes;
}

function describeRow(position: RecordPosition): string {
  return `data row ${position.dataRow} (file line ${position.line})`;
}

/** The engine's error with where it happened: file, data row and line, column header and value. */
function positioned(error: SymErrorType, file: string, position: RecordPosition, header: string | undefined, value: unknown): SymError {
  return new SymError(
    error.code,
    `${file}, ${describeRow(position)}, column ${describeValue(header ?? "?")}, value ${describeValue(value)}: ${error.message}`,
    {
      ...error.details,
      file,
      row: position.dataRow,
      columnName: header,
      value,
    },
  );
}
