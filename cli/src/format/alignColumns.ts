/**
 * Lays out a table of text cells for a terminal: each column as wide as its widest cell (counted in
 * code points, so accented letters and symbols such as "–" take one place), two spaces between
 * columns, numbers right-aligned where `rightAligned[column]` says so, no trailing spaces.
 *
 * @example alignColumns([["unit", "n"], ["Lyon", "12"]], [false, true]) // ["unit   n", "Lyon  12"]
 */
export function alignColumns(rows: string[][], rightAligned: boolean[]): string[] {
  const widths = rows[0].map((_, column) => Math.max(...rows.map((row) => [...row[column]].length)));
  return rows.map((row) =>
    row
      .map((cell, column) => {
        const padding = " ".repeat(widths[column] - [...cell].length);
        return rightAligned[column] ? padding + cell : cell + padding;
      })
      .join("  ")
      .trimEnd(),
  );
}
