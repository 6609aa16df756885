/** The fields of a mapped column that tell which item it is (a `ColumnMapping` has them). */
export interface ItemColumn {
  readonly header: string;
  readonly role: string;
  readonly dimension?: string;
  readonly item?: number;
}

/**
 * Two item columns of one population that name the same numbered item of the same dimension
 * (`recognition_1` and `Recognition 1`, or the same column exported twice). Counted twice, that
 * item would weigh double in its dimension's score, silently. Columns without an item number are
 * distinct items of their dimension and never clash.
 *
 * @example findDuplicateItem([{header:"recognition_1",role:"item",dimension:"recognition",item:1,reversed:false},
 *   {header:"Recognition 1",role:"item",dimension:"recognition",item:1,reversed:false}]) // both columns
 */
export function findDuplicateItem<Column extends ItemColumn>(columns: readonly Column[]): [Column, Column] | undefined {
  const seen = new Map<string, Column>();
  for (const column of columns) {
    if (column.role !== "item" || column.dimension === undefined || column.item === undefined) continue;
    const key = `${column.dimension}#${column.item}`;
    const earlier = seen.get(key);
    if (earlier) return [earlier, column];
    seen.set(key, column);
  }
  return undefined;
}

/** The message for a duplicate pair. */
export function describeDuplicateItem([first, second]: readonly [ItemColumn, ItemColumn]): string {
  return `columns ${JSON.stringify(first.header.slice(0, 60))} and ${JSON.stringify(second.header.slice(0, 60))} are both item ${first.item} of ${first.dimension}: keep one of them (counted twice, the item would weigh double)`;
}
