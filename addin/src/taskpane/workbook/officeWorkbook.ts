import { parseRange, rangeSize, splitSheet } from "./a1";
import { toExcelInput } from "./safeText";
import { addChart, addConditionalFormat, writeSheetInOneBatch } from "./officeSheetWrite";
import type { SheetWrite } from "./sheetWrite";
import type { CellValue, ChartSpec, ConditionalFormatRule, NamedRange, SheetSummary, TableSummary, WorkbookPort } from "./WorkbookPort";

/**
 * The WorkbookPort over Office.js: the only module that calls `Excel.run`. Each method is one
 * batch (queue commands, `context.sync()`, read the loaded properties). Enum values are passed as
 * their strings ("ColorScale", "Radar"), which Office.js accepts, so the module needs no global
 * at import time. The requirement sets it needs are in ../requirements.ts (derived by a test from
 * the members used).
 */

type ExcelRun = <T>(batch: (context: Excel.RequestContext) => Promise<T>) => Promise<T>;

const defaultRun: ExcelRun = (batch) => Excel.run(batch);

/**
 * Excel answers InvalidArgument when an array is not a rectangle of the range's size
 * (OfficeDev/office-js#1025); say which write was wrong before sending anything.
 */
function requireRectangle<T>(rows: readonly (readonly T[])[], where: string): { rows: number; columns: number } {
  const columns = rows[0]?.length ?? 0;
  if (rows.length === 0 || columns === 0 || rows.some((row) => row.length !== columns)) {
    throw new Error(
      `The cells written at ${where} are not a rectangle (rows of ${[...new Set(rows.map((row) => row.length))].join("/")} cells): nothing was written`,
    );
  }
  return { rows: rows.length, columns };
}

/** Office.js hands back strings for properties that were not loaded or synced; fail loudly instead. */
function requireArray<T>(value: T[][] | unknown, what: string): T[][] {
  if (!Array.isArray(value)) throw new Error(`Excel returned no ${what} (${String(value)}): try again, or reload the add-in`);
  return value as T[][];
}

function localAddress(address: string): string {
  return splitSheet(address).address;
}

function fill<T>(address: string, value: T): T[][] {
  const size = rangeSize(parseRange(address));
  return Array.from({ length: size.rows }, () => Array.from({ length: size.columns }, () => value));
}

export class OfficeWorkbook implements WorkbookPort {
  constructor(
    private readonly run: ExcelRun = defaultRun,
    readonly displayLanguage: string = typeof Office === "undefined" ? "en-US" : Office.context.displayLanguage,
  ) {}

  writeSheet(write: SheetWrite): Promise<NamedRange> {
    return this.run((context) => writeSheetInOneBatch(context, write));
  }

  listSheets(): Promise<SheetSummary[]> {
    return this.run(async (context) => {
      const sheets = context.workbook.worksheets;
      sheets.load("items/name");
      await context.sync();
      const used = sheets.items.map((sheet) => {
        const range = sheet.getUsedRangeOrNullObject(true);
        range.load("address");
        return range;
      });
      await context.sync();
      return sheets.items.map((sheet, index) =>
        used[index].isNullObject ? { name: sheet.name } : { name: sheet.name, usedRange: localAddress(used[index].address) },
      );
    });
  }

  listTables(): Promise<TableSummary[]> {
    return this.run(async (context) => {
      const tables = context.workbook.tables;
      tables.load("items/name");
      await context.sync();
      const details = tables.items.map((table) => {
        const range = table.getRange();
        range.load("address");
        table.worksheet.load("name");
        return range;
      });
      await context.sync();
      return tables.items.map((table, index) => ({
        name: table.name,
        sheet: table.worksheet.name,
        address: localAddress(details[index].address),
      }));
    });
  }

  async readRange(sheet: string, address: string): Promise<CellValue[][]> {
    return (await this.readRanges(sheet, [address]))[0];
  }

  readRanges(sheet: string, addresses: readonly string[]): Promise<CellValue[][][]> {
    return this.run(async (context) => {
      const worksheet = context.workbook.worksheets.getItem(sheet);
      const ranges = addresses.map((address) => {
        const range = worksheet.getRange(address);
        range.load("values");
        return range;
      });
      await context.sync();
      // Office.js reads a blank cell as "": the pane's convention is null.
      return ranges.map((range, index) =>
        requireArray<CellValue>(range.values, `values for ${sheet}!${addresses[index]}`).map((row) =>
          row.map((value) => (value === "" ? null : value)),
        ),
      );
    });
  }

  ensureSheet(name: string, previousName?: string): Promise<void> {
    return this.run(async (context) => {
      const sheets = context.workbook.worksheets;
      const existing = sheets.getItemOrNullObject(name);
      const previous = previousName ? sheets.getItemOrNullObject(previousName) : undefined;
      await context.sync();
      if (!existing.isNullObject) return;
      if (previous && !previous.isNullObject) previous.name = name;
      else sheets.add(name);
      await context.sync();
    });
  }

  clearRange(sheet: string, address: string): Promise<void> {
    return this.run(async (context) => {
      const range = context.workbook.worksheets.getItem(sheet).getRange(address);
      range.conditionalFormats.clearAll();
      range.clear("All");
      await context.sync();
    });
  }

  async writeValues(sheet: string, topLeft: string, values: CellValue[][]): Promise<void> {
    const size = requireRectangle(values, `${sheet}!${topLeft}`);
    return this.run(async (context) => {
      const range = context.workbook.worksheets
        .getItem(sheet)
        .getRange(topLeft)
        .getResizedRange(size.rows - 1, size.columns - 1);
      range.values = values.map((row) => row.map((value) => (value === null ? "" : toExcelInput(value)))) as (
        string | number | boolean
      )[][];
      await context.sync();
    });
  }

  async writeFormulas(sheet: string, topLeft: string, formulas: (string | null)[][]): Promise<void> {
    const size = requireRectangle(formulas, `${sheet}!${topLeft}`);
    return this.run(async (context) => {
      const range = context.workbook.worksheets
        .getItem(sheet)
        .getRange(topLeft)
        .getResizedRange(size.rows - 1, size.columns - 1);
      range.formulas = formulas.map((row) => row.map((formula) => formula ?? ""));
      await context.sync();
    });
  }

  setNumberFormat(sheet: string, address: string, format: string): Promise<void> {
    return this.run(async (context) => {
      context.workbook.worksheets.getItem(sheet).getRange(address).numberFormat = fill(address, format);
      await context.sync();
    });
  }

  addConditionalFormats(sheet: string, rules: readonly ConditionalFormatRule[]): Promise<void> {
    return this.run(async (context) => {
      const worksheet = context.workbook.worksheets.getItem(sheet);
      for (const rule of rules) addConditionalFormat(worksheet, rule);
      await context.sync();
    });
  }

  upsertChart(sheet: string, spec: ChartSpec): Promise<void> {
    return this.run(async (context) => {
      const worksheet = context.workbook.worksheets.getItem(sheet);
      const existing = worksheet.charts.getItemOrNullObject(spec.name);
      await context.sync();
      if (!existing.isNullObject) existing.delete();
      addChart(worksheet, spec);
      await context.sync();
    });
  }

  listCharts(sheet: string): Promise<string[]> {
    return this.run(async (context) => {
      const charts = context.workbook.worksheets.getItem(sheet).charts;
      charts.load("items/name");
      await context.sync();
      return charts.items.map((chart) => chart.name);
    });
  }

  getNamedRange(name: string): Promise<NamedRange | null> {
    return this.run(async (context) => {
      const item = context.workbook.names.getItemOrNullObject(name);
      await context.sync();
      if (item.isNullObject) return null;
      const range = item.getRangeOrNullObject();
      range.load("address");
      await context.sync();
      if (range.isNullObject) return null;
      const { sheet, address } = splitSheet(range.address);
      return sheet === undefined ? null : { sheet, address };
    });
  }

  setNamedRange(name: string, target: NamedRange): Promise<void> {
    return this.run(async (context) => {
      const existing = context.workbook.names.getItemOrNullObject(name);
      await context.sync();
      if (!existing.isNullObject) existing.delete();
      context.workbook.names.add(name, context.workbook.worksheets.getItem(target.sheet).getRange(target.address));
      await context.sync();
    });
  }

  listNames(): Promise<string[]> {
    return this.run(async (context) => {
      const names = context.workbook.names;
      names.load("items/name");
      await context.sync();
      return names.items.map((item) => item.name);
    });
  }

  getCustomXmlPart(namespace: string): Promise<string | null> {
    return this.run(async (context) => {
      const parts = context.workbook.customXmlParts.getByNamespace(namespace);
      // eslint-disable-next-line office-addins/no-navigational-load -- a namespace holds one part (two if another tool copied it): nothing heavy to load
      parts.load("items");
      await context.sync();
      // eslint-disable-next-line office-addins/load-object-before-read -- items are loaded just above; the rule does not follow collection items
      if (parts.items.length === 0) return null;
      const xml = parts.items[0].getXml();
      await context.sync();
      // eslint-disable-next-line office-addins/load-object-before-read -- getXml returns a ClientResult, filled by sync rather than load
      return xml.value;
    });
  }

  setCustomXmlPart(namespace: string, xml: string): Promise<void> {
    return this.run(async (context) => {
      const parts = context.workbook.customXmlParts.getByNamespace(namespace);
      // eslint-disable-next-line office-addins/no-navigational-load -- a namespace holds one part (two if another tool copied it): nothing heavy to load
      parts.load("items");
      await context.sync();
      // One part per namespace: update the first, drop any copies another tool left.
      // eslint-disable-next-line office-addins/load-object-before-read -- items are loaded just above; the rule does not follow collection items
      if (parts.items.length === 0) context.workbook.customXmlParts.add(xml);
      else {
        parts.items[0].setXml(xml);
        for (const extra of parts.items.slice(1)) extra.delete();
      }
      await context.sync();
    });
  }

  activateSheet(name: string): Promise<void> {
    return this.run(async (context) => {
      context.workbook.worksheets.getItem(name).activate();
      await context.sync();
    });
  }

  deleteSheet(name: string): Promise<void> {
    return this.run(async (context) => {
      const sheet = context.workbook.worksheets.getItemOrNullObject(name);
      await context.sync();
      if (sheet.isNullObject) return;
      sheet.delete();
      await context.sync();
    });
  }
}
