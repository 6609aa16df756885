import * as fs from "node:fs";
import * as path from "node:path";
import type { ColumnMapping, ItemColumn, Model, Population, PopulationAggregate, Scale } from "../../../shared/src";
// Value imports name the engine modules directly instead of the barrel: this file runs on worker
// threads, and the barrel also loads the zod schemas, the default model and the distribution and
// matrix libraries (~0.3 s of CPU per thread) that reading a file never uses.
import { SymError } from "../../../shared/src/errors";
import { suggestMapping } from "../../../shared/src/model/headers";
import { readAnswer } from "../../../shared/src/scale/answers";
import { ColumnarPopulationAccumulator } from "../../../shared/src/streaming/columnarAccumulator";
import { detectDelimiter, type Delimiter } from "../csv/delimiter";
import { bomLength, findHeaderEnd, splitHeaderLine } from "../csv/headerLine";
import { ColumnKind, FieldError, RecordParser, RecordShapeError, type RecordPosition } from "../csv/recordParser";
import { UsageError } from "../errors";

/** One population's CSV file and how to read it. */
export interface PopulationSource {
  readonly file: string;
  readonly population: Population;
  readonly scale: Scale;
  /** The grouping column named by `--by` (default: a column called unit, unité, store, team…). */
  readonly unitColumn?: string;
}

export interface PopulationRead {
  readonly aggregate: PopulationAggregate;
  readonly headers: string[];
  readonly delimiter: Delimiter;
  /** Columns the auto-mapping recognised. */
  readonly mapped: ColumnMapping[];
  /** Headers that matched nothing: listed for the user, never fatal. */
  readonly unmapped: string[];
  readonly rows: number;
}

export type ProgressListener = (bytesRead: number, totalBytes: number) => void;

/** 4 MiB reads: few system calls, and a record never spans more than two reads in practice. */
const CHUNK_BYTES = 1 << 22;

/**
 * Streams one population's CSV into the engine's `ColumnarPopulationAccumulator`: the file is read in
 * chunks (never held whole), the header is auto-mapped with `suggestMapping`, and each record is
 * folded into the aggregate as soon as it is parsed. A bad value throws a `SymError` whose message
 * names the file, the data row and file line, the column header and the value.
 */
export function readPopulationFile(source: PopulationSource, model: Model, onProgress?: ProgressListener): PopulationRead {
  const displayName = source.file;
  const descriptor = openFile(source.file);
  try {
    const totalBytes = fs.fstatSync(descriptor).size;
    let buffer = Buffer.allocUnsafe(CHUNK_BYTES);
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
    let headerEnd = findHeaderEnd(buffer, bom, end);
    while (headerEnd < 0 && !endOfFile) {
      readMore();
      headerEnd = findHeaderEnd(buffer, bom, end);
    }
    if (headerEnd < 0) headerEnd = end;
    const headerBytes = buffer.subarray(bom, headerEnd);
    const delimiter = detectDelimiter(headerBytes);
    const headers = splitHeaderLine(headerBytes.toString("utf8"), delimiter);
    if (headers.every((header) => header === "")) {
      throw new SymError("invalid-argument", `${displayName} has no header line: the first line must name the columns`, { file: displayName });
    }

    const plan = planColumns(headers, source, model, displayName);
    const accumulator = new ColumnarPopulationAccumulator({
      population: source.population,
      scale: source.scale,
      items: plan.items,
      recommendationColumn: plan.recommendationColumn,
    });
    const unitColumn = plan.unitColumn;
    const managerColumn = plan.managerColumn;
    const waveColumn = plan.waveColumn;
    let parser: RecordParser | undefined;
    const sink = {
      record(values: Float64Array, texts: string[]): void {
        try {
          accumulator.addRow(
            values,
            unitColumn >= 0 ? texts[unitColumn].trim() : undefined,
            managerColumn >= 0 ? texts[managerColumn].trim() : undefined,
            waveColumn >= 0 ? texts[waveColumn].trim() : undefined,
          );
        } catch (error) {
          if (!(error instanceof SymError) || error.details.column === undefined) throw error;
          const column = error.details.column - 1;
          throw positioned(error, displayName, parser!.currentPosition, headers[column], error.details.value);
        }
      },
    };
    parser = new RecordParser(delimiter, plan.kinds, sink, readAnswer, 1);

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
        throw positioned(cause, displayName, error.position, headers[error.column], error.rawValue);
      }
      if (error instanceof RecordShapeError) {
        throw new SymError(
          "shape-mismatch",
          `${displayName}, ${describeRow(error.position)}: ${error.message} (${headers.length} columns expected)`,
          { file: displayName, row: error.position.dataRow },
        );
      }
      throw error;
    }

    return {
      aggregate: accumulator.result(),
      headers,
      delimiter,
      mapped: plan.mapped,
      unmapped: plan.unmapped,
      rows: parser.recordCount,
    };
  } finally {
    fs.closeSync(descriptor);
  }
}

function openFile(file: string): number {
  try {
    return fs.openSync(file, "r");
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (code === "ENOENT") throw new UsageError(`file not found: ${file} (looked in ${path.resolve(file)})`);
    if (code === "EISDIR") throw new UsageError(`${file} is a directory, not a CSV file`);
    throw new UsageError(`cannot open ${file}: ${(error as Error).message}`);
  }
}

interface ColumnPlan {
  readonly kinds: Uint8Array;
  readonly items: ItemColumn[];
  readonly recommendationColumn?: number;
  readonly unitColumn: number;
  readonly managerColumn: number;
  readonly waveColumn: number;
  readonly mapped: ColumnMapping[];
  readonly unmapped: string[];
}

/** Maps the headers with the engine's `suggestMapping` and decides what the parser does with each column. */
function planColumns(headers: string[], source: PopulationSource, model: Model, displayName: string): ColumnPlan {
  const suggestion = suggestMapping(headers, source.population, model, { unitColumn: source.unitColumn });
  const byHeader = new Map<string, ColumnMapping>();
  for (const column of suggestion.columns) byHeader.set(column.header, column);
  const kinds = new Uint8Array(headers.length);
  const items: ItemColumn[] = [];
  let recommendationColumn: number | undefined;
  let unitColumn = -1;
  let managerColumn = -1;
  let waveColumn = -1;
  const claimed = new Set<string>();
  headers.forEach((header, index) => {
    const mapping = byHeader.get(header);
    // A header repeated in the file is mapped once (its first occurrence).
    if (!mapping || claimed.has(header)) return;
    claimed.add(header);
    if (mapping.role === "item" && mapping.dimension) {
      items.push({ column: index, dimension: mapping.dimension, reversed: mapping.reversed });
      kinds[index] = ColumnKind.Numeric;
    } else if (mapping.role === "recommendation") {
      recommendationColumn = index;
      kinds[index] = ColumnKind.Numeric;
    } else if (mapping.role === "unit") {
      unitColumn = index;
      kinds[index] = ColumnKind.Text;
    } else if (mapping.role === "manager") {
      managerColumn = index;
      kinds[index] = ColumnKind.Text;
    } else if (mapping.role === "wave") {
      waveColumn = index;
      kinds[index] = ColumnKind.Text;
    }
  });
  if (items.length === 0 && recommendationColumn === undefined) {
    throw new SymError(
      "invalid-argument",
      `no column of ${displayName} maps to a dimension of the model nor to ${source.population === "employees" ? "enps" : "nps"} (headers: ${headers.join(", ")})`,
      { file: displayName },
    );
  }
  return { kinds, items, recommendationColumn, unitColumn, managerColumn, waveColumn, mapped: suggestion.columns, unmapped: suggestion.unmapped };
}

function describeRow(position: RecordPosition): string {
  return `data row ${position.dataRow} (file line ${position.line})`;
}

/** The engine's error with where it happened: file, data row and line, column header and value. */
function positioned(error: SymError, file: string, position: RecordPosition, header: string | undefined, value: unknown): SymError {
  const shown = typeof value === "string" ? JSON.stringify(value) : String(value);
  return new SymError(
    error.code,
    `${file}, ${describeRow(position)}, column ${JSON.stringify(header ?? "?")}, value ${shown}: ${error.message}`,
    { ...error.details, file, row: position.dataRow, columnName: header, value },
  );
}
