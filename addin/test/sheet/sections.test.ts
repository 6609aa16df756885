/**
 * Every generated sheet is built from sections whose blocks are rectangles: Excel refuses a
 * ragged `values`/`formulas` array (InvalidArgument, OfficeDev/office-js#1025). Checked on the
 * Barometer (fixture survey) and the Linkage sheet (English samples, with and without drivers),
 * together with two things a merge of sections must keep: no two value blocks overlap, and every
 * block lies inside the generated area.
 */
import { DEFAULT_MODEL, runLinkage } from "@symmetry/engine";
import { barometerLayout } from "../../src/taskpane/barometer/layout";
import { locateSource } from "../../src/taskpane/data/sourceGeometry";
import { checkDraft, suggestDraft } from "../../src/taskpane/mapping/draft";
import { linkageLayout } from "../../src/taskpane/linkage/layout";
import { aggregateUnits } from "../../src/taskpane/linkage/aggregateUnits";
import { DEFAULT_LINKAGE_CHOICES, linkageRequestOf } from "../../src/taskpane/linkage/linkageRequest";
import { blockRange, isRectangular, valueBlock, formulaBlock, type SheetParts } from "../../src/taskpane/sheet/sections";
import type { RangeAddress } from "../../src/taskpane/workbook/a1";
import { fixtureWorkbook } from "../support/fixtureWorkbook";
import { sampleMapping, sampleWorkbook } from "../taskpane/linkage/support";

function overlaps(a: RangeAddress, b: RangeAddress): boolean {
  return a.left <= b.right && b.left <= a.right && a.top <= b.bottom && b.top <= a.bottom;
}

function expectWellFormed(parts: SheetParts, area: RangeAddress): void {
  expect(parts.blocks.length).toBeGreaterThan(3);
  for (const block of parts.blocks) {
    expect({ at: block.topLeft, rectangular: isRectangular(block) }).toEqual({ at: block.topLeft, rectangular: true });
    const range = blockRange(block);
    expect(range.top >= area.top && range.bottom <= area.bottom && range.left >= area.left && range.right <= area.right).toBe(true);
  }
  const values = parts.blocks.filter((block) => block.values).map(blockRange);
  values.forEach((range, index) => values.slice(index + 1).forEach((other) => expect(overlaps(range, other)).toBe(false)));
}

describe("sheet sections", () => {
  it("pads short rows so a block is always a rectangle", () => {
    const block = valueBlock(3, 0, [["Indicator", "Value", "Low"], ["Symmetry index"], []]);
    expect(block.topLeft).toBe("A4");
    expect(block.values).toEqual([
      ["Indicator", "Value", "Low"],
      ["Symmetry index", null, null],
      [null, null, null],
    ]);
    expect(formulaBlock(0, 27, [["=1"], ["=2", null]]).formulas).toEqual([
      ["=1", null],
      ["=2", null],
    ]);
    expect(blockRange(formulaBlock(0, 27, [["=1", null]]))).toEqual({ top: 0, bottom: 0, left: 27, right: 28 });
    expect(isRectangular({ topLeft: "A1", values: [[1, 2], [3]] })).toBe(false);
  });

  it("Barometer: every block is a rectangle inside the area, value blocks do not overlap", async () => {
    const workbook = fixtureWorkbook();
    const employees = { location: { sheet: "Employees" }, geometry: await locateSource(workbook, { sheet: "Employees" }) };
    const customers = { location: { sheet: "Customers" }, geometry: await locateSource(workbook, { sheet: "Customers" }) };
    const { draft } = suggestDraft(DEFAULT_MODEL, "en", employees, customers);
    const mapping = checkDraft(draft, { employees: employees.geometry, customers: customers.geometry }).mapping!;
    for (const benchmark of [undefined, { header: "Percentile", cells: { culture: 40 } }]) {
      const layout = barometerLayout({
        mapping,
        model: DEFAULT_MODEL,
        language: "en",
        employees: employees.geometry,
        customers: customers.geometry,
        unitCount: 6,
        managerCount: 4,
        ...(benchmark ? { benchmark } : {}),
      });
      expectWellFormed(layout, layout.area);
      // The headline block that used to be ragged: header row of 5, then one label per row.
      expect(layout.blocks.find((block) => block.topLeft === "A4")!.values!.map((row) => row.length)).toEqual([5, 5, 5, 5]);
    }
  });

  it("Linkage: every block is a rectangle inside the area, with and without drivers and turnover", async () => {
    const workbook = sampleWorkbook();
    const mapping = await sampleMapping(workbook);
    const { units } = await aggregateUnits(workbook, mapping, DEFAULT_MODEL);
    for (const [x, few] of [
      [["enps", "culture", "recognition"], false],
      [["enps"], true],
    ] as const) {
      const chosen = few ? units.slice(0, 8) : units;
      const choices = { ...DEFAULT_LINKAGE_CHOICES, x: [...x], y: ["nps", "turnover"], bootstrap: 0, seed: 1 };
      const { request } = linkageRequestOf(chosen, choices, mapping, DEFAULT_MODEL, "en");
      const layout = linkageLayout({
        result: runLinkage(request),
        units: chosen,
        model: DEFAULT_MODEL,
        language: "en",
        minN: 5,
        ranOn: "worker",
      });
      expectWellFormed(layout, layout.area);
    }
  });
});
