import { contains, rangeText, type RangeAddress } from "../src/taskpane/workbook/a1";
import { evaluateFormula, type CustomFunction } from "./formula/evaluate";
import { FormulaError, isMatrix, type Matrix, type Scalar } from "./formula/values";
import { COLUMN_SPAN, key, type MemorySheet } from "./memorySheet";

/**
 * Recalculation of the in-memory workbook: formulas are evaluated in row order, a formula reading
 * a range first evaluates the formulas inside it, array results spill into empty neighbours or
 * give #SPILL!, and a cycle gives #REF!.
 */
export class Recalculation {
  private computed = new Map<string, Map<number, Scalar>>();
  /** Ranges of value-only cells read during one recalculation, shared by the formulas that read them. */
  private rangeCache = new Map<string, Matrix>();
  private evaluating = new Set<string>();

  constructor(
    private readonly customFunctions: Readonly<Record<string, CustomFunction>>,
    private readonly sheetNamed: (name: string) => MemorySheet,
  ) {}

  private computedOf(sheet: MemorySheet): Map<number, Scalar> {
    let map = this.computed.get(sheet.name);
    if (!map) {
      map = new Map();
      this.computed.set(sheet.name, map);
    }
    return map;
  }

  readScalars(sheet: MemorySheet, range: RangeAddress): Matrix {
    this.evaluatePendingFormulas(sheet, range);
    const computed = this.computedOf(sheet);
    const rows: Matrix = new Array(range.bottom - range.top + 1);
    const hasComputed = computed.size > 0;
    for (let row = range.top; row <= range.bottom; row++) {
      const line = sheet.values[row];
      const out: Scalar[] = new Array(range.right - range.left + 1);
      for (let column = range.left; column <= range.right; column++) {
        const computedValue = hasComputed ? computed.get(key(row, column)) : undefined;
        out[column - range.left] = computedValue !== undefined ? computedValue : (line?.[column] ?? null);
      }
      rows[row - range.top] = out;
    }
    return rows;
  }

  /** Data sheets (no formulas) do not change during a recalculation: their ranges are read once. */
  private readForFormula(sheet: MemorySheet, range: RangeAddress): Matrix {
    if (sheet.formulas.size > 0) return this.readScalars(sheet, range);
    const cacheKey = `${sheet.name}!${range.top}:${range.left}:${range.bottom}:${range.right}`;
    let matrix = this.rangeCache.get(cacheKey);
    if (!matrix) {
      matrix = this.readScalars(sheet, range);
      this.rangeCache.set(cacheKey, matrix);
    }
    return matrix;
  }

  /** Recomputes every formula of every sheet (in row order, dependencies first). */
  recalculate(sheets: readonly MemorySheet[]): void {
    this.computed = new Map();
    this.rangeCache = new Map();
    this.evaluating = new Set();
    for (const sheet of sheets) {
      const ordered = [...sheet.formulas.keys()].sort((a, b) => a - b);
      for (const cellKey of ordered) this.evaluateCell(sheet, cellKey);
    }
    this.rangeCache = new Map();
  }

  /**
   * Formulas not evaluated yet in this pass that `range` depends on are evaluated first: those
   * inside it, and, before them, those above and to the left whose result may spill into it (Excel
   * gives a reference to spilled cells their values, as a reference to `B11#` would).
   */
  private evaluatePendingFormulas(sheet: MemorySheet, range: RangeAddress): void {
    if (sheet.formulas.size === 0) return;
    const computed = this.computedOf(sheet);
    const inside: number[] = [];
    for (const cellKey of sheet.formulas.keys()) {
      if (computed.has(cellKey)) continue;
      const row = Math.floor(cellKey / COLUMN_SPAN);
      const column = cellKey % COLUMN_SPAN;
      if (contains(range, row, column)) inside.push(cellKey);
      else if (row <= range.bottom && column <= range.right && !this.evaluating.has(`${sheet.name}!${cellKey}`))
        this.evaluateCell(sheet, cellKey);
    }
    for (const cellKey of inside) this.evaluateCell(sheet, cellKey);
  }

  private evaluateCell(sheet: MemorySheet, cellKey: number): void {
    const computed = this.computedOf(sheet);
    if (computed.has(cellKey)) return;
    const marker = `${sheet.name}!${cellKey}`;
    if (this.evaluating.has(marker)) {
      computed.set(cellKey, new FormulaError("#REF!", "circular reference"));
      return;
    }
    this.evaluating.add(marker);
    const formula = sheet.formulas.get(cellKey);
    if (!formula) return;
    const result = evaluateFormula(formula.node, {
      customFunctions: this.customFunctions,
      readRange: (sheetName, range) => this.readForFormula(sheetName === undefined ? sheet : this.sheetNamed(sheetName), range),
    });
    this.evaluating.delete(marker);
    const row = Math.floor(cellKey / COLUMN_SPAN);
    const column = cellKey % COLUMN_SPAN;
    if (!isMatrix(result)) {
      computed.set(cellKey, result);
      return;
    }
    if (result.length === 0 || result[0].length === 0) {
      computed.set(cellKey, new FormulaError("#CALC!", "empty array"));
      return;
    }
    this.spill(sheet, row, column, result);
  }

  private spill(sheet: MemorySheet, row: number, column: number, result: Matrix): void {
    const computed = this.computedOf(sheet);
    for (let rowOffset = 0; rowOffset < result.length; rowOffset++) {
      for (let columnOffset = 0; columnOffset < result[rowOffset].length; columnOffset++) {
        if (rowOffset === 0 && columnOffset === 0) continue;
        const targetRow = row + rowOffset;
        const targetColumn = column + columnOffset;
        const occupied =
          sheet.formulas.has(key(targetRow, targetColumn)) ||
          (sheet.values[targetRow]?.[targetColumn] ?? null) !== null ||
          computed.has(key(targetRow, targetColumn));
        if (occupied) {
          computed.set(
            key(row, column),
            new FormulaError(
              "#SPILL!",
              `the result needs ${result.length}×${result[0].length} cells and ${rangeText({ top: targetRow, left: targetColumn, bottom: targetRow, right: targetColumn })} is not empty`,
            ),
          );
          return;
        }
      }
    }
    result.forEach((line, rowOffset) =>
      line.forEach((value, columnOffset) => computed.set(key(row + rowOffset, column + columnOffset), value)),
    );
  }
}
