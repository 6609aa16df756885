import type { ColumnMapping, ItemColumn, Model, Population, PopulationAggregate, Scale } from "@symmetry/engine";
// Value imports name the engine modules directly instead of the barrel: this file runs on worker
// threads, and the barrel also loads the zod schemas, the default model and the distribution and
// matrix libraries (~0.3 s of CPU per thread) that reading a file never uses.
import { SymError, describeList } from "@symmetry/engine/errors";
import { describeDuplicateItem, findDuplicateItem } from "@symmetry/engine/model/duplicateItems";
import { normaliseHeader, suggestMapping } from "@symmetry/engine/model/headers";
import { NON_ANSWERS, readAnswer } from "@symmetry/engine/scale/answers";
import { ATTRIBUTE_SEPARATOR, ColumnarPopulationAccumulator } from "@symmetry/engine/streaming/columnarAccumulator";
import type { CellTable } from "@symmetry/engine/heatmap/cellTable";
import type { RespondentMoments } from "@symmetry/engine/priorities/respondentDrivers";
import { readCsvFile, type ProgressListener } from "../csv/csvFile";
import type { Delimiter } from "../csv/delimiter";
import { ColumnKind } from "../csv/recordParser";

/** One population's CSV file and how to read it. */
export interface PopulationSource {
  readonly file: string;
  readonly population: Population;
  readonly scale: Scale;
  /** The grouping column named by `--by` (default: a column called unit, unité, store, team…). */
  readonly unitColumn?: string;
  /** The wave column named by `--wave-column` (default: a column called wave, vague, period…). */
  readonly waveColumn?: string;
  /** Other columns the rows are grouped by (heat maps `--by <column>`), named as the user wrote them. */
  readonly attributeColumns?: readonly string[];
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
  /** Each wave's total and units, in order of first appearance, when the file has a wave column. */
  readonly waves?: ReturnType<ColumnarPopulationAccumulator["waveTotals"]>;
  /** The rows folded per (unit, manager, wave, attribute columns found in the file): heat maps. */
  readonly cells: CellTable;
  /** Employees' listwise score and eNPS co-moments: drivers across respondents when units are few. */
  readonly moments?: RespondentMoments;
}

export type { ProgressListener };

/**
 * Streams one population's CSV into the engine's `ColumnarPopulationAccumulator`: the file is read in
 * chunks (never held whole), the header is auto-mapped with `suggestMapping`, and each record is
 * folded into the aggregate as soon as it is parsed. A bad value throws a `SymError` whose message
 * names the file, the data row and file line, the column header and the value.
 */
export function readPopulationFile(source: PopulationSource, model: Model, onProgress?: ProgressListener): PopulationRead {
  let plan: ColumnPlan | undefined;
  let accumulator: ColumnarPopulationAccumulator | undefined;
  const info = readCsvFile(
    source.file,
    (headers) => {
      const columns = planColumns(headers, source, model, source.file);
      plan = columns;
      const fold = new ColumnarPopulationAccumulator(
        {
          population: source.population,
          scale: source.scale,
          items: columns.items,
          recommendationColumn: columns.recommendationColumn,
        },
        columns.attributes.map((attribute) => attribute.name),
      );
      accumulator = fold;
      const { unitColumn, managerColumn, waveColumn } = columns;
      const attributeColumns = columns.attributes.map((attribute) => attribute.column);
      const attributesOf =
        attributeColumns.length === 0
          ? () => undefined
          : attributeColumns.length === 1
            ? (texts: string[]) => texts[attributeColumns[0]].trim()
            : (texts: string[]) => attributeColumns.map((column) => texts[column].trim()).join(ATTRIBUTE_SEPARATOR);
      return {
        kinds: columns.kinds,
        readSlowNumber: readAnswer,
        nonAnswers: NON_ANSWERS,
        record(values, texts) {
          fold.addRow(
            values,
            unitColumn >= 0 ? texts[unitColumn].trim() : undefined,
            managerColumn >= 0 ? texts[managerColumn].trim() : undefined,
            waveColumn >= 0 ? texts[waveColumn].trim() : undefined,
            attributesOf(texts),
          );
        },
      };
    },
    onProgress,
  );
  return {
    aggregate: accumulator!.result(),
    headers: info.headers,
    delimiter: info.delimiter,
    mapped: plan!.mapped,
    unmapped: plan!.unmapped,
    rows: info.records,
    ...(plan!.waveColumn >= 0 ? { waves: accumulator!.waveTotals() } : {}),
    cells: accumulator!.cellTable(),
    ...(accumulator!.respondentMoments() ? { moments: accumulator!.respondentMoments() } : {}),
  };
}

interface ColumnPlan {
  readonly kinds: Uint8Array;
  readonly items: ItemColumn[];
  readonly recommendationColumn?: number;
  readonly unitColumn: number;
  readonly managerColumn: number;
  readonly waveColumn: number;
  /** Grouping columns asked for by name and found in this file (a customers file may lack them). */
  readonly attributes: { name: string; column: number }[];
  readonly mapped: ColumnMapping[];
  readonly unmapped: string[];
}

/** Maps the headers with the engine's `suggestMapping` and decides what the parser does with each column. */
function planColumns(headers: string[], source: PopulationSource, model: Model, displayName: string): ColumnPlan {
  const suggestion = suggestMapping(headers, source.population, model, { unitColumn: source.unitColumn, waveColumn: source.waveColumn });
  const duplicate = findDuplicateItem(suggestion.columns);
  if (duplicate) throw new SymError("invalid-argument", `${displayName}: ${describeDuplicateItem(duplicate)}`, { file: displayName });
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
  const attributes: { name: string; column: number }[] = [];
  for (const name of source.attributeColumns ?? []) {
    const exact = headers.indexOf(name);
    const column = exact >= 0 ? exact : headers.findIndex((header) => normaliseHeader(header) === normaliseHeader(name));
    if (column < 0) continue;
    attributes.push({ name, column });
    kinds[column] = ColumnKind.Text;
  }
  if (items.length === 0 && recommendationColumn === undefined) {
    throw new SymError(
      "invalid-argument",
      `no column of ${displayName} maps to a dimension of the model nor to ${source.population === "employees" ? "enps" : "nps"} (headers: ${describeList(headers)})`,
      { file: displayName },
    );
  }
  return {
    kinds,
    items,
    recommendationColumn,
    unitColumn,
    managerColumn,
    waveColumn,
    attributes,
    mapped: suggestion.columns,
    unmapped: suggestion.unmapped,
  };
}
