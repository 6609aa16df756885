import type { ColumnMapping, Scale } from "@symmetry/engine";
import { qualified, type RangeAddress } from "../workbook/a1";
import type { SourceGeometry } from "../data/sourceGeometry";

/**
 * Formula text over the mapped ranges. Blank handling (docs/taskpane.md): Excel desktop may hand
 * a blank cell to a custom function as 0, which is an answer (out of scale on 1–5). One column is
 * wrapped as `FILTER(r, r<>"")` (blanks removed); several item columns of one dimension are
 * wrapped as `IF(r="","",r)`, which keeps the respondent rows aligned and turns every blank into
 * "", which SYM functions treat as missing. A reversed item `c` on [lo, hi] becomes
 * `IF(c="","",IF(ISNUMBER(c),(lo+hi)-c,c))`, the reflection that the reversed
 * normalisation (docs/domain.md#scale-normalisation) 100·(hi−x)/(hi−lo) implies; text is passed on untouched so SYM.SCORE still
 * reports it. Items that are not one block of adjacent plain columns are put side by side with
 * `CHOOSE(SEQUENCE(1,k),c1,…,ck)`, which Excel 2021 lifts into a rows × k array (HSTACK exists
 * only in Microsoft 365, Excel on the web and Excel 2024).
 */

/** The data rows (header excluded) of one source column. */
export function columnRange(geometry: SourceGeometry, column: number): string {
  return qualified(geometry.sheet, dataRows(geometry, column, column));
}

function dataRows(geometry: SourceGeometry, left: number, right: number): RangeAddress {
  const block = geometry.block;
  return { top: block.top + 1, bottom: block.bottom, left: block.left + left, right: block.left + right };
}

/** `FILTER(r, r<>"")`: the answers of one column without its blanks. */
export function filteredColumn(geometry: SourceGeometry, column: number): string {
  const range = columnRange(geometry, column);
  return `FILTER(${range},${range}<>"")`;
}

/** `FILTER(groups, answers<>"")`: group labels aligned with the non-blank answers. */
export function groupsOfAnswered(geometry: SourceGeometry, groupColumn: number, answerColumn: number): string {
  return `FILTER(${columnRange(geometry, groupColumn)},${columnRange(geometry, answerColumn)}<>"")`;
}

export interface ItemColumnRef {
  readonly column: number;
  readonly reversed: boolean;
}

/** `IF(r="","",r)`: one column with every row kept (aligned with the other columns), blanks as "". */
export function alignedColumn(geometry: SourceGeometry, column: number): string {
  const range = columnRange(geometry, column);
  return `IF(${range}="","",${range})`;
}

/**
 * The answer matrix of one dimension (rows: respondents, columns: items), blanks as "". With
 * `aligned`, a single column keeps its blank rows too, so the matrix stays row-aligned with the
 * group columns (SYM.HEATMAP); otherwise its blanks are filtered out.
 */
export function itemMatrix(geometry: SourceGeometry, items: readonly ItemColumnRef[], scale: Scale, aligned = false): string {
  const sorted = [...items].sort((a, b) => a.column - b.column);
  if (sorted.length === 1 && !sorted[0].reversed) {
    return aligned ? alignedColumn(geometry, sorted[0].column) : filteredColumn(geometry, sorted[0].column);
  }
  const adjacent = sorted.every((item, index) => !item.reversed && (index === 0 || item.column === sorted[index - 1].column + 1));
  if (adjacent) {
    const range = qualified(geometry.sheet, dataRows(geometry, sorted[0].column, sorted[sorted.length - 1].column));
    return `IF(${range}="","",${range})`;
  }
  const columns = sorted.map((item) => {
    const range = columnRange(geometry, item.column);
    return item.reversed
      ? `IF(${range}="","",IF(ISNUMBER(${range}),${scale.min + scale.max}-${range},${range}))`
      : `IF(${range}="","",${range})`;
  });
  return `CHOOSE(SEQUENCE(1,${columns.length}),${columns.join(",")})`;
}

/** Item columns of one dimension in a population's mapping. */
export function itemsOfDimension(geometry: SourceGeometry, columns: readonly ColumnMapping[], dimension: string): ItemColumnRef[] {
  return columns
    .filter((column) => column.role === "item" && column.dimension === dimension)
    .map((column) => ({ column: geometry.headers.indexOf(column.header), reversed: column.reversed }))
    .filter((item) => item.column >= 0);
}
