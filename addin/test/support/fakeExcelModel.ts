import { cellText, parseRange, quoteSheet, rangeText, splitSheet, type RangeAddress } from "../../src/taskpane/workbook/a1";
import { assertArrayFitsRange, assertSheetName } from "../../test-doubles/excelRules";

/**
 * A small Excel object model (worksheets, ranges, names, charts, conditional formats) backed by
 * plain state, for the Office.js adapter under the strict layer (test-doubles/strictOfficeMock).
 * Writes check Excel's array-size and sheet-name rules; `log` lists what Excel was asked to do.
 */

export interface FakeSheet {
  readonly cells: Map<string, unknown>;
  readonly charts: string[];
}

export interface FakeExcelState {
  readonly sheets: Map<string, FakeSheet>;
  /** Workbook names → "'Sheet'!A1:B2". */
  readonly names: Map<string, string>;
  readonly log: string[];
  active?: string;
}

export function fakeExcelState(): FakeExcelState {
  return { sheets: new Map(), names: new Map(), log: [] };
}

function cellsOf(range: RangeAddress): { row: number; column: number; key: string }[] {
  const cells = [];
  for (let row = range.top; row <= range.bottom; row++)
    for (let column = range.left; column <= range.right; column++) cells.push({ row, column, key: cellText({ row, column }) });
  return cells;
}

export function fakeExcelModel(state: FakeExcelState): Record<string, unknown> {
  const sheetRef = (name: string) => ({ name });

  function range(ref: { name: string }, address: string): Record<string, unknown> {
    const area = parseRange(address);
    const size = { rows: area.bottom - area.top + 1, columns: area.right - area.left + 1 };
    const sheet = () => state.sheets.get(ref.name)!;
    const write = (what: string) => (array: unknown[][]) => {
      assertArrayFitsRange(array, size.rows, size.columns, `${what} of ${ref.name}!${address}`);
      if (what !== "numberFormat")
        cellsOf(area).forEach(({ row, column, key }) => {
          const value = array[row - area.top][column - area.left];
          if (value === "" || value === null) sheet().cells.delete(key);
          else sheet().cells.set(key, value);
        });
      state.log.push(`${what} ${ref.name}!${address}`);
    };
    return {
      get address() {
        return `${quoteSheet(ref.name)}!${address}`;
      },
      get values() {
        return Array.from({ length: size.rows }, (_, row) =>
          Array.from(
            { length: size.columns },
            (_, column) => sheet().cells.get(cellText({ row: area.top + row, column: area.left + column })) ?? "",
          ),
        );
      },
      set values(array: unknown[][]) {
        write("values")(array);
      },
      set formulas(array: unknown[][]) {
        write("formulas")(array);
      },
      set numberFormat(array: unknown[][]) {
        write("numberFormat")(array);
      },
      getRow: (row: number) => range(ref, rangeText({ ...area, top: area.top + row, bottom: area.top + row })),
      getResizedRange: (rows: number, columns: number) =>
        range(ref, rangeText({ ...area, bottom: area.bottom + rows, right: area.right + columns })),
      clear: () => {
        cellsOf(area).forEach(({ key }) => sheet().cells.delete(key));
        state.log.push(`clear ${ref.name}!${address}`);
      },
      conditionalFormats: {
        clearAll: () => state.log.push(`clear conditional formats ${ref.name}!${address}`),
        add: (kind: string) => {
          state.log.push(`conditional format ${kind} ${ref.name}!${address}`);
          return { cellValue: { format: { fill: {}, font: {} } }, colorScale: {} };
        },
      },
    };
  }

  function worksheet(name: string): Record<string, unknown> {
    const ref = sheetRef(name);
    const chart = (type: string) => ({
      title: {},
      set name(value: string) {
        state.sheets.get(ref.name)!.charts.push(value);
        state.log.push(`chart ${type} ${value}`);
      },
      series: {
        getItemAt: () => ({ setXAxisValues: () => undefined }),
        add: () => ({ setValues: () => undefined, setXAxisValues: () => undefined }),
      },
      setPosition: () => undefined,
    });
    return {
      isNullObject: !state.sheets.has(name),
      get name() {
        return ref.name;
      },
      set name(value: string) {
        assertSheetName(value);
        state.sheets.set(value, state.sheets.get(ref.name)!);
        state.sheets.delete(ref.name);
        state.log.push(`rename ${ref.name} → ${value}`);
        // Workbook names follow a renamed sheet, as in Excel.
        for (const [key, target] of state.names) {
          const { sheet, address } = splitSheet(target);
          if (sheet === ref.name) state.names.set(key, `${quoteSheet(value)}!${address}`);
        }
        ref.name = value;
      },
      getRange: (address: string) => range(ref, address),
      delete: () => {
        state.sheets.delete(ref.name);
        state.log.push(`delete sheet ${ref.name}`);
      },
      activate: () => {
        state.active = ref.name;
      },
      charts: {
        get items() {
          return state.sheets.get(ref.name)!.charts.map((chartName) => ({ name: chartName }));
        },
        getItem: (chartName: string) => ({
          delete: () => {
            const charts = state.sheets.get(ref.name)!.charts;
            charts.splice(charts.indexOf(chartName), 1);
            state.log.push(`delete chart ${chartName}`);
          },
        }),
        add: (type: string) => chart(type),
      },
    };
  }

  return {
    worksheets: {
      getItemOrNullObject: (name: string) => worksheet(name),
      getItem: (name: string) => {
        if (!state.sheets.has(name)) throw new Error(`ItemNotFound: no sheet "${name}"`);
        return worksheet(name);
      },
      add: (name: string) => {
        assertSheetName(name);
        state.sheets.set(name, { cells: new Map(), charts: [] });
        state.log.push(`add sheet ${name}`);
        return worksheet(name);
      },
    },
    names: {
      getItemOrNullObject: (name: string) => ({
        isNullObject: !state.names.has(name),
        delete: () => {
          state.names.delete(name);
          state.log.push(`delete name ${name}`);
        },
        getRangeOrNullObject: () => {
          const target = splitSheet(state.names.get(name) ?? "");
          return { isNullObject: !target.sheet || !state.sheets.has(target.sheet), address: state.names.get(name) };
        },
      }),
      add: (name: string, target: { address: string }) => {
        state.names.set(name, target.address);
        state.log.push(`name ${name} ${target.address}`);
      },
    },
  };
}
