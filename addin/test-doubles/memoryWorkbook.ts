import { contains, parseCell, parseRange, rangeText, type RangeAddress } from "../src/taskpane/workbook/a1";
import type { CustomFunction } from "./formula/evaluate";
import { parseFormula, type FormulaNode } from "./formula/parse";
import { isFormulaError, type Scalar } from "./formula/values";
import { COLUMN_SPAN, key, type MemorySheet } from "./memorySheet";
import { Recalculation } from "./recalculation";
import { functionName, metadataLanguage, type MetadataLanguage } from "../src/functions/metadataLocales";

/** The custom functions (exported under their lower-case id) keyed by their lower-case name in that metadata. */
function namedFor(functions: Readonly<Record<string, CustomFunction>>, language: MetadataLanguage): Record<string, CustomFunction> {
  return Object.fromEntries(
    Object.entries(functions).map(([id, implementation]) => [functionName(id.toUpperCase(), language).toLowerCase(), implementation]),
  );
}
import { toExcelInput } from "../src/taskpane/workbook/safeText";
import { AreaOccupiedError, firstOccupiedCell, type SheetWrite } from "../src/taskpane/workbook/sheetWrite";
import { FLUSH_BYTES } from "../src/taskpane/workbook/officeSheetWrite";
import { rowSlicesByBytes } from "../src/taskpane/workbook/payload";
import { assertCellText, assertPayload, assertRectangular, assertSheetName, assertWithinGrid } from "./excelRules";
import type {
  CellValue,
  ChartSpec,
  ConditionalFormatRule,
  NamedRange,
  SheetSummary,
  TableSummary,
  WorkbookPort,
} from "../src/taskpane/workbook/WorkbookPort";

/**
 * In-memory workbook: the unit tests' and the browser preview's stand-in for Excel. It follows
 * Excel where the task pane depends on it: text typed into `values` that starts with `=` or `@`
 * becomes a formula and numeric text becomes a number (so unsafe writes show up in tests), formula
 * results spill into empty neighbours or give #SPILL!, and formulas recalculate after every change.
 * It is as strict as Excel on the rules of PLATFORM.md (`./excelRules`): arrays written must be
 * rectangular, a read or write must fit in 5 MB once serialised, sheet names, cell length and grid
 * limits are checked. `requests` counts the round trips an Office.js adapter would make (one per
 * port call; for `writeSheet`, the syncs of its single batch) and `largestPayload` the biggest
 * one, for the tests' budgets.
 */

export class MemoryWorkbook implements WorkbookPort {
  private readonly sheets: MemorySheet[] = [];
  private readonly tables: TableSummary[] = [];
  private readonly names = new Map<string, NamedRange>();
  private readonly customXml = new Map<string, string>();
  private readonly recalculation: Recalculation;
  private dirty = false;
  private activeSheet: string | undefined;

  /** Port calls so far: each is at least one round trip to Excel. */
  requests = 0;
  /** Largest serialised request or response so far, in bytes. */
  largestPayload = 0;

  /**
   * `displayLanguage` plays Office.context.displayLanguage: formulas know the SYM functions under
   * the names of the metadata Excel loads for it (SYM.ECARTSYM in fr-CA, SYM.SYMGAP in de-DE), and
   * any other name gives #NAME?, as in Excel.
   */
  constructor(
    customFunctions: Readonly<Record<string, CustomFunction>> = {},
    readonly displayLanguage = "en-US",
  ) {
    this.recalculation = new Recalculation(namedFor(customFunctions, metadataLanguage(displayLanguage)), (name) => this.requireSheet(name));
  }

  // ---- set-up helpers used by tests and the preview (not part of the port) ----

  /** Adds (or replaces the content of) a sheet holding `rows` from A1. */
  loadSheet(name: string, rows: CellValue[][]): void {
    assertSheetName(name);
    const existing = this.findSheet(name);
    if (existing) {
      existing.values.length = 0;
      existing.values.push(...rows.map((row) => [...row]));
    } else {
      this.sheets.push(
        this.emptySheet(
          name,
          rows.map((row) => [...row]),
        ),
      );
    }
    this.dirty = true;
  }

  addTable(table: TableSummary): void {
    this.requireSheet(table.sheet);
    this.tables.push(table);
  }

  /** Every formula of a sheet, by A1 address. */
  formulasOf(sheet: string): Map<string, string> {
    const found = new Map<string, string>();
    for (const [cellKey, formula] of this.requireSheet(sheet).formulas) {
      found.set(
        rangeText({
          top: Math.floor(cellKey / COLUMN_SPAN),
          left: cellKey % COLUMN_SPAN,
          bottom: Math.floor(cellKey / COLUMN_SPAN),
          right: cellKey % COLUMN_SPAN,
        }),
        formula.text,
      );
    }
    return found;
  }

  /** A cell's formula text, or undefined when it holds a value. */
  formulaAt(sheet: string, address: string): string | undefined {
    const cell = parseCell(address);
    return this.requireSheet(sheet).formulas.get(key(cell.row, cell.column))?.text;
  }

  /** Values with error details (FormulaError), for the preview grid's tooltips. */
  readDetailed(sheet: string, address: string): Scalar[][] {
    this.recalculateIfDirty();
    return this.recalculation.readScalars(this.requireSheet(sheet), parseRange(address));
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

  /**
   * A generated sheet in one batch, as the Office.js adapter writes it (`writeSheetInOneBatch`):
   * the same round trips (the area's name; its address on a rebuild; the new area's cells; then
   * every write, plus one sync per 4 MB queued) and the same checks, all made before anything is
   * written, so a refused write leaves the workbook as it was.
   */
  async writeSheet(write: SheetWrite): Promise<NamedRange> {
    this.recalculateIfDirty();
    this.requests++; // sync 1: the remembered name, and whether the target sheet exists
    const remembered = this.names.get(write.areaName.toLowerCase());
    if (remembered) this.requests++; // sync 2: the remembered area's address
    const previous = remembered && this.findSheet(remembered.sheet) ? remembered : undefined;
    const area = parseRange(write.area);
    this.checkRange(area, `${write.sheetName}!${write.area}`);
    const checked = this.findSheet(write.sheetName) ?? (previous ? this.findSheet(previous.sheet) : undefined);
    if (checked) {
      // sync 3: the new area's cells (and the charts already there)
      const values = this.recalculation
        .readScalars(checked, area)
        .map((row) => row.map((value) => (isFormulaError(value) ? value.code : value)));
      this.count(values, "response");
      const occupied = firstOccupiedCell(values, area, previous ? parseRange(previous.address) : undefined);
      if (occupied) throw new AreaOccupiedError(write.sheetName, occupied);
    } else this.requests++;
    assertSheetName(write.sheetName);
    this.checkBatch(write);
    this.requests++; // the last sync: every write still queued

    if (checked && checked.name !== write.sheetName) await this.renameSheet(checked, write.sheetName);
    const sheet = checked ?? this.emptySheet(write.sheetName, []);
    if (!checked) this.sheets.push(sheet);
    if (previous) this.clearArea(sheet, parseRange(previous.address));
    for (const block of write.blocks) if (block.values) this.putValues(sheet, parseCell(block.topLeft), block.values);
    for (const block of write.blocks) if (block.formulas) this.putFormulas(sheet, parseCell(block.topLeft), block.formulas);
    for (const { address, format } of write.numberFormats) this.putNumberFormat(sheet, parseRange(address), format);
    sheet.conditionalFormats.push(...write.conditionalFormats);
    for (const chart of write.charts) sheet.charts.set(chart.name, chart);
    const written: NamedRange = { sheet: write.sheetName, address: write.area };
    this.names.set(write.areaName.toLowerCase(), written);
    this.activeSheet = write.sheetName;
    this.dirty = true;
    return written;
  }

  async listSheets(): Promise<SheetSummary[]> {
    this.requests++;
    return this.sheets.map((sheet) => {
      const used = this.usedRange(sheet);
      return used ? { name: sheet.name, usedRange: rangeText(used) } : { name: sheet.name };
    });
  }

  async listTables(): Promise<TableSummary[]> {
    this.requests++;
    return this.tables.map((table) => ({ ...table }));
  }

  async readRange(sheet: string, address: string): Promise<CellValue[][]> {
    return (await this.readRanges(sheet, [address]))[0];
  }

  /** One round trip: the response (every rectangle together) must fit in 5 MB. */
  async readRanges(sheet: string, addresses: readonly string[]): Promise<CellValue[][][]> {
    this.recalculateIfDirty();
    const values = addresses.map((address) => {
      const range = parseRange(address);
      this.checkRange(range, `${sheet}!${address}`);
      return this.recalculation
        .readScalars(this.requireSheet(sheet), range)
        .map((row) => row.map((value) => (isFormulaError(value) ? value.code : value)));
    });
    this.count(values, "response");
    return values;
  }

  async ensureSheet(name: string, previousName?: string): Promise<void> {
    this.requests++;
    assertSheetName(name);
    if (this.findSheet(name)) return;
    const previous = previousName ? this.findSheet(previousName) : undefined;
    if (previous) return this.renameSheet(previous, name);
    this.sheets.push(this.emptySheet(name, []));
  }

  async clearRange(sheet: string, address: string): Promise<void> {
    this.requests++;
    const range = parseRange(address);
    this.checkRange(range, `${sheet}!${address}`);
    this.clearArea(this.requireSheet(sheet), range);
  }

  private clearArea(target: MemorySheet, range: RangeAddress): void {
    for (let row = range.top; row <= Math.min(range.bottom, target.values.length - 1); row++) {
      const line = target.values[row];
      if (!line) continue;
      for (let column = range.left; column <= Math.min(range.right, line.length - 1); column++) line[column] = null;
    }
    for (const map of [target.formulas, target.numberFormats]) {
      for (const cellKey of [...map.keys()])
        if (contains(range, Math.floor(cellKey / COLUMN_SPAN), cellKey % COLUMN_SPAN)) map.delete(cellKey);
    }
    target.conditionalFormats = target.conditionalFormats.filter((rule) => !overlaps(parseRange(rule.address), range));
    this.dirty = true;
  }

  async writeValues(sheet: string, topLeft: string, values: CellValue[][]): Promise<void> {
    const target = this.requireSheet(sheet);
    const start = parseCell(topLeft);
    this.checkWrite(values, start, `${sheet}!${topLeft} values`);
    this.putValues(target, start, values);
  }

  private putValues(target: MemorySheet, start: { row: number; column: number }, values: readonly (readonly CellValue[])[]): void {
    values.forEach((line, rowOffset) =>
      line.forEach((value, columnOffset) =>
        this.typeIntoCell(target, start.row + rowOffset, start.column + columnOffset, toExcelInput(value)),
      ),
    );
    this.dirty = true;
  }

  async writeFormulas(sheet: string, topLeft: string, formulas: (string | null)[][]): Promise<void> {
    const target = this.requireSheet(sheet);
    const start = parseCell(topLeft);
    this.checkWrite(formulas, start, `${sheet}!${topLeft} formulas`);
    this.putFormulas(target, start, formulas);
  }

  private putFormulas(
    target: MemorySheet,
    start: { row: number; column: number },
    formulas: readonly (readonly (string | null)[])[],
  ): void {
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
    this.requests++;
    this.putNumberFormat(this.requireSheet(sheet), parseRange(address), format);
  }

  private putNumberFormat(target: MemorySheet, range: RangeAddress, format: string): void {
    for (let row = range.top; row <= range.bottom; row++)
      for (let column = range.left; column <= range.right; column++) target.numberFormats.set(key(row, column), format);
  }

  async addConditionalFormats(sheet: string, rules: readonly ConditionalFormatRule[]): Promise<void> {
    this.requests++;
    this.requireSheet(sheet).conditionalFormats.push(...rules);
  }

  async upsertChart(sheet: string, chart: ChartSpec): Promise<void> {
    this.requests++;
    this.requireSheet(sheet).charts.set(chart.name, chart);
  }

  async listCharts(sheet: string): Promise<string[]> {
    this.requests++;
    return [...this.requireSheet(sheet).charts.keys()];
  }

  async getNamedRange(name: string): Promise<NamedRange | null> {
    this.requests++;
    return this.names.get(name.toLowerCase()) ?? null;
  }

  async setNamedRange(name: string, range: NamedRange): Promise<void> {
    this.requests++;
    this.requireSheet(range.sheet);
    this.names.set(name.toLowerCase(), range);
  }

  async listNames(): Promise<string[]> {
    this.requests++;
    return [...this.names.keys()];
  }

  async getCustomXmlPart(namespace: string): Promise<string | null> {
    this.requests++;
    return this.customXml.get(namespace) ?? null;
  }

  async setCustomXmlPart(namespace: string, xml: string): Promise<void> {
    this.requests++;
    this.customXml.set(namespace, xml);
  }

  async activateSheet(name: string): Promise<void> {
    this.requests++;
    this.requireSheet(name);
    this.activeSheet = name;
  }

  async deleteSheet(name: string): Promise<void> {
    this.requests++;
    const sheet = this.findSheet(name);
    if (sheet) this.sheets.splice(this.sheets.indexOf(sheet), 1);
    this.dirty = true;
  }

  // ---- internals ----

  private count(payload: unknown, direction: "request" | "response"): void {
    this.requests++;
    this.largestPayload = Math.max(this.largestPayload, assertPayload(payload, direction));
  }

  private checkRange(range: RangeAddress, where: string): void {
    assertWithinGrid(range.top, range.left, where);
    assertWithinGrid(range.bottom, range.right, where);
  }

  /** Excel's rules on every array of a batch, and its syncs: one more whenever the queue would pass 4 MB. */
  private checkBatch(write: SheetWrite): void {
    let queued: unknown[][] = [];
    let queuedBytes = 0;
    const arrays = [
      ...write.blocks.flatMap((block) => (block.values ? [{ block, rows: block.values, what: "values" }] : [])),
      ...write.blocks.flatMap((block) => (block.formulas ? [{ block, rows: block.formulas, what: "formulas" }] : [])),
    ];
    for (const { block, rows, what } of arrays) {
      const where = `${write.sheetName}!${block.topLeft} ${what}`;
      this.checkCells(rows, parseCell(block.topLeft), where);
      for (const slice of rowSlicesByBytes(rows, FLUSH_BYTES)) {
        if (queuedBytes > 0 && queuedBytes + slice.bytes > FLUSH_BYTES) {
          this.count(queued, "request");
          queued = [];
          queuedBytes = 0;
        }
        queued.push(...rows.slice(slice.start, slice.end));
        queuedBytes += slice.bytes;
      }
    }
    // The last sync carries what is still queued.
    this.largestPayload = Math.max(this.largestPayload, assertPayload(queued, "request"));
    for (const { address } of write.numberFormats) this.checkRange(parseRange(address), `${write.sheetName}!${address}`);
  }

  /** What Excel checks on a values/formulas write: rectangle, grid, cell length, payload. */
  private checkWrite(array: readonly (readonly unknown[])[], start: { row: number; column: number }, where: string): void {
    this.checkCells(array, start, where);
    this.count(array, "request");
  }

  private checkCells(array: readonly (readonly unknown[])[], start: { row: number; column: number }, where: string): void {
    assertRectangular(array, where);
    this.checkRange(
      { top: start.row, left: start.column, bottom: start.row + array.length - 1, right: start.column + array[0].length - 1 },
      where,
    );
    array.forEach((row, rowOffset) =>
      row.forEach((value, columnOffset) => assertCellText(value, `${where} [${rowOffset}][${columnOffset}]`)),
    );
  }

  /** Excel rewrites the workbook names that point to a renamed sheet; so does this workbook. */
  private async renameSheet(sheet: MemorySheet, name: string): Promise<void> {
    assertSheetName(name);
    for (const [nameKey, range] of this.names) if (range.sheet === sheet.name) this.names.set(nameKey, { ...range, sheet: name });
    sheet.name = name;
    this.dirty = true;
  }

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
    if (trimmed !== "" && /^[+-]?(\d+\.?\d*|\.\d+)([eE][+-]?\d+)?$/.test(trimmed))
      return this.setValue(sheet, row, column, Number(trimmed));
    this.setValue(sheet, row, column, input);
  }

  private recalculateIfDirty(): void {
    if (!this.dirty) return;
    this.dirty = false;
    this.recalculation.recalculate(this.sheets);
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
}

function overlaps(a: RangeAddress, b: RangeAddress): boolean {
  return a.left <= b.right && b.left <= a.right && a.top <= b.bottom && b.top <= a.bottom;
}
