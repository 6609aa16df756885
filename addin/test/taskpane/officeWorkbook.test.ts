import { OfficeMockObject } from "office-addin-mock";
import { OfficeWorkbook } from "../../src/taskpane/workbook/officeWorkbook";
import { strictExcel } from "../../test-doubles/strictOfficeMock";

/**
 * The Office.js adapter against office-addin-mock: properties read before `load` come back as
 * "Error, property was not loaded", before `context.sync()` as "Error, context.sync() was not
 * called"; the adapter must load and sync, and must fail loudly (not return those strings) when
 * the host does not deliver.
 */

type Calls = { name: string; args: unknown[] }[];

/** The adapter over the strict layer (load before read, sync counting, 5 MB): see test-doubles/strictOfficeMock. */
function excel(workbook: Record<string, unknown>) {
  const strict = strictExcel(workbook);
  const adapter = new OfficeWorkbook(strict.run);
  return { mock: { context: strict.mockContext }, adapter, ledger: strict.ledger };
}

/** The adapter over office-addin-mock alone, to show what it answers where Excel would throw. */
function lenientExcel(workbook: Record<string, unknown>) {
  const mock = new OfficeMockObject({
    context: { workbook },
    run: async function (this: { context: unknown }, batch: (context: unknown) => Promise<unknown>) {
      return batch(this.context);
    },
  }) as unknown as {
    context: { workbook: any; sync: () => Promise<void> };
    run: (batch: (context: unknown) => Promise<unknown>) => Promise<unknown>;
  };
  const adapter = new OfficeWorkbook((batch) => mock.run(batch as (context: unknown) => Promise<unknown>) as never);
  return { mock, adapter };
}

function sheetWithRange(values: unknown[][], calls: Calls) {
  return {
    worksheets: {
      sheet: {
        range: {
          values,
          formulas: [[""]],
          getResizedRange: function (rows: number, columns: number) {
            calls.push({ name: "getResizedRange", args: [rows, columns] });
            return this;
          },
        },
        getRange: function (address: string) {
          calls.push({ name: "getRange", args: [address] });
          return this.range;
        },
      },
      getItem: function (name: string) {
        calls.push({ name: "getItem", args: [name] });
        return this.sheet;
      },
    },
  };
}

describe("OfficeWorkbook (Office.js adapter) with office-addin-mock", () => {
  it("loads and syncs before reading values, blanks read as null", async () => {
    const calls: Calls = [];
    const { adapter } = excel(
      sheetWithRange(
        [
          ["unit", 4, ""],
          ["Lyon", "", 9],
        ],
        calls,
      ),
    );
    expect(await adapter.readRange("Employees", "A1:C2")).toEqual([
      ["unit", 4, null],
      ["Lyon", null, 9],
    ]);
    expect(calls).toEqual([
      { name: "getItem", args: ["Employees"] },
      { name: "getRange", args: ["A1:C2"] },
    ]);
  });

  it("shows what the mock returns without load or sync, and fails loudly when the host does not deliver", async () => {
    const { mock } = lenientExcel(sheetWithRange([[1]], []));
    const range = mock.context.workbook.worksheets.sheet.range;
    expect(range.values).toBe("Error, property was not loaded");
    range.load("values");
    expect(range.values).toBe("Error, context.sync() was not called");

    const unsynced = lenientExcel(sheetWithRange([[1]], []));
    unsynced.mock.context.sync = async () => undefined; // a host that never answers the batch
    await expect(unsynced.adapter.readRange("Employees", "A1")).rejects.toThrow(
      /Excel returned no values for Employees!A1 \(Error, context.sync\(\) was not called\)/,
    );

    const unloaded = lenientExcel(sheetWithRange([[1]], []));
    unloaded.mock.context.workbook.worksheets.sheet.range.load = () => undefined; // load that loads nothing
    await expect(unloaded.adapter.readRange("Employees", "A1")).rejects.toThrow(
      /Excel returned no values for Employees!A1 \(Error, property was not loaded\)/,
    );
  });

  it("writes text starting with =, +, - or @ with Excel's quote prefix, and blanks as empty strings", async () => {
    const calls: Calls = [];
    const { mock, adapter } = excel(sheetWithRange([[null]], calls));
    await adapter.writeValues("Barometer", "A2", [['=HYPERLINK("http://x","y")', "+1", "-2", "@A1", "Lyon", 3, null]]);
    expect(mock.context.workbook.worksheets.sheet.range.values).toEqual([
      ['\'=HYPERLINK("http://x","y")', "'+1", "'-2", "'@A1", "Lyon", 3, ""],
    ]);
    expect(calls).toContainEqual({ name: "getResizedRange", args: [0, 6] });
  });

  it("refuses a ragged array before sending it, as Excel would answer InvalidArgument", async () => {
    const calls: Calls = [];
    const { adapter } = excel(sheetWithRange([[null]], calls));
    await expect(adapter.writeValues("Barometer", "A4", [["Indicator", "Value", "Low"], ["Symmetry index"]])).rejects.toThrow(
      /Barometer!A4 are not a rectangle \(rows of 3\/1 cells\)/,
    );
    await expect(adapter.writeFormulas("Barometer", "B5", [])).rejects.toThrow(/not a rectangle/);
    expect(calls).toEqual([]);
  });

  it("writes generated formulas, an empty cell where a spill goes", async () => {
    const { mock, adapter } = excel(sheetWithRange([[null]], []));
    await adapter.writeFormulas("Barometer", "D11", [["=SYM.GAPTEST(A1:A9,B1:B9)", null]]);
    expect(mock.context.workbook.worksheets.sheet.range.formulas).toEqual([["=SYM.GAPTEST(A1:A9,B1:B9)", ""]]);
  });

  it("reads the mapping's custom XML part by namespace, null when absent", async () => {
    const namespaces: string[] = [];
    const workbook = (items: unknown[]) => ({
      customXmlParts: {
        parts: { items },
        getByNamespace: function (namespace: string) {
          namespaces.push(namespace);
          return this.parts;
        },
      },
    });
    expect(await excel(workbook([])).adapter.getCustomXmlPart("urn:symmetry-barometer:mapping:1")).toBeNull();
    const part = { getXml: () => ({ value: "<mapping/>" }) };
    expect(await excel(workbook([part])).adapter.getCustomXmlPart("urn:symmetry-barometer:mapping:1")).toBe("<mapping/>");
    expect(namespaces).toEqual(["urn:symmetry-barometer:mapping:1", "urn:symmetry-barometer:mapping:1"]);
  });

  it("updates the existing custom XML part in place and removes stray copies, or adds one", async () => {
    const log: string[] = [];
    const workbook = (items: unknown[]) => ({
      customXmlParts: {
        parts: { items },
        getByNamespace: function () {
          return this.parts;
        },
        add: (xml: string) => log.push(`add ${xml}`),
      },
    });
    const first = { setXml: (xml: string) => log.push(`set ${xml}`), delete: () => log.push("delete first") };
    const copy = { setXml: () => log.push("set copy"), delete: () => log.push("delete copy") };
    await excel(workbook([first, copy])).adapter.setCustomXmlPart("urn:x", "<a/>");
    expect(log).toEqual(["set <a/>", "delete copy"]);
    log.length = 0;
    await excel(workbook([])).adapter.setCustomXmlPart("urn:x", "<b/>");
    expect(log).toEqual(["add <b/>"]);
  });

  it("renames the previous Barometer sheet instead of adding one, and adds it when there is none", async () => {
    const log: string[] = [];
    const sheets = (present: string[]) => ({
      worksheets: {
        getItemOrNullObject: (name: string) => {
          const sheet = {
            isNullObject: !present.includes(name),
            set name(value: string) {
              log.push(`rename ${name} → ${value}`);
            },
          };
          return sheet;
        },
        add: (name: string) => log.push(`add ${name}`),
      },
    });
    await excel(sheets(["Barometer"])).adapter.ensureSheet("Baromètre", "Barometer");
    await excel(sheets([])).adapter.ensureSheet("Barometer");
    await excel(sheets(["Barometer"])).adapter.ensureSheet("Barometer", "Barometer");
    expect(log).toEqual(["rename Barometer → Baromètre", "add Barometer"]);
  });

  it("replaces a chart of the same name and wires its series and categories", async () => {
    const log: string[] = [];
    const range = (address: string) => ({ address });
    const series = (name: string) => ({
      set name(value: string) {
        log.push(`series name ${value}`);
      },
      setValues: (values: { address: string }) => log.push(`${name} values ${values.address}`),
      setXAxisValues: (values: { address: string }) => log.push(`${name} categories ${values.address}`),
    });
    const workbook = {
      worksheets: {
        getItem: () => ({
          getRange: range,
          charts: {
            getItemOrNullObject: (name: string) => ({ isNullObject: false, delete: () => log.push(`delete ${name}`) }),
            add: (type: string, source: { address: string }, seriesBy: string) => {
              log.push(`add ${type} ${source.address} ${seriesBy}`);
              return {
                set name(value: string) {
                  log.push(`chart name ${value}`);
                },
                title: {},
                series: {
                  getItemAt: () => series("first"),
                  add: (name: string) => {
                    log.push(`add series ${name}`);
                    return series(name);
                  },
                },
                setPosition: (start: string, end: string) => log.push(`position ${start}:${end}`),
              };
            },
          },
        }),
      },
    };
    await excel(workbook).adapter.upsertChart("Barometer", {
      name: "SymBarometerRadar",
      kind: "radar",
      title: "t",
      categories: "A11:A21",
      series: [
        { name: "Employees", values: "B11:B21" },
        { name: "Customers", values: "C11:C21" },
      ],
      placement: "L1:S20",
    });
    expect(log).toEqual([
      "delete SymBarometerRadar",
      "add Radar B11:B21 Columns",
      "chart name SymBarometerRadar",
      "series name Employees",
      "first categories A11:A21",
      "add series Customers",
      "Customers values C11:C21",
      "Customers categories A11:A21",
      "position L1:S20",
    ]);
  });

  it("reads the generated area's name back as sheet and local address", async () => {
    const workbook = {
      names: {
        getItemOrNullObject: () => ({
          isNullObject: false,
          getRangeOrNullObject: () => ({ isNullObject: false, address: "'Baromètre'!A1:J30", load: () => undefined }),
        }),
      },
    };
    expect(await excel(workbook).adapter.getNamedRange("SymBarometerArea")).toEqual({ sheet: "Baromètre", address: "A1:J30" });
  });
});
