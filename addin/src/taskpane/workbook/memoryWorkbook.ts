import { contains, parseCell, parseRange, rangeText, type RangeAddress } from "./a1";
import { evaluateFormula, type CustomFunction } from "./formula/evaluate";
import { parseFormula, type FormulaNode } from "./formula/parse";
import { FormulaError, isFormulaError, isMatrix, type Matrix, type Scalar } from "./formula/values";
import { toExcelInput } from "./safeText";
import type { CellValue, ChartSpec, ConditionalFormatRule, NamedRange, SheetSummary, TableSummary, WorkbookPort } from "./WorkbookPort";

/**
 * In-memory workbook: the unit tests' and the browser preview's stand-in for Excel. It follows
 * Excel where the task pane depends on it: text typed into `values` that starts with `=` or `@`
 * becomes a formula and numeric text becomes a number (so unsafe writes show up in tests), formula
 * results spill into empty neighbours or give #SPILL!, and formulas recalculate after every change.
 */

const COLUMN_SPAN = 16384; // Excel's column count: cell key = row × span + column

interface MemorySheet {
  name: string;
  /** Dense rows of typed values (data sheets hold 200 k rows). */
  readonly values: CellValue[][];
  readonly formulas: Map<number, { text: string; node: FormulaNode }>;
  readonly numberFormats: Map<number, string>;
  conditionalFormats: ConditionalFormatRule[];
  readonly charts: Map<string, ChartSpec>;
}

function key(row: number, column: number): number {
  return row * COLUMN_SPAN + column;
}

export class MemoryWorkbook implements WorkbookPort {
  private readonly sheets: MemorySheet[] = [];
  private readonly tables: TableSummary[] = [];
  private readonly names = new Map<string, NamedRange>();
  private readonly customXml = new Map<string, string>();
  private computed = new Map<string, Map<number, Scalar>>();
  /** Ranges of value-only cells read during one recalculation, shared by the formulas that read them. */
  private rangeCache = new Map<string, Matrix>();
  private evaluating = new Set<string>();
  private dirty = false;
  private activeSheet: string | undefined;

  constructor(private readonly customFunctions: Readonly<Record<string, CustomFunction>> = {}) {}

  // ---- set-up helpers used by tests and the preview (not part of the port) ----

  /** Adds (or replaces the content of) a sheet holding `rows` from A1. */
  loadSheet(name: string, rows: CellValue[][]): void {
    const existing = this.findSheet(name);
    if (existing) {
      existing.values.length = 0;
      existing.values.push(...rows.map((row) => [...row]));
    } else {
      this.sheets.push(this.emptySheet(name, rows.map((row) => [...row])));
    }
    this.dirty = true;
  }

  addTable(table: TableSummary): void {
    this.requireSheet(table.sheet);
    this.tables.push(table);
  }

  /** A cell's formula text, or undefined when it holds a value. */
  formulaAt(sheet: string, address: string): string | undefined {
    const cell = parseCell(address);
    return this.requireSheet(sheet).formulas.get(key(cell.row, cell.column))?.text;
  }

  /** Values with error details (FormulaError), for the preview grid's tooltips. */
  readDetailed(sheet: string, address: string): Scalar[][] {
    this.recalculateIfDirty();
    return this.readScalars(this.requireSheet(sheet), parseRange(address));
  }

  conditionalFormats(sheet: string): readonly ConditionalFormatRule[] {
    return this.requireSheet(sheet).conditionalFormats;
  }

  chart(sheet: string, name: string): ChartSpec | undefined {
    return this.requireSheet(sheet).charts.get(name);
  }

  numberFormatAt(sheet: string, address: string): string | undefined {
    const cell = parseCell(address);
    return this.requireSheet(sheet).numberFormats.get(key(cell.row, cell.column));
  }

  get activeSheetName(): string | undefined {
    return this.activeSheet;
  }

  // ---- WorkbookPort ----

  async listSheets(): Promise<SheetSummary[]> {
    return this.sheets.map((sheet) => {
      const used = this.usedRange(sheet);
      return used ? { name: sheet.name, usedRange: rangeText(used) } : { name: sheet.name };
    });
  }

  async listTables(): Promise<TableSummary[]> {
    return this.tables.map((table) => ({ ...table }));
  }

  async readRange(sheet: string, address: string): Promise<CellValue[][]> {
    this.recalculateIfDirty();
    return this.readScalars(this.requireSheet(sheet), parseRange(address)).map((row) =>
      row.map((value) => (isFormulaError(value) ? value.code : value)),
    );
  }

  async ensureSheet(name: string, previousName?: string): Promise<void> {
    if (this.findSheet(name)) return;
    const previous = previousName ? this.findSheet(previousName) : undefined;
    if (previous) {
      // Excel rewrites names that point to a renamed sheet; so does this workbook.
      for (const [nameKey, range] of this.names) if (range.sheet === previous.name) this.names.set(nameKey, { ...range, sheet: name });
      previous.name = name;
      this.dirty = true;
      return;
    }
    this.sheets.push(this.emptySheet(name, []));
  }

  async clearRange(sheet: string, address: string): Promise<void> {
    const target = this.requireSheet(sheet);
    const range = parseRange(address);
    for (let row = range.top; row <= Math.min(range.bottom, target.values.length - 1); row++) {
      const line = target.values[row];
      if (!line) continue;
      for (let column = range.left; column <= Math.min(range.right, line.length - 1); column++) line[column] = null;
    }
    for (const map of [target.formulas, target.numberFormats]) {
      for (const cellKey of [...map.keys()]) if (contains(range, Math.floor(cellKey / COLUMN_SPAN), cellKey % COLUMN_SPAN)) map.delete(cellKey);
    }
    target.conditionalFormats = target.conditionalFormats.filter((rule) => !overlaps(parseRange(rule.address), range));
    this.dirty = true;
  }

  async writeValues(sheet: string, topLeft: string, values: CellValue[][]): Promise<void> {
    const target = this.requireSheet(sheet);
    const start = parseCell(topLeft);
    values.forEach((line, rowOffset) =>
      line.forEach((value, columnOffset) => this.typeIntoCell(target, start.row + rowOffset, start.column + columnOffset, toExcelInput(value))),
    );
    this.dirty = true;
  }

  async writeFormulas(sheet: string, topLeft: string, formulas: (string | null)[][]): Promise<void> {
    const target = this.requireSheet(sheet);
    const start = parseCell(topLeft);
    formulas.forEach((line, rowOffset) =>
      line.forEach((formula, columnOffset) => {
        const row = start.row + rowOffset;
        const column = start.column + columnOffset;
        this.setValue(target, row, column, null);
        if (formula === null || formula === "") target.formulas.delete(key(row, column));
        else target.formulas.set(key(row, column), { text: formula, node: parseFormula(formula) });
      }),
    );
    this.dirty = true;
  }

  async setNumberFormat(sheet: string, address: string, format: string): Promise<void> {
    const target = this.requireSheet(sheet);
    const range = parseRange(address);
    for (let row = range.top; row <= range.bottom; row++) for (let column = range.left; column <= range.right; column++) target.numberFormats.set(key(row, column), format);
  }

  async addConditionalFormats(sheet: string, rules: readonly ConditionalFormatRule[]): Promise<void> {
    this.requireSheet(sheet).conditionalFormats.push(...rules);
  }

  async upsertChart(sheet: string, chart: ChartSpec): Promise<void> {
    this.requireSheet(sheet).charts.set(chart.name, chart);
  }

  async listCharts(sheet: string): Promise<string[]> {
    return [...this.requireSheet(sheet).charts.keys()];
  }

  async getNamedRange(name: string): Promise<NamedRange | null> {
    return this.names.get(name.toLowerCase()) ?? null;
  }

  async setNamedRange(name: string, range: NamedRange): Promise<void> {
    this.requireSheet(range.sheet);
    this.names.set(name.toLowerCase(), range);
  }

  async listNames(): Promise<string[]> {
    return [...this.names.keys()];
  }

  async getCustomXmlPart(namespace: string): Promise<string | null> {
    return this.customXml.get(namespace) ?? null;
  }

  async setCustomXmlPart(namespace: string, xml: string): Promise<void> {
    this.customXml.set(namespace, xml);
  }

  async activateSheet(name: string): Promise<void> {
    this.requireSheet(name);
    this.activeSheet = name;
  }

  // ---- internals ----

  private emptySheet(name: string, values: CellValue[][]): MemorySheet {
    return { name, values, formulas: new Map(), numberFormats: new Map(), conditionalFormats: [], charts: new Map() };
  }

  private findSheet(name: string): MemorySheet | undefined {
    const lower = name.toLowerCase();
    return this.sheets.find((sheet) => sheet.name.toLowerCase() === lower);
  }

  private requireSheet(name: string): MemorySheet {
    const sheet = this.findSheet(name);
    if (!sheet) throw new Error(`The workbook has no sheet named "${name}"`);
    return sheet;
  }

  private setValue(sheet: MemorySheet, row: number, column: number, value: CellValue): void {
    while (sheet.values.length <= row) sheet.values.push([]);
    const line = sheet.values[row];
    while (line.length <= column) line.push(null);
    line[column] = value;
  }

  /** What Excel does with a value typed into a cell. */
  private typeIntoCell(sheet: MemorySheet, row: number, column: number, input: CellValue): void {
    sheet.formulas.delete(key(row, column));
    if (typeof input !== "string") return this.setValue(sheet, row, column, input);
    if (input.startsWith("'")) return this.setValue(sheet, row, column, input.slice(1));
    if (input.startsWith("=") || input.startsWith("@")) {
      const formula = input.startsWith("@") ? `=${input.slice(1)}` : input;
      this.setValue(sheet, row, column, null);
      let node: FormulaNode;
      try {
        node = parseFormula(formula);
      } catch {
        node = { type: "call", name: "NA", args: [] };
      }
      sheet.formulas.set(key(row, column), { text: formula, node });
      return;
    }
    const trimmed = input.trim();
    if (trimmed !== "" && /^[+-]?(\d+\.?\d*|\.\d+)([eE][+-]?\d+)?$/.test(trimmed)) return this.setValue(sheet, row, column, Number(trimmed));
    this.setValue(sheet, row, column, input);
  }

  private usedRange(sheet: MemorySheet): RangeAddress | undefined {
    let bottom = -1;
    let right = -1;
    sheet.values.forEach((line, row) => {
      for (let column = line.length - 1; column >= 0; column--) {
        if (line[column] !== null && line[column] !== undefined) {
          bottom = Math.max(bottom, row);
          right = Math.max(right, column);
          break;
        }
      }
    });
    for (const cellKey of sheet.formulas.keys()) {
      bottom = Math.max(bottom, Math.floor(cellKey / COLUMN_SPAN));
      right = Math.max(right, cellKey % COLUMN_SPAN);
    }
    return bottom < 0 ? undefined : { top: 0, left: 0, bottom, right };
  }

  private computedOf(sheet: MemorySheet): Map<number, Scalar> {
    let map = this.computed.get(sheet.name);
    if (!map) {
      map = new Map();
      this.computed.set(sheet.name, map);
    }
    return map;
  }

  private readScalars(sheet: MemorySheet, range: RangeAddress): Matrix {
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

  private recalculateIfDirty(): void {
    if (!this.dirty) return;
    this.dirty = false;
    this.computed = new Map();
    this.rangeCache = new Map();
    this.evaluating = new Set();
    for (const sheet of this.sheets) {
      const ordered = [...sheet.formulas.keys()].sort((a, b) => a - b);
      for (const cellKey of ordered) this.evaluateCell(sheet, cellKey);
    }
    this.rangeCache = new Map();
  }

  /** Formulas inside `range` not evaluated yet in this pass are evaluated first (dependency order). */
  private evaluatePendingFormulas(sheet: MemorySheet, range: RangeAddress): void {
    if (sheet.formulas.size === 0) return;
    const computed = this.computedOf(sheet);
    for (const cellKey of sheet.formulas.keys()) {
      if (!computed.has(cellKey) && contains(range, Math.floor(cellKey / COLUMN_SPAN), cellKey % COLUMN_SPAN)) this.evaluateCell(sheet, cellKey);
    }
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
      readRange: (sheetName, range) => this.readForFormula(sheetName === undefined ? sheet : this.requireSheet(sheetName), range),
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
          computed.set(key(row, column), new FormulaError("#SPILL!", `the result needs ${result.length}×${result[0].length} cells and ${rangeText({ top: targetRow, left: targetColumn, bottom: targetRow, right: targetColumn })} is not empty`));
          return;
        }
      }
    }
    result.forEach((line, rowOffset) => line.forEach((value, columnOffset) => computed.set(key(row + rowOffset, column + columnOffset), value)));
  }
}

function overlaps(a: RangeAddress, b: RangeAddress): boolean {
  return a.left <= b.right && b.left <= a.right && a.top <= b.bottom && b.top <= a.bottom;
}
