import { SymError } from "../errors";

/**
 * Confidentiality for a two-way table whose row totals and column totals are both shown (eNPS by
 * unit × wave: a unit's pooled figure and a wave's total are published elsewhere). Primary: every
 * cell under the threshold is hidden. Complementary: along any row or column, while the hidden
 * cells holding people are a single one, or hold fewer than `threshold` people together, the
 * smallest visible cell of that line is hidden too; rows and columns are revisited until nothing
 * changes, so no hidden cell can be recovered by subtracting along either direction.
 * (The line rule of `suppressGroups`, applied to both margins of the table.)
 *
 * @param counts counts[row][column], whole numbers of people
 * @returns hidden[row][column]
 */
export function suppressTable(counts: readonly (readonly number[])[], threshold: number): boolean[][] {
  if (!(Number.isInteger(threshold) && threshold >= 1)) {
    throw new SymError("invalid-argument", `suppressTable requires a whole threshold of 1 or more, got ${threshold}`, { value: threshold });
  }
  const width = counts[0]?.length ?? 0;
  counts.forEach((row, index) => {
    if (row.length !== width) throw new SymError("shape-mismatch", `suppressTable requires rows of ${width} cells, got ${row.length} in row ${index + 1}`);
    row.forEach((n, column) => {
      if (!(Number.isInteger(n) && n >= 0)) {
        throw new SymError("invalid-argument", `suppressTable requires whole counts of 0 or more, got ${n} at row ${index + 1}, column ${column + 1}`, { value: n });
      }
    });
  });
  const hidden = counts.map((row) => row.map((n) => n < threshold));
  const lines: { row: number; column: number }[][] = [
    ...counts.map((row, r) => row.map((_, c) => ({ row: r, column: c }))),
    ...Array.from({ length: width }, (_, c) => counts.map((_, r) => ({ row: r, column: c }))),
  ];
  let changed = true;
  while (changed) {
    changed = false;
    for (const line of lines) {
      const people = line.filter((cell) => counts[cell.row][cell.column] > 0);
      for (;;) {
        const hiddenPeople = people.filter((cell) => hidden[cell.row][cell.column]);
        const hiddenTotal = hiddenPeople.reduce((sum, cell) => sum + counts[cell.row][cell.column], 0);
        if (!(hiddenPeople.length > 0 && hiddenPeople.length < people.length && (hiddenPeople.length === 1 || hiddenTotal < threshold))) break;
        let smallest: { row: number; column: number } | undefined;
        for (const cell of people) {
          if (!hidden[cell.row][cell.column] && (!smallest || counts[cell.row][cell.column] < counts[smallest.row][smallest.column])) smallest = cell;
        }
        hidden[smallest!.row][smallest!.column] = true;
        changed = true;
      }
    }
  }
  return hidden;
}
