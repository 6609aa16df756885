import { columnLetters, type RangeAddress } from "../../workbook/a1";
import type { CellValue } from "../../workbook/WorkbookPort";
import { valueBlock, type CellBlock, type NumberFormatRule, type Section } from "../../sheet/sections";

/**
 * A titled table of values starting at `top` (0-based): title row, header row, data rows, then a
 * blank row. `anchors.rows` is the data rectangle (undefined when there are no rows);
 * `bottom` is the blank row after the table, so the next section starts at `bottom + 1`.
 */
export function tableSection(
  top: number,
  title: string,
  header: readonly CellValue[],
  rows: readonly (readonly CellValue[])[],
  formats: readonly [number, string][] = [],
): Section<{ rows?: RangeAddress }> {
  const blocks: CellBlock[] = [valueBlock(top, 0, [[title], header])];
  const numberFormats: NumberFormatRule[] = [];
  const first = top + 2;
  if (rows.length > 0) {
    blocks.push(valueBlock(first, 0, rows));
    for (const [column, format] of formats) {
      const letter = columnLetters(column);
      numberFormats.push({ address: `${letter}${first + 1}:${letter}${first + rows.length}`, format });
    }
  }
  const range = rows.length > 0 ? { top: first, bottom: first + rows.length - 1, left: 0, right: header.length - 1 } : undefined;
  return {
    blocks,
    numberFormats,
    conditionalFormats: [],
    charts: [],
    bottom: first + Math.max(rows.length, 1),
    anchors: range ? { rows: range } : {},
  };
}

/** A heading followed by one line of explanation (why a table is absent), then a blank row. */
export function noteSection(top: number, heading: string | undefined, message: string): Section {
  const blocks: CellBlock[] = [];
  let row = top;
  if (heading !== undefined) blocks.push(valueBlock(row++, 0, [[heading]]));
  blocks.push(valueBlock(row, 0, [[message]]));
  return { blocks, numberFormats: [], conditionalFormats: [], charts: [], bottom: row + 1, anchors: {} };
}
