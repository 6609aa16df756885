import { parseRange, rangeSize, splitSheet } from "./a1";
import { rowSlicesByBytes } from "./payload";
import { toExcelInput } from "./safeText";
import { AreaOccupiedError, firstOccupiedCell, type SheetWrite, type SheetWriteBlock } from "./sheetWrite";
import type { CellValue, ChartSpec, ConditionalFormatRule, NamedRange } from "./WorkbookPort";

/**
 * A generated sheet written in one `Excel.run`: three syncs on a first build, four on a rebuild
 * (plus one per 4 MB of cells queued, which the sample sheets never reach), whatever the number
 * of blocks, formats or charts. Each sync is a round trip, a network call on the web ("Performance
 * optimization using the Excel JavaScript API"); a request is at most 5 MB on the web ("Resource
 * limits and performance optimization for Office Add-ins"), hence the flush by bytes.
 *
 *   sync 1  the remembered area's name, and whether the target sheet exists
 *   sync 2  (rebuild only) the remembered area's address
 *   sync 3  the cells of the new area and the charts already there (read only: nothing is written
 *           when the area holds the user's data)
 *   sync 4  every write, queued in order
 */

/** Queued bytes after which the batch syncs, well under the 5 MB request limit. */
export const FLUSH_BYTES = 4 * 1024 * 1024;

/** Excel's chart type for each chart kind the pane draws (a scatter's x values are its "categories"). */
const CHART_TYPES: Record<ChartSpec["kind"], "Radar" | "BarClustered" | "XYScatter"> = {
  radar: "Radar",
  bar: "BarClustered",
  scatter: "XYScatter",
};

function fill<T>(address: string, value: T): T[][] {
  const size = rangeSize(parseRange(address));
  return Array.from({ length: size.rows }, () => Array.from({ length: size.columns }, () => value));
}

/** A block's range: from its top-left cell, the size of its (rectangular) array. */
function blockRange(sheet: Excel.Worksheet, where: string, block: SheetWriteBlock, rows: readonly (readonly unknown[])[]): Excel.Range {
  const columns = rows[0]?.length ?? 0;
  if (rows.length === 0 || columns === 0 || rows.some((row) => row.length !== columns)) {
    // Excel answers InvalidArgument to an array that is not exactly the range's size (OfficeDev/office-js#1025).
    throw new Error(
      `The cells written at ${where}!${block.topLeft} are not a rectangle (rows of ${[...new Set(rows.map((row) => row.length))].join("/")} cells): nothing was written`,
    );
  }
  return sheet.getRange(block.topLeft).getResizedRange(rows.length - 1, columns - 1);
}

export function addConditionalFormat(sheet: Excel.Worksheet, rule: ConditionalFormatRule): void {
  const formats = sheet.getRange(rule.address).conditionalFormats;
  if (rule.kind === "textEquals") {
    const format = formats.add("CellValue");
    format.cellValue.format.fill.color = rule.fill;
    format.cellValue.format.font.color = rule.fontColor;
    format.cellValue.rule = { formula1: `="${rule.text.replace(/"/g, '""')}"`, operator: "EqualTo" };
  } else {
    const format = formats.add("ColorScale");
    format.colorScale.criteria = {
      minimum: { type: "LowestValue", color: rule.low },
      midpoint: { formula: "50", type: "Percentile", color: rule.middle },
      maximum: { type: "HighestValue", color: rule.high },
    };
  }
}

/** Queues a chart (its name, title, series and position); the caller deletes an old one first. */
export function addChart(sheet: Excel.Worksheet, spec: ChartSpec): void {
  const categories = sheet.getRange(spec.categories);
  const chart = sheet.charts.add(CHART_TYPES[spec.kind], sheet.getRange(spec.series[0].values), "Columns");
  chart.name = spec.name;
  chart.title.text = spec.title;
  const first = chart.series.getItemAt(0);
  first.name = spec.series[0].name;
  first.setXAxisValues(categories);
  for (const series of spec.series.slice(1)) {
    const added = chart.series.add(series.name);
    added.setValues(sheet.getRange(series.values));
    added.setXAxisValues(categories);
  }
  const placement = spec.placement.split(":");
  chart.setPosition(placement[0], placement[1]);
}

/** Where the previous build wrote (null when there was none, or its sheet was deleted). */
async function previousArea(context: Excel.RequestContext, item: Excel.NamedItem): Promise<NamedRange | null> {
  if (item.isNullObject) return null;
  const range = item.getRangeOrNullObject();
  range.load("address");
  await context.sync();
  if (range.isNullObject) return null;
  const { sheet, address } = splitSheet(range.address);
  return sheet === undefined ? null : { sheet, address };
}

export async function writeSheetInOneBatch(context: Excel.RequestContext, write: SheetWrite): Promise<NamedRange> {
  const worksheets = context.workbook.worksheets;
  const areaItem = context.workbook.names.getItemOrNullObject(write.areaName);
  const target = worksheets.getItemOrNullObject(write.sheetName);
  await context.sync();

  const previous = await previousArea(context, areaItem);
  const area = parseRange(write.area);
  const checked = !target.isNullObject ? target : previous ? worksheets.getItem(previous.sheet) : undefined;
  const current = checked?.getRange(write.area);
  current?.load("values");
  checked?.charts.load("items/name");
  await context.sync();

  if (current) {
    const values = (current.values as CellValue[][]).map((row) => row.map((value) => (value === "" ? null : value)));
    const occupied = firstOccupiedCell(values, area, previous ? parseRange(previous.address) : undefined);
    if (occupied) throw new AreaOccupiedError(write.sheetName, occupied);
  }

  // From here on only commands are queued; a sync goes out before the queue would pass FLUSH_BYTES.
  let queued = 0;
  const room = async (bytes: number) => {
    if (queued > 0 && queued + bytes > FLUSH_BYTES) {
      await context.sync();
      queued = 0;
    }
    queued += bytes;
  };
  let sheet: Excel.Worksheet;
  if (checked === undefined) sheet = worksheets.add(write.sheetName);
  else {
    sheet = checked;
    if (checked !== target) checked.name = write.sheetName;
  }
  if (previous) {
    const old = sheet.getRange(previous.address);
    old.conditionalFormats.clearAll();
    old.clear("All");
  }
  const cells = [
    ...write.blocks.flatMap((block) =>
      block.values
        ? [
            {
              block,
              property: "values" as const,
              rows: block.values.map((row) => row.map((value) => (value === null ? "" : toExcelInput(value)))),
            },
          ]
        : [],
    ),
    ...write.blocks.flatMap((block) =>
      block.formulas
        ? [{ block, property: "formulas" as const, rows: block.formulas.map((row) => row.map((formula) => formula ?? "")) }]
        : [],
    ),
  ];
  for (const { block, property, rows } of cells) {
    const range = blockRange(sheet, write.sheetName, block, rows);
    const slices = rowSlicesByBytes(rows, FLUSH_BYTES);
    for (const slice of slices) {
      await room(slice.bytes);
      const part = slices.length === 1 ? range : range.getRow(slice.start).getResizedRange(slice.end - slice.start - 1, 0);
      part[property] = rows.slice(slice.start, slice.end) as (string | number | boolean)[][];
    }
  }
  for (const { address, format } of write.numberFormats) sheet.getRange(address).numberFormat = fill(address, format);
  for (const rule of write.conditionalFormats) addConditionalFormat(sheet, rule);
  const existingCharts = new Set(checked ? checked.charts.items.map((chart) => chart.name) : []);
  for (const chart of write.charts) {
    if (existingCharts.has(chart.name)) sheet.charts.getItem(chart.name).delete();
    addChart(sheet, chart);
  }
  if (!areaItem.isNullObject) areaItem.delete();
  context.workbook.names.add(write.areaName, sheet.getRange(write.area));
  sheet.activate();
  await context.sync();
  return { sheet: write.sheetName, address: write.area };
}
