import { DEFAULT_MODEL } from "@symmetry/engine";
import { barometerLayout } from "../../src/taskpane/barometer/layout";
import { locateSource } from "../../src/taskpane/data/sourceGeometry";
import type { SourceGeometry } from "../../src/taskpane/data/sourceGeometry";
import { CALL_LIMIT_BYTES, RECALC_CELL_BUDGET, callsOf, estimateRecalc, liveFormulasFit } from "../../src/taskpane/sheet/recalcEstimate";
import { sampleMapping, sampleWorkbook } from "../taskpane/linkage/support";

/**
 * The cost of the Barometer sheet's live formulas per full recalculation, estimated from the
 * generated formulas at the sizes the product claims: the sample's mapping (40 units) stretched
 * to 10,000, 100,000 and 200,000 employees + 1,000,000 customers.
 */

function stretched(geometry: SourceGeometry, rows: number): SourceGeometry {
  return { ...geometry, block: { ...geometry.block, bottom: geometry.block.top + rows } };
}

async function layoutAt(employees: number, customers: number) {
  const workbook = sampleWorkbook();
  const mapping = await sampleMapping(workbook);
  const unitsGeometry = await locateSource(workbook, { sheet: "Units" });
  return barometerLayout({
    mapping,
    model: DEFAULT_MODEL,
    language: "en",
    employees: stretched(await locateSource(workbook, mapping.employees), employees),
    customers: stretched(await locateSource(workbook, mapping.customers), customers),
    unitCount: 40,
    managerCount: 120,
    // The samples' Units sheet has a type column: the support block is on the sheet too.
    unitTypes: { geometry: unitsGeometry, unitColumn: 0, typeColumn: unitsGeometry.headers.indexOf("attribute") },
  });
}

describe("cells sent to the SYM functions per full recalculation", () => {
  it("counts each range a call receives once, whole columns as the grid's rows", () => {
    expect(callsOf('=IF(COUNT(E!$J$2:$J$61)>=5,SYM.NPSCI(FILTER(E!$J$2:$J$61,E!$J$2:$J$61<>"")),NA())')).toEqual([
      { name: "NPSCI", cells: 60 },
    ]);
    expect(callsOf("=SYM.GAPTEST('My data'!$D$2:$F$101,Customers!$C$2:$D$11,0,10)")).toEqual([{ name: "GAPTEST", cells: 320 }]);
    expect(callsOf("=SYM.SCORE(Employees!D:D)")).toEqual([{ name: "SCORE", cells: 1_048_576 }]);
    expect(callsOf('=SYM.SCORE(CHOOSE(SEQUENCE(1,2),E!$D$2:$D$11,E!$G$2:$G$11),0,10)&"(x)"')).toEqual([{ name: "SCORE", cells: 20 }]);
  });

  it("measures the live sheet at 10,000, 100,000 and 200,000 + 1,000,000 rows and says when it fits", async () => {
    const sizes: [number, number][] = [
      [10_000, 10_000],
      [100_000, 100_000],
      [200_000, 1_000_000],
    ];
    const measured = [];
    for (const [employees, customers] of sizes) {
      const estimate = estimateRecalc(await layoutAt(employees, customers));
      measured.push({
        rows: `${employees}+${customers}`,
        calls: estimate.calls.length,
        cells: estimate.cellsPerRecalc,
        largestMB: Math.round((estimate.largestCallBytes / 1024 / 1024) * 10) / 10,
        overLimit: estimate.callsOverLimit,
        live: liveFormulasFit(estimate),
      });
    }
    // docs/taskpane.md gives these figures (cells, largest call, calls over the limit) per size.
    expect(measured.map((size) => size.live)).toEqual([true, false, false]);
    expect(measured[0].cells).toBeLessThan(RECALC_CELL_BUDGET);
    expect(measured[0].overLimit).toBe(0);
    expect(measured[1].cells).toBeGreaterThan(RECALC_CELL_BUDGET);
    expect(measured[2].overLimit).toBeGreaterThan(0);
    expect(measured[2].largestMB * 1024 * 1024).toBeGreaterThan(CALL_LIMIT_BYTES);
    // One DIMENSION call per dimension: no answer matrix goes to SCORE and again to GAPTEST.
    const names = estimateRecalc(await layoutAt(10_000, 10_000)).calls.map((call) => call.name);
    expect(names.filter((name) => name === "DIMENSION").length).toBeGreaterThanOrEqual(10);
    expect(names.filter((name) => name === "SCORE" || name === "GAPTEST" || name === "SYMGAP")).toEqual([]);
    // Cells grow with the rows: ten times the rows, ten times the cells.
    expect(measured[1].cells / measured[0].cells).toBeCloseTo(10, 0);
  });

  it("never writes a whole-column reference", async () => {
    const layout = await layoutAt(200_000, 1_000_000);
    const formulas = layout.blocks
      .flatMap((block) => block.formulas ?? [])
      .flat()
      .filter((formula): formula is string => formula !== null);
    expect(formulas.length).toBeGreaterThan(10);
    for (const formula of formulas) expect(formula).not.toMatch(/!\$?[A-Z]{1,3}:\$?[A-Z]{1,3}(?![$\d])/);
  });
});
