import * as path from "node:path";
import ExcelJS from "exceljs";
import { runBarometer } from "../src/commands/barometer";
import { addBarometerSheet } from "../src/workbook/reportSheets";
import { EN_CUSTOMERS, EN_EMPLOYEES, FR_CUSTOMERS, FR_EMPLOYEES, SAMPLES } from "./support/cli";

/**
 * The Barometer sheet `sym report` writes, from the barometer `sym barometer --by unit` computes on
 * the samples: a hidden unit's count reads "fewer than 5" (never its exact count), its heat map row
 * holds no figure, and the support-versus-front block shows the support units' recognition gap
 * (as the article on recognising support staff warns). The whole `sym report` run is covered in report.test.ts; here, the cells.
 */
type Cell = string | number | null;

function rows(sheet: ExcelJS.Worksheet): Cell[][] {
  const all: Cell[][] = [];
  sheet.eachRow({ includeEmpty: true }, (row, number) => {
    const values: Cell[] = [];
    for (let column = 1; column <= row.cellCount; column++) values.push(row.getCell(column).value as Cell);
    all[number - 1] = values;
  });
  return Array.from(all, (row) => row ?? []);
}

async function sheetFor(language: "en" | "fr") {
  const report = await runBarometer({
    employees: language === "en" ? EN_EMPLOYEES : FR_EMPLOYEES,
    customers: language === "en" ? EN_CUSTOMERS : FR_CUSTOMERS,
    units: path.join(SAMPLES, language, "units.csv"),
    by: ["unit"],
    language,
    threads: "off",
  });
  const workbook = new ExcelJS.Workbook();
  addBarometerSheet(workbook, report, language);
  return { report, cells: rows(workbook.worksheets[0]) };
}

describe("the report's Barometer sheet", () => {
  it.each(["en", "fr"] as const)("writes hidden counts as fewer than N, in %s", async (language) => {
    const { report, cells } = await sheetFor(language);
    const fewer = language === "en" ? "fewer than 5" : "moins de 5";
    const hiddenUnits = report.units.filter((unit) => unit.suppressed);
    expect(hiddenUnits.length).toBeGreaterThan(0);
    for (const unit of report.units) {
      const lines = cells.filter((row) => row[0] === unit.unit);
      // eNPS by unit, NPS by unit (when customers answered there), heat map row.
      expect(lines.length).toBeGreaterThanOrEqual(2);
      const enpsLine = lines[0];
      if (unit.suppressed) {
        expect(unit.n).toBeNull();
        expect(enpsLine[2]).toBe(fewer);
      } else expect(enpsLine[2]).toBe(unit.n);
    }
    const heatmap = report.heatmap![0];
    for (const group of heatmap.groups) {
      const line = cells.filter((row) => row[0] === group.group).at(-1)!;
      expect(line[1]).toBe(group.suppressed ? fewer : group.n);
      const figures = line.slice(2, 2 + group.dimensions.length);
      if (group.suppressed) expect(figures.every((value) => typeof value === "string")).toBe(true);
      else
        expect(figures).toEqual(
          group.dimensions.map((cell) => (cell.employee === null ? expect.any(String) : Number(cell.employee.toFixed(1)))),
        );
    }
    // A hidden unit's employee lines (eNPS by unit, heat map) hold no number at all; its customer NPS line may.
    for (const unit of hiddenUnits) {
      const lines = cells.filter((row) => row[0] === unit.unit);
      for (const line of [lines[0], lines.at(-1)!]) expect(line.slice(1).filter((value) => typeof value === "number")).toEqual([]);
    }
  });

  it("shows support units' recognition gap in the support-versus-front block", async () => {
    const { report, cells } = await sheetFor("en");
    const title = cells.findIndex((row) => row[0] === "Support versus front office: employee score per dimension");
    expect(title).toBeGreaterThan(0);
    const recognition = cells.slice(title).find((row) => row[0] === "Recognition")!;
    const expected = report.support!.dimensions.find((line) => line.id === "recognition")!;
    expect(recognition[5]).toBe(Number(expected.difference!.toFixed(1)));
    expect(recognition[5] as number).toBeLessThanOrEqual(-10);
    expect(recognition[9]).toBe("alert");
  });
});
