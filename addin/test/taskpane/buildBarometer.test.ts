import { DEFAULT_MODEL, type Mapping } from "@symmetry/engine";
import { buildBarometer } from "../../src/taskpane/barometer/buildBarometer";
import { AREA_NAME, GAP_CHART, RADAR_CHART } from "../../src/taskpane/barometer/layout";
import { AreaOccupiedError } from "../../src/taskpane/barometer/applyLayout";
import { locateSource } from "../../src/taskpane/data/sourceGeometry";
import { checkDraft, suggestDraft } from "../../src/taskpane/mapping/draft";
import { loadMapping, saveMapping } from "../../src/taskpane/mapping/persistence";
import { rangeText } from "../../src/taskpane/workbook/a1";
import type { MemoryWorkbook } from "../../test-doubles/memoryWorkbook";
import { fixtureRows, fixtureWorkbook, reference } from "../support/fixtureWorkbook";
import { expectClose, expectRelativelyClose } from "../../../shared/test/support/reference";

// Expected figures: addin/test/taskpane/fixtures/reference.json, computed by make_fixture.py with
// pandas + scipy.stats (ttest_ind(equal_var=False), t.ppf, norm.ppf) from the same CSV files.
const expected = reference();

async function suggestedMapping(workbook: MemoryWorkbook, language: "en" | "fr" = "en"): Promise<Mapping> {
  const employees = { location: { sheet: "Employees" }, geometry: await locateSource(workbook, { sheet: "Employees" }) };
  const customers = { location: { sheet: "Customers" }, geometry: await locateSource(workbook, { sheet: "Customers" }) };
  const { draft } = suggestDraft(DEFAULT_MODEL, language, employees, customers);
  // "store" is not a default unit header for customers; the customer unit plays no part in the sheet.
  const check = checkDraft(draft, { employees: employees.geometry, customers: customers.geometry });
  expect(check.issues).toEqual([]);
  return check.mapping!;
}

async function cell(workbook: MemoryWorkbook, sheet: string, address: string) {
  return (await workbook.readRange(sheet, address))[0][0];
}

/** A literal for a RegExp. */
function escape(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
}

describe("building the Barometer sheet on the in-memory workbook", () => {
  it("writes live SYM formulas whose values match pandas/scipy on the same data", async () => {
    const workbook = fixtureWorkbook();
    const mapping = await suggestedMapping(workbook);
    const result = await buildBarometer(workbook, mapping, DEFAULT_MODEL, "en");
    const sheet = result.layout.sheetName;
    expect(sheet).toBe("Barometer");
    // The estimate sees every SYM call written; the fixture's 60 rows are far under the budget.
    const symCalls = [...workbook.formulasOf(sheet).values()].join(" ").match(/SYM\./g) ?? [];
    expect(result.recalc.calls).toHaveLength(symCalls.length);
    expect(result.liveFits).toBe(true);
    expect(result.layout.anchors.dimensionIds).toEqual(["culture", "recognition", "information"]);

    const rows = await workbook.readRange(sheet, rangeText(result.layout.anchors.dimensionRows));
    result.layout.anchors.dimensionIds.forEach((id, index) => {
      const [label, employees, customers, gap, low, high, p, , status, weight] = rows[index];
      const want = expected.dimensions[id];
      expect(label).toBe(DEFAULT_MODEL.dimensions.find((dimension) => dimension.id === id)!.label.en);
      expect(employees).toBeCloseTo(want.employees, 9);
      expect(customers).toBeCloseTo(want.customers, 9);
      expect(gap).toBeCloseTo(want.gap, 9);
      expectClose(low as number, want.low, 1e-9, `${id} low`);
      expectClose(high as number, want.high, 1e-9, `${id} high`);
      // relative: an absolute tolerance would pass any p smaller than it
      expectRelativelyClose(p as number, want.p, 1e-9, `${id} p`);
      expect(status).toBe(want.status);
      expect(weight).toBe(1);
    });
    expect(await cell(workbook, sheet, "B5")).toBeCloseTo(expected.symmetryIndex, 9);
    const [enps] = await workbook.readRange(sheet, "B6:E6");
    expect(enps[0]).toBeCloseTo(expected.enps.value, 9);
    expectClose(enps[1] as number, expected.enps.low, 1e-9, "eNPS low");
    expectClose(enps[2] as number, expected.enps.high, 1e-9, "eNPS high");
    expect(enps[3]).toBe(expected.enps.n);
    const [nps] = await workbook.readRange(sheet, "B7:E7");
    expect(nps[0]).toBeCloseTo(expected.nps.value, 9);
    expectClose(nps[1] as number, expected.nps.low, 1e-9, "NPS low");
    expectClose(nps[2] as number, expected.nps.high, 1e-9, "NPS high");
    expect(nps[3]).toBe(expected.nps.n);
  });

  it('generates FILTER for single columns, IF(r="") for item blocks, CHOOSE(SEQUENCE) to join columns and a reflection for the reversed item', async () => {
    const workbook = fixtureWorkbook();
    await buildBarometer(workbook, await suggestedMapping(workbook), DEFAULT_MODEL, "en");
    expect(workbook.formulaAt("Barometer", "B6")).toBe(
      '=IF(COUNT(Employees!$J$2:$J$61)>=5,SYM.NPSCI(FILTER(Employees!$J$2:$J$61,Employees!$J$2:$J$61<>"")),NA())',
    );
    // One call per dimension receives both answer matrices once and spills over B:I.
    expect(workbook.formulaAt("Barometer", "B11")).toMatch(
      new RegExp(
        "^=SYM\\.DIMENSION\\(" +
          escape(
            'CHOOSE(SEQUENCE(1,3),IF(Employees!$D$2:$D$61="","",Employees!$D$2:$D$61),IF(Employees!$E$2:$E$61="","",Employees!$E$2:$E$61),IF(Employees!$G$2:$G$61="","",IF(ISNUMBER(Employees!$G$2:$G$61),6-Employees!$G$2:$G$61,Employees!$G$2:$G$61))),',
          ),
      ),
    );
    expect(workbook.formulaAt("Barometer", "B13")).toContain(',IF(Customers!$E$2:$F$76="","",Customers!$E$2:$F$76),1,5,1,5,');
    for (const column of ["C", "D", "E", "I"]) expect(workbook.formulaAt("Barometer", `${column}11`)).toBeUndefined();
  });

  it("shows the heat map by unit (n, eNPS, a score per dimension) with small groups and their complement hidden, and writes unit names as text", async () => {
    const workbook = fixtureWorkbook();
    const result = await buildBarometer(workbook, await suggestedMapping(workbook), DEFAULT_MODEL, "en");
    const table = result.layout.anchors.heatMapByUnit!;
    const [header] = await workbook.readRange("Barometer", rangeText({ ...table, top: table.top - 1, bottom: table.top - 1 }));
    expect(header).toEqual(["Unit", "n", "eNPS (employees)", "Customer culture and values", "Recognition", "Information"]);
    const rows = await workbook.readRange("Barometer", rangeText(table));
    const shown = Object.fromEntries(rows.map(([unit, ...figures]) => [String(unit), figures]));
    expect(Object.keys(shown).sort()).toEqual(Object.keys(expected.heatmapUnits).sort());
    // Tiny has 3 respondents: its count reads "fewer than 5" and none of its figures is shown.
    expect(shown.Tiny).toEqual(["fewer than 5", "·", "·", "·", "·"]);
    const hidden = Object.keys(shown).filter((unit) => shown[unit][0] === "fewer than 5");
    // A second unit is hidden with it, so the total minus the visible units is not Tiny alone.
    expect(hidden.length).toBeGreaterThanOrEqual(2);
    for (const [unit, [n, enps, ...scores]] of Object.entries(shown)) {
      if (hidden.includes(unit)) {
        expect([enps, ...scores]).toEqual(["·", "·", "·", "·"]);
        continue;
      }
      expect(n).toBe(expected.heatmapUnits[unit].n);
      expect(n as number).toBeGreaterThanOrEqual(5);
      expect(enps as number).toBeCloseTo(expected.units[unit].enps!, 9);
      ["culture", "recognition", "information"].forEach((dimension, index) =>
        expect(scores[index] as number).toBeCloseTo(expected.heatmapUnits[unit][dimension as "culture"], 9),
      );
    }
    // The eNPS by manager map hides nothing that lets a unit be rebuilt: every manager has 15 people.
    const managers = await workbook.readRange("Barometer", rangeText(result.layout.anchors.byManager!));
    expect(managers.map((row) => row[0])).toEqual(["M-A", "M-B", "M-C", "M-D"]);
    expect(managers.every((row) => typeof row[1] === "number" && row[1] >= 5)).toBe(true);
    // The data cell stays text (it was loaded as text) and nothing in the sheet became a link formula.
    expect(workbook.formulaAt("Employees", "B42")).toBeUndefined();
    expect(workbook.formulaAt("Barometer", rangeText(table).split(":")[0])).toMatch(/^=SYM\.HEATMAP\("unit",/);
  });

  it("adds support versus front office when the Units data has a type column, hidden jointly with the units", async () => {
    const workbook = fixtureWorkbook();
    workbook.loadSheet("Units", [["unit", "type"], ...Object.entries(expected.unitTypes).map(([unit, type]) => [unit, type])]);
    const mapping: Mapping = {
      ...(await suggestedMapping(workbook)),
      units: { sheet: "Units", unitColumn: "unit", attributeColumn: "type" },
    };
    const result = await buildBarometer(workbook, mapping, DEFAULT_MODEL, "en");
    const table = result.layout.anchors.supportFront!;
    const rows = await workbook.readRange("Barometer", rangeText(table));
    expect(rows.map((row) => row[0])).toEqual(["Front office (customer-facing)", "Support and back office", "Support − front office"]);
    const units = await workbook.readRange("Barometer", rangeText(result.layout.anchors.heatMapByUnit!));
    const hiddenUnits = units.filter((row) => row[1] === "fewer than 5").map((row) => String(row[0]));
    // Support-Lille is the only support unit: showing the support type would show it, so either
    // both are visible or both hidden; and no type is left with exactly one hidden unit inside.
    for (const [type, row] of [
      ["front-office", rows[0]],
      ["support", rows[1]],
    ] as const) {
      const hiddenInside = hiddenUnits.filter((unit) => expected.unitTypes[unit] === type);
      if (row[1] === "fewer than 5") {
        expect(row.slice(2)).toEqual(["·", "·", "·", "·"]);
        continue;
      }
      expect(hiddenInside.length).not.toBe(1);
      expect(row[1]).toBe(expected.heatmapTypes[type].n);
      ["culture", "recognition", "information"].forEach((dimension, index) =>
        expect(row[3 + index] as number).toBeCloseTo(expected.heatmapTypes[type][dimension as "culture"], 9),
      );
    }
    // The difference row is support − front office where both are shown, "·" where either is hidden.
    rows[2].slice(2).forEach((difference, index) => {
      const [front, support] = [rows[0][2 + index], rows[1][2 + index]];
      if (typeof front === "number" && typeof support === "number") expect(difference as number).toBeCloseTo(support - front, 9);
      else expect(difference).toBe("·");
    });
    const unitsFormula = workbook.formulaAt("Barometer", rangeText(result.layout.anchors.heatMapByUnit!).split(":")[0]);
    expect(unitsFormula).toMatch(/^=SYM\.HEATMAP\("unit,type",.*CHOOSE\(SEQUENCE\(1,2\),IF\(Units!/);
  });

  it("shows the support block's figures on data where the types can be shown (a second support unit)", async () => {
    const workbook = fixtureWorkbook();
    const types = { ...expected.unitTypes, Paris: "support" };
    workbook.loadSheet("Units", [
      ["unit", "type"],
      ...Object.entries(types).map(([unit, type]) => [unit, type === "support" ? "Back office" : "Front office"]),
    ]);
    const mapping: Mapping = {
      ...(await suggestedMapping(workbook)),
      units: { sheet: "Units", unitColumn: "unit", attributeColumn: "type" },
    };
    const result = await buildBarometer(workbook, mapping, DEFAULT_MODEL, "en");
    const rows = await workbook.readRange("Barometer", rangeText(result.layout.anchors.supportFront!));
    // Support = Paris (18) + Support-Lille (8) = 26 respondents; front office = the other 34.
    expect(rows.map((row) => row[1])).toEqual([34, 26, ""]);
    expect(rows.every((row) => row.slice(2).every((value) => typeof value === "number"))).toBe(true);
    rows[2]
      .slice(2)
      .forEach((difference, index) =>
        expect(difference as number).toBeCloseTo((rows[1][2 + index] as number) - (rows[0][2 + index] as number), 9),
      );
  });

  it("rebuilds in place: no duplicated sheet, chart or name, and the user's cells outside the area are kept", async () => {
    const workbook = fixtureWorkbook();
    const mapping = await suggestedMapping(workbook);
    const first = await buildBarometer(workbook, mapping, DEFAULT_MODEL, "en");
    const areaBottom = first.layout.area.bottom + 1;
    await workbook.writeValues("Barometer", "L45", [["my note"]]);
    await workbook.writeValues("Barometer", `A${areaBottom + 3}`, [["kept below"]]);
    const before = await workbook.readRange("Barometer", "B5:B7");

    await buildBarometer(workbook, mapping, DEFAULT_MODEL, "en");

    expect((await workbook.listSheets()).map((sheet) => sheet.name)).toEqual(["Employees", "Customers", "Barometer"]);
    expect((await workbook.listCharts("Barometer")).sort()).toEqual([GAP_CHART, RADAR_CHART].sort());
    expect(await workbook.listNames()).toEqual([AREA_NAME.toLowerCase()]);
    expect(workbook.conditionalFormats("Barometer")).toHaveLength(first.layout.conditionalFormats.length);
    expect(await cell(workbook, "Barometer", "L45")).toBe("my note");
    expect(await cell(workbook, "Barometer", `A${areaBottom + 3}`)).toBe("kept below");
    expect(await workbook.readRange("Barometer", "B5:B7")).toEqual(before);
  });

  it("recalculates when the data changes (live formulas)", async () => {
    const workbook = fixtureWorkbook();
    await buildBarometer(workbook, await suggestedMapping(workbook), DEFAULT_MODEL, "en");
    const before = await cell(workbook, "Barometer", "B11");
    await workbook.writeValues("Employees", "D2", [[1]]); // culture_1 of the first employee: 4 → 1
    expect(await cell(workbook, "Barometer", "B11")).not.toBeCloseTo(before as number, 6);
  });

  it("renames the sheet when rebuilt in French instead of adding a second one", async () => {
    const workbook = fixtureWorkbook();
    const mapping = await suggestedMapping(workbook);
    await buildBarometer(workbook, mapping, DEFAULT_MODEL, "en");
    const result = await buildBarometer(workbook, { ...mapping, language: "fr" }, DEFAULT_MODEL, "fr");
    expect(result.layout.sheetName).toBe("Baromètre");
    expect((await workbook.listSheets()).map((sheet) => sheet.name)).toEqual(["Employees", "Customers", "Baromètre"]);
    expect(await cell(workbook, "Baromètre", "A10")).toBe("Dimension");
    expect(await cell(workbook, "Baromètre", "A5")).toBe("Indice de symétrie");
  });

  it("refuses to overwrite a cell the user typed where the generated area grows", async () => {
    const workbook = fixtureWorkbook();
    await workbook.ensureSheet("Barometer");
    await workbook.writeValues("Barometer", "C12", [["mine"]]);
    await expect(buildBarometer(workbook, await suggestedMapping(workbook), DEFAULT_MODEL, "en")).rejects.toThrow(AreaOccupiedError);
    expect(await cell(workbook, "Barometer", "C12")).toBe("mine");
  });

  it("writes text that starts with =, +, - or @ as text, never as a formula", async () => {
    const workbook = fixtureWorkbook();
    const unsafe = ['=HYPERLINK("http://evil.example","x")', "+33 1 23", "-minus", "@SUM(A1)", "'quoted"];
    await workbook.ensureSheet("Notes");
    await workbook.writeValues("Notes", "A1", [unsafe]);
    expect(await workbook.readRange("Notes", "A1:E1")).toEqual([unsafe]);
    for (const column of ["A", "B", "C", "D", "E"]) expect(workbook.formulaAt("Notes", `${column}1`)).toBeUndefined();
  });

  it("saves the mapping as a custom XML part and reloads it", async () => {
    const workbook = fixtureWorkbook();
    const mapping = await suggestedMapping(workbook);
    expect(await loadMapping(workbook)).toBeNull();
    await saveMapping(workbook, mapping);
    expect(await workbook.getCustomXmlPart("urn:symmetry-barometer:mapping:1")).toMatch(
      /^<\?xml[^]*<mapping xmlns="urn:symmetry-barometer:mapping:1" version="1">/,
    );
    expect(await loadMapping(workbook)).toEqual(mapping);
  });

  it("stops at a bad answer with its sheet, row and column", async () => {
    const workbook = fixtureWorkbook();
    const mapping = await suggestedMapping(workbook);
    await workbook.writeValues("Employees", "E7", [[9]]); // culture_2 on a 1–5 scale
    await expect(buildBarometer(workbook, mapping, DEFAULT_MODEL, "en")).rejects.toThrow(
      /Employees, row 7, column "culture_2": answer 9 is outside the scale 1–5/,
    );
    expect((await workbook.listSheets()).map((sheet) => sheet.name)).not.toContain("Barometer");
  });

  it("writes nothing when cancelled while reading, with progress reported per chunk", async () => {
    const workbook = fixtureWorkbook();
    const mapping = await suggestedMapping(workbook);
    const controller = new AbortController();
    const seen: string[] = [];
    const building = buildBarometer(workbook, mapping, DEFAULT_MODEL, "en", {
      signal: controller.signal,
      maxCellsPerChunk: 90, // columns B–J (unit … eNPS) are read: 9 wide → 10 rows a chunk
      onProgress: (progress) => {
        seen.push(`${progress.stage} ${progress.rowsRead}/${progress.totalRows}`);
        if (progress.stage === "employees" && progress.rowsRead === 20) controller.abort();
      },
    });
    const error = await building.then(
      () => undefined,
      (reason: unknown) => reason,
    );
    expect((error as Error).name).toBe("AbortError");
    expect(seen).toEqual(["employees 0/60", "employees 10/60", "employees 20/60"]);
    expect((await workbook.listSheets()).map((sheet) => sheet.name)).toEqual(["Employees", "Customers"]);
    expect(await workbook.getNamedRange(AREA_NAME)).toBeNull();
  });

  it("builds nothing for fewer employees than the confidentiality threshold", async () => {
    const workbook = fixtureWorkbook();
    const mapping = await suggestedMapping(workbook);
    const rows = await workbook.readRange("Employees", "A1:J5");
    workbook.loadSheet("Employees", rows);
    await expect(buildBarometer(workbook, mapping, DEFAULT_MODEL, "en")).rejects.toThrow(
      /Only 4 employees answered, fewer than the confidentiality threshold of 5/,
    );
  });

  it("reads only the mapped columns: a free-text column between them is never sent", async () => {
    const plain = fixtureWorkbook();
    const reference = await buildBarometer(plain, await suggestedMapping(plain), DEFAULT_MODEL, "en");
    const workbook = fixtureWorkbook();
    const rows = fixtureRows("employees").map((row, index) => [
      ...row.slice(0, 3),
      index === 0 ? "comment" : "free text ".repeat(3000),
      ...row.slice(3),
    ]);
    workbook.loadSheet("Employees", rows);
    const reads: string[] = [];
    const port = Object.create(workbook) as MemoryWorkbook;
    port.readRange = (sheet, address) => (reads.push(`${sheet}!${address}`), workbook.readRange(sheet, address));
    port.readRanges = (sheet, addresses) => (reads.push(`${sheet}!${addresses.join(",")}`), workbook.readRanges(sheet, addresses));
    const result = await buildBarometer(port, await suggestedMapping(workbook), DEFAULT_MODEL, "en");
    expect(result.employees.aggregate).toEqual(reference.employees.aggregate);
    // Locating the source reads the header row (and the used range); the answers are read by the scan.
    const employeeReads = reads.filter((read) => read.startsWith("Employees!") && !read.startsWith("Employees!A1:"));
    expect(employeeReads).toEqual(["Employees!B2:C61,E2:K61"]);
  });
});
