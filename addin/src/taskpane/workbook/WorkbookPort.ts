/**
 * Everything the task pane does to a workbook goes through this interface (docs/design.md#workbook-port): the
 * Office.js adapter is the only code that calls `Excel.run`, the in-memory adapter backs the unit
 * tests and the browser preview. Addresses are sheet-local A1 text ("B2:D10").
 */

/** What a cell holds once read: a number, text, a boolean, blank (null) or an error value. */
export type CellValue = string | number | boolean | null;

export interface SheetSummary {
  readonly name: string;
  /** Sheet-local address of the used range, undefined for an empty sheet. */
  readonly usedRange?: string;
}

export interface TableSummary {
  readonly name: string;
  readonly sheet: string;
  /** Sheet-local address of the whole table, header row included. */
  readonly address: string;
}

/** A colour rule applied by Excel's conditional formatting, so it follows recalculation. */
export type ConditionalFormatRule =
  | { readonly kind: "textEquals"; readonly address: string; readonly text: string; readonly fill: string; readonly fontColor: string }
  | { readonly kind: "colorScale"; readonly address: string; readonly low: string; readonly middle: string; readonly high: string };

export interface ChartSeries {
  readonly name: string;
  /** Sheet-local address of the series' values (one column). */
  readonly values: string;
}

export interface ChartSpec {
  /** Charts are found again by name on rebuild: one name, one chart. */
  readonly name: string;
  readonly kind: "radar" | "bar" | "scatter";
  readonly title: string;
  /** Sheet-local address of the category labels (one column); for a scatter chart, the x values. */
  readonly categories: string;
  readonly series: readonly ChartSeries[];
  /** Sheet-local cell range the chart covers. */
  readonly placement: string;
}

export interface NamedRange {
  readonly sheet: string;
  readonly address: string;
}

/** A generated sheet as one write (how it is performed: ./sheetWrite). */
export interface SheetWriteBlock {
  readonly topLeft: string;
  readonly values?: CellValue[][];
  /** Formulas already in the names of the metadata Excel loaded; `null` leaves a cell empty for a spill. */
  readonly formulas?: (string | null)[][];
}

export interface SheetWrite {
  /** Workbook name that remembers the generated area between builds. */
  readonly areaName: string;
  readonly sheetName: string;
  /** Sheet-local A1 address of the cells the build owns. */
  readonly area: string;
  readonly blocks: readonly SheetWriteBlock[];
  readonly numberFormats: readonly { readonly address: string; readonly format: string }[];
  readonly conditionalFormats: readonly ConditionalFormatRule[];
  readonly charts: readonly ChartSpec[];
}

export interface WorkbookPort {
  /**
   * Writes a generated sheet in one batch (see ./sheetWrite): one `Excel.run` with a few syncs in
   * the Office.js adapter. Throws `AreaOccupiedError`, having written nothing, when the area holds
   * the user's data.
   */
  writeSheet(write: SheetWrite): Promise<NamedRange>;
  /** Office.context.displayLanguage ("fr-CA"): it decides the names the SYM functions have in formulas. */
  readonly displayLanguage: string;
  listSheets(): Promise<SheetSummary[]>;
  listTables(): Promise<TableSummary[]>;
  /** Values of a rectangle (blanks as null); formulas come back as their results. */
  readRange(sheet: string, address: string): Promise<CellValue[][]>;
  /** Values of several rectangles of one sheet in one round trip (the mapped columns around unmapped ones). */
  readRanges(sheet: string, addresses: readonly string[]): Promise<CellValue[][][]>;
  /** Creates the sheet when missing, renaming `previousName` instead when that sheet exists. */
  ensureSheet(name: string, previousName?: string): Promise<void>;
  /** Empties a rectangle: values, formulas, formats and conditional formats. */
  clearRange(sheet: string, address: string): Promise<void>;
  /** Writes values as values: text stays text even when it starts with `=`, `+`, `-` or `@`. */
  writeValues(sheet: string, topLeft: string, values: CellValue[][]): Promise<void>;
  /** Writes formulas (only the ones the pane generates), one per cell; `null` empties the cell (room for a spill). */
  writeFormulas(sheet: string, topLeft: string, formulas: (string | null)[][]): Promise<void>;
  setNumberFormat(sheet: string, address: string, format: string): Promise<void>;
  /** Adds rules; the caller clears the area first so a rebuild never stacks them. */
  addConditionalFormats(sheet: string, rules: readonly ConditionalFormatRule[]): Promise<void>;
  /** Adds a chart, replacing the chart of the same name on that sheet. */
  upsertChart(sheet: string, chart: ChartSpec): Promise<void>;
  listCharts(sheet: string): Promise<string[]>;
  getNamedRange(name: string): Promise<NamedRange | null>;
  /** Defines or redefines a workbook-level name. */
  setNamedRange(name: string, range: NamedRange): Promise<void>;
  listNames(): Promise<string[]>;
  /** XML of the custom XML part of that namespace, or null. */
  getCustomXmlPart(namespace: string): Promise<string | null>;
  /** Creates or replaces the (single) custom XML part of that namespace. */
  setCustomXmlPart(namespace: string, xml: string): Promise<void>;
  activateSheet(name: string): Promise<void>;
  /** Deletes a sheet (the installation check's scratch sheet); no error when it is missing. */
  deleteSheet(name: string): Promise<void>;
}
