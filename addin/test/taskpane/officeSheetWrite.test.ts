import { DEFAULT_MODEL } from "@symmetry/engine";
import { applyLayout, AreaOccupiedError } from "../../src/taskpane/barometer/applyLayout";
import { buildBarometer } from "../../src/taskpane/barometer/buildBarometer";
import { AREA_NAME } from "../../src/taskpane/barometer/layout";
import { DEFAULT_LINKAGE_CHOICES, type LinkageChoices } from "../../src/taskpane/linkage/linkageRequest";
import { LINKAGE_AREA_NAME } from "../../src/taskpane/linkage/layout";
import { runLinkageAction } from "../../src/taskpane/linkage/runLinkageAction";
import { OfficeWorkbook } from "../../src/taskpane/workbook/officeWorkbook";
import type { SheetWriteBlock } from "../../src/taskpane/workbook/WorkbookPort";
import { MemoryWorkbook } from "../../test-doubles/memoryWorkbook";
import { PAYLOAD_LIMIT_BYTES } from "../../test-doubles/excelRules";
import { strictExcel } from "../../test-doubles/strictOfficeMock";
import { fakeExcelModel, fakeExcelState, type FakeExcelState } from "../support/fakeExcelModel";
import { inProcessWorker, sampleMapping, sampleWorkbook } from "./linkage/support";

/**
 * The generated sheets written through the Office.js adapter under the strict layer around
 * office-addin-mock: one `Excel.run`, at most 6 syncs whatever the sheet holds, every property
 * loaded before it is read, every request under 5 MB; the cells Excel receives are those the
 * in-memory workbook (the preview's and the other tests' stand-in) receives.
 */

const choices: LinkageChoices = {
  ...DEFAULT_LINKAGE_CHOICES,
  x: ["enps", "symmetry", "culture", "recognition"],
  y: ["nps", "turnover"],
  method: "both",
  bootstrap: 100,
  seed: 7,
};

function office(state: FakeExcelState, language = "en-US") {
  const excel = strictExcel(fakeExcelModel(state), { maxSyncsPerRun: 6 });
  return { excel, adapter: new OfficeWorkbook(excel.run, language) };
}

/** The sample Barometer and Linkage layouts (40 units), and the in-memory workbook they were built on. */
async function sampleLayouts() {
  const memory = sampleWorkbook();
  const mapping = await sampleMapping(memory);
  const barometer = await buildBarometer(memory, mapping, DEFAULT_MODEL, "en");
  const linkage = await runLinkageAction(memory, mapping, DEFAULT_MODEL, "en", choices, { createWorker: () => inProcessWorker() });
  return { memory, barometer: barometer.layout, linkage: linkage.layout };
}

describe("writing a generated sheet in one Excel.run (strict office-addin-mock)", () => {
  let layouts: Awaited<ReturnType<typeof sampleLayouts>>;
  beforeAll(async () => {
    layouts = await sampleLayouts();
  }, 60_000);

  it("writes the sample Barometer in one run of 3 syncs, the same formulas as the in-memory workbook", async () => {
    const state = fakeExcelState();
    const { excel, adapter } = office(state);
    await applyLayout(adapter, layouts.barometer);
    expect(excel.ledger.runs).toBe(1);
    expect(excel.ledger.syncsPerRun).toEqual([3]);
    expect(excel.ledger.largestRequest).toBeLessThanOrEqual(PAYLOAD_LIMIT_BYTES);
    const written = new Map([...state.sheets.get("Barometer")!.cells].filter(([, value]) => String(value).startsWith("=")));
    expect(written.size).toBeGreaterThan(10);
    expect(written).toEqual(layouts.memory.formulasOf("Barometer"));
    // The heat maps (units with their types, managers) go through the strict layer like every block.
    const heatMaps = [...written.values()].filter((formula) => String(formula).startsWith("=SYM.HEATMAP("));
    expect(heatMaps.map((formula) => String(formula).slice(0, 25))).toEqual(['=SYM.HEATMAP("unit,type",', '=SYM.HEATMAP("manager",IF']);
    expect(state.sheets.get("Barometer")!.charts.sort()).toEqual(["SymBarometerGaps", "SymBarometerRadar"]);
    expect(state.names.get(AREA_NAME)).toMatch(/^Barometer!A1:/);
    expect(state.active).toBe("Barometer");
  });

  it("rebuilds in place in one run of 4 syncs: charts replaced by name, the name redefined, nothing duplicated", async () => {
    const state = fakeExcelState();
    await applyLayout(office(state).adapter, layouts.barometer);
    const { excel, adapter } = office(state);
    await applyLayout(adapter, layouts.barometer);
    expect(excel.ledger.syncsPerRun).toEqual([4]);
    expect(state.sheets.get("Barometer")!.charts.sort()).toEqual(["SymBarometerGaps", "SymBarometerRadar"]);
    expect([...state.names.keys()]).toEqual([AREA_NAME]);
    expect(state.log.filter((line) => line.startsWith("clear Barometer!"))).toHaveLength(1);
  });

  it("renames the sheet when the language changed, keeping one Barometer sheet", async () => {
    const state = fakeExcelState();
    await applyLayout(office(state).adapter, layouts.barometer);
    const { excel, adapter } = office(state, "fr-FR");
    await applyLayout(adapter, { ...layouts.barometer, sheetName: "Baromètre" });
    expect(excel.ledger.syncsPerRun).toEqual([4]);
    expect([...state.sheets.keys()]).toEqual(["Baromètre"]);
    expect(state.names.get(AREA_NAME)).toMatch(/^'Baromètre'!A1:/);
    // French Excel loaded functions.fr.json: the SYM functions go under their French names.
    const formulas = [...state.sheets.get("Baromètre")!.cells.values()].filter((value) => String(value).includes("SYM."));
    expect(formulas.join(" ")).toMatch(/SYM\.LIGNEDIMENSION/);
    expect(formulas.join(" ")).not.toMatch(/SYM\.DIMENSION\(/);
  });

  it("writes nothing when the new area holds the user's data", async () => {
    const state = fakeExcelState();
    state.sheets.set("Barometer", { cells: new Map([["C5", "my note"]]), charts: [] });
    const { excel, adapter } = office(state);
    await expect(applyLayout(adapter, layouts.barometer)).rejects.toThrow(AreaOccupiedError);
    expect(state.log).toEqual([]);
    expect(excel.ledger.syncsPerRun).toEqual([2]);
  });

  it("writes the Linkage sheet beside the Barometer in one run of at most 6 syncs", async () => {
    const state = fakeExcelState();
    const { excel, adapter } = office(state);
    await applyLayout(adapter, layouts.barometer);
    await applyLayout(adapter, layouts.linkage, LINKAGE_AREA_NAME);
    expect(excel.ledger.runs).toBe(2);
    expect(Math.max(...excel.ledger.syncsPerRun)).toBeLessThanOrEqual(6);
    expect(state.sheets.get(layouts.linkage.sheetName)!.charts.length).toBe(layouts.linkage.charts.length);
    expect([...state.names.keys()].sort()).toEqual([AREA_NAME, LINKAGE_AREA_NAME].sort());
  });

  it("cuts a large write into syncs by bytes so that no request reaches 5 MB", async () => {
    const state = fakeExcelState();
    const { excel, adapter } = office(state);
    // Three blocks of about 2 MB each: 6 MB in all, more than one request may carry.
    const block = (row: number) => ({ topLeft: `A${row}`, values: Array.from({ length: 1000 }, () => ["x".repeat(2000)]) });
    await adapter.writeSheet({
      areaName: "SymBig",
      sheetName: "Big",
      area: "A1:A3000",
      blocks: [block(1), block(1001), block(2001)],
      numberFormats: [],
      conditionalFormats: [],
      charts: [],
    });
    expect(excel.ledger.syncsPerRun[0]).toBeGreaterThan(3);
    expect(excel.ledger.largestRequest).toBeLessThanOrEqual(PAYLOAD_LIMIT_BYTES);
    expect(excel.ledger.largestRequest).toBeGreaterThan(2_000_000);
    expect(state.sheets.get("Big")!.cells.size).toBe(3000);
  });

  it("the in-memory workbook counts the same round trips as the Office.js adapter, and holds the same cells", async () => {
    const state = fakeExcelState();
    const { excel, adapter } = office(state);
    const memory = sampleWorkbook();
    const requests = async (step: () => Promise<unknown>) => {
      const before = memory.requests;
      await step();
      return memory.requests - before;
    };
    // First build, rebuild, rebuild in French (renamed sheet), then the Linkage sheet beside it.
    const french = { ...layouts.barometer, sheetName: "Baromètre" };
    const memoryCounts = [
      await requests(() => applyLayout(memory, layouts.barometer)),
      await requests(() => applyLayout(memory, layouts.barometer)),
      await requests(() => applyLayout(memory, french)),
      await requests(() => applyLayout(memory, layouts.linkage, LINKAGE_AREA_NAME)),
    ];
    await applyLayout(adapter, layouts.barometer);
    await applyLayout(adapter, layouts.barometer);
    await applyLayout(adapter, french);
    await applyLayout(adapter, layouts.linkage, LINKAGE_AREA_NAME);
    expect(excel.ledger.syncsPerRun).toEqual([3, 4, 4, 3]);
    expect(memoryCounts).toEqual(excel.ledger.syncsPerRun);
    const memoryFormulas = memory.formulasOf("Baromètre");
    const officeFormulas = new Map([...state.sheets.get("Baromètre")!.cells].filter(([, value]) => String(value).startsWith("=")));
    expect(officeFormulas).toEqual(memoryFormulas);
    expect(memory.chart("Baromètre", "SymBarometerRadar")).toBeDefined();
    expect((await memory.listSheets()).map((sheet) => sheet.name)).not.toContain("Barometer");
  });

  it("the in-memory workbook refuses a batch as Excel does, having written nothing", async () => {
    const memory = sampleWorkbook();
    const sheets = async () => (await memory.listSheets()).map((sheet) => sheet.name);
    const before = await sheets();
    const write = (blocks: SheetWriteBlock[], area = "A1:B2") =>
      memory.writeSheet({ areaName: "SymTest", sheetName: "Test", area, blocks, numberFormats: [], conditionalFormats: [], charts: [] });
    // A ragged block after a good one: nothing of either is written.
    await expect(
      write([
        { topLeft: "A1", values: [["ok"]] },
        { topLeft: "A2", values: [["a", "b"], ["c"]] },
      ]),
    ).rejects.toThrow(/InvalidArgument: .*doesn't match the size/);
    // One row of 6 MB cannot go in any request.
    await expect(write([{ topLeft: "A1", values: [Array.from({ length: 200 }, () => "x".repeat(30_000))] }], "A1:GR1")).rejects.toThrow(
      /RequestPayloadSizeLimitExceeded/,
    );
    await expect(write([{ topLeft: "A1", values: [["x".repeat(32_768)]] }])).rejects.toThrow(/more than Excel's 32767/);
    expect(await sheets()).toEqual(before);
    // The user's data in the new area: refused after reading it (2 round trips, as in Excel), nothing written.
    memory.loadSheet("Test", [[null, "mine"]]);
    const requests = memory.requests;
    await expect(write([{ topLeft: "A1", values: [["new", "new"]] }])).rejects.toThrow(AreaOccupiedError);
    expect(memory.requests - requests).toBe(2);
    expect(await memory.readRange("Test", "A1:B1")).toEqual([[null, "mine"]]);
  });

  it("the in-memory workbook cuts a large batch into syncs by bytes as the adapter does", async () => {
    const block = (row: number) => ({ topLeft: `A${row}`, values: Array.from({ length: 1000 }, () => ["x".repeat(2000)]) });
    const write = {
      areaName: "SymBig",
      sheetName: "Big",
      area: "A1:A3000",
      blocks: [block(1), block(1001), block(2001)],
      numberFormats: [],
      conditionalFormats: [],
      charts: [],
    };
    const { excel, adapter } = office(fakeExcelState());
    await adapter.writeSheet(write);
    const memory = new MemoryWorkbook();
    await memory.writeSheet(write);
    expect(memory.requests).toBe(excel.ledger.syncsPerRun[0]);
    expect(memory.requests).toBeGreaterThan(3);
    expect(memory.largestPayload).toBeLessThanOrEqual(PAYLOAD_LIMIT_BYTES);
    expect(memory.largestPayload).toBeGreaterThan(2_000_000);
  });

  it("counts one run per call the old way, one Excel.run per block", async () => {
    const state = fakeExcelState();
    state.sheets.set("Barometer", { cells: new Map(), charts: [] });
    const { excel, adapter } = office(state);
    const blocks = layouts.barometer.blocks.filter((block) => block.values);
    for (const block of blocks) await adapter.writeValues("Barometer", block.topLeft, block.values!);
    expect(excel.ledger.runs).toBe(blocks.length);
    expect(excel.ledger.runs).toBeGreaterThan(6);
  });

  it("reads the runs of mapped columns in one run of one sync, blanks as null", async () => {
    const state = fakeExcelState();
    state.sheets.set("Data", {
      cells: new Map<string, unknown>([
        ["A1", "Lyon"],
        ["B1", 4],
        ["C1", "free text"],
        ["D2", 9],
      ]),
      charts: [],
    });
    const { excel, adapter } = office(state);
    expect(await adapter.readRanges("Data", ["A1:B2", "D1:D2"])).toEqual([
      [
        ["Lyon", 4],
        [null, null],
      ],
      [[null], [9]],
    ]);
    expect(excel.ledger.syncsPerRun).toEqual([1]);
  });
});
