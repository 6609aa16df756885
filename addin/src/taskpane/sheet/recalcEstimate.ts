import { columnIndex, columnLetters } from "../workbook/a1";
import type { SheetParts } from "./sections";

/**
 * What a generated sheet costs Excel on every full recalculation, estimated from its formulas
 * before anything is written: each `SYM.` call receives the cells of the ranges in its arguments
 * (copied into JavaScript on the desktop, serialised to the add-in's page on the web).
 *
 * - Excel on the web refuses a custom-function call whose payload passes 5 MB: the call never
 *   computes (OfficeDev/office-js#4654, closed as by design). A call is kept under 4 MB here, for
 *   Office's own envelope around the values.
 * - Inserting rows or pasting recalculates every call (OfficeDev/office-js#3332): the total cells
 *   of all calls are sent each time, so they are held under a budget.
 */

/** An answer 0–10 or a blank, with its separator, serialises as 2–3 bytes: 3 keeps the estimate on the safe side. */
export const BYTES_PER_CELL = 3;
/** Largest payload of one custom-function call written live (Excel on the web refuses over 5 MB). */
export const CALL_LIMIT_BYTES = 4 * 1024 * 1024;
/**
 * Cells sent to the SYM functions per full recalculation above which the sheet is not written
 * live. Chosen, not timed in Excel (Excel does not run here): at 3 bytes a cell it is about 6 MB
 * copied into JavaScript at each recalculation. The everyday survey (10,000 employees and as many
 * customers: 1.38 million cells with one call per figure) stays under it; 100,000 rows (13.8
 * million) do not.
 */
export const RECALC_CELL_BUDGET = 2_000_000;

export interface CallEstimate {
  /** The cell that holds the call (sheet-local A1). */
  readonly cell: string;
  readonly name: string;
  readonly cells: number;
  readonly bytes: number;
}

export interface RecalcEstimate {
  readonly calls: readonly CallEstimate[];
  readonly cellsPerRecalc: number;
  readonly largestCallBytes: number;
  readonly callsOverLimit: number;
}

const EXCEL_ROWS = 1_048_576;
const REFERENCE = /(?:'(?:[^']|'')+'|[A-Za-z_][\w.]*)!\$?([A-Z]{1,3})(?:\$?(\d+))?(?::\$?([A-Z]{1,3})(?:\$?(\d+))?)?/g;

/** Cells of one reference ("Employees!$D$2:$F$61" → 180; a whole column counts every row of the grid). */
function referenceCells(match: RegExpMatchArray): number {
  const [, firstColumn, firstRow, lastColumn, lastRow] = match;
  const columns = lastColumn ? Math.abs(columnIndex(lastColumn) - columnIndex(firstColumn)) + 1 : 1;
  if (firstRow === undefined) return columns * EXCEL_ROWS;
  const rows = lastRow === undefined ? 1 : Math.abs(Number(lastRow) - Number(firstRow)) + 1;
  return columns * rows;
}

/** The argument text of the call whose opening parenthesis is at `open` (quotes respected). */
function argumentsAt(formula: string, open: number): string {
  let depth = 0;
  let quoted = false;
  for (let index = open; index < formula.length; index++) {
    const character = formula[index];
    if (character === '"') quoted = !quoted;
    if (quoted) continue;
    if (character === "(") depth++;
    if (character === ")" && --depth === 0) return formula.slice(open + 1, index);
  }
  return formula.slice(open + 1);
}

/** Every SYM call of one formula with the cells it receives (a range named twice in a call is sent once). */
export function callsOf(formula: string): { name: string; cells: number }[] {
  return [...formula.matchAll(/\bSYM\.([A-Z0-9_.]+)\(/gi)].map((call) => {
    const text = argumentsAt(formula, call.index + call[0].length - 1);
    const distinct = new Map([...text.matchAll(REFERENCE)].map((match) => [match[0].replace(/\$/g, ""), referenceCells(match)]));
    return { name: call[1].toUpperCase(), cells: [...distinct.values()].reduce((sum, cells) => sum + cells, 0) };
  });
}

function offsetCell(topLeft: string, row: number, column: number): string {
  const start = /^([A-Z]+)(\d+)$/.exec(topLeft)!;
  return `${columnLetters(columnIndex(start[1]) + column)}${Number(start[2]) + row}`;
}

export function estimateRecalc(parts: Pick<SheetParts, "blocks">): RecalcEstimate {
  const calls: CallEstimate[] = [];
  for (const block of parts.blocks) {
    block.formulas?.forEach((row, rowIndex) =>
      row.forEach((formula, columnIndex) => {
        if (formula === null) return;
        for (const call of callsOf(formula))
          calls.push({ cell: offsetCell(block.topLeft, rowIndex, columnIndex), ...call, bytes: call.cells * BYTES_PER_CELL });
      }),
    );
  }
  return {
    calls,
    cellsPerRecalc: calls.reduce((sum, call) => sum + call.cells, 0),
    largestCallBytes: Math.max(0, ...calls.map((call) => call.bytes)),
    callsOverLimit: calls.filter((call) => call.bytes > CALL_LIMIT_BYTES).length,
  };
}

/** Live formulas only when every call fits Excel on the web and a recalculation stays under the budget. */
export function liveFormulasFit(estimate: RecalcEstimate): boolean {
  return estimate.callsOverLimit === 0 && estimate.cellsPerRecalc <= RECALC_CELL_BUDGET;
}
