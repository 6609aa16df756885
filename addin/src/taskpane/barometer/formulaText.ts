import type { ColumnMapping, Scale } from "../../../../shared/src/index";
import { qualified, type RangeAddress } from "../workbook/a1";
import type { SourceGeometry } from "../data/sourceGeometry";

/**
 * Formula text over the mapped ranges. Blank handling (docs/taskpane.md): Excel desktop may hand
 * a blank cell to a custom function as 0, which is an answer (out of scale on 1–5). One column is
 * wrapped as `FILTER(r, r<>"")` (blanks removed); several item columns of one dimension are
 * wrapped as `IF(r="","",r)`, which keeps the respondent rows aligned and turns every blank into
 * "", which SYM functions treat as missing. A reversed item `c` on [lo, hi] becomes
 * `IF(c="","",IF(ISNUMBER(c),(lo+hi)-c,c))`, the reflection that DOMAIN.md's reversed
 * normalisation 100·(hi−x)/(hi−lo) implies; text is passed on untouched so SYM.SCORE still
 * reports it. Non-adjacent or mixed columns are joined with HSTACK.
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

/** The answer matrix of one dimension (rows: respondents, columns: items), blanks as "". */
export function itemMatrix(geometry: SourceGeometry, items: readonly ItemColumnRef[], scale: Scale): string {
  const sorted = [...items].sort((a, b) => a.column - b.column);
  if (sorted.length === 1 && !sorted[0].reversed) return filteredColumn(geometry, sorted[0].column);
  const pieces: string[] = [];
  let runStart = -1;
  let runEnd = -1;
  const flush = () => {
    if (runStart < 0) return;
    const range = qualified(geometry.sheet, dataRows(geometry, runStart, runEnd));
    pieces.push(`IF(${range}="","",${range})`);
    runStart = -1;
  };
  for (const item of sorted) {
    if (item.reversed) {
      flush();
      const range = columnRange(geometry, item.column);
      pieces.push(`IF(${range}="","",IF(ISNUMBER(${range}),${scale.min + scale.max}-${range},${range}))`);
    } else if (runStart >= 0 && item.column === runEnd + 1) {
      runEnd = item.column;
    } else {
      flush();
      runStart = item.column;
      runEnd = item.column;
    }
  }
  flush();
  return pieces.length === 1 ? pieces[0] : `HSTACK(${pieces.join(",")})`;
}

/** Item columns of one dimension in a population's mapping. */
export function itemsOfDimension(geometry: SourceGeometry, columns: readonly ColumnMapping[], dimension: string): ItemColumnRef[] {
  return columns
    .filter((column) => column.role === "item" && column.dimension === dimension)
    .map((column) => ({ column: geometry.headers.indexOf(column.header), reversed: column.reversed }))
    .filter((item) => item.column >= 0);
}
