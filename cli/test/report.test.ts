/**
 * `sym report`: template → filled with the samples → report, compared with `sym barometer --json` on
 * the same CSV files; a workbook whose mapping part was written by the add-in's code; input sheets
 * left untouched (cell by cell); formulas in data refused; hostile files reported while the batch
 * goes on.
 */
import * as crypto from "node:crypto";
import * as fs from "node:fs";
import * as path from "node:path";
import ExcelJS from "exceljs";
import JSZip from "jszip";
import { DEFAULT_MODEL, MAPPING_NAMESPACE, mappingFromXml, mappingToXml, type Mapping } from "@symmetry/engine";
import { addCustomXmlPart, readCustomXmlParts } from "../src/workbook/customXmlPart";
import { runCli, scratchDirectory } from "./support/cli";
import { filledSampleBytes, sampleCsv as sample, type Language } from "./support/filledWorkbooks";
import { zipBombBytes } from "./support/zipBomb";

// generous: a full report runs in seconds alone, but much longer on a shared, busy machine
jest.setTimeout(600_000);
const scratch = scratchDirectory();
const directory = scratch.path;
afterAll(() => scratch.remove());

/** A copy of the filled sample (built once for the file), for a test to read or change. */
async function writeFilled(language: Language, name = `filled-${language}.xlsx`): Promise<string> {
  return scratch.write(name, await filledSampleBytes(language));
}

/** Every number of the barometer, compared to 9 significant digits (the two readers sum in different orders). */
function expectSameNumbers(actual: unknown, expected: unknown, where = "report"): void {
  if (typeof expected === "number") {
    expect(typeof actual).toBe("number");
    const scale = Math.max(1, Math.abs(expected));
    if (Math.abs((actual as number) - expected) > 1e-9 * scale) throw new Error(`${where}: ${actual} differs from ${expected}`);
    return;
  }
  if (expected === null || typeof expected !== "object") {
    expect(actual).toEqual(expected);
    return;
  }
  if (Array.isArray(expected)) {
    expect(Array.isArray(actual)).toBe(true);
    expect((actual as unknown[]).length).toBe(expected.length);
    expected.forEach((item, index) => expectSameNumbers((actual as unknown[])[index], item, `${where}[${index}]`));
    return;
  }
  for (const key of Object.keys(expected))
    expectSameNumbers((actual as Record<string, unknown>)[key], (expected as Record<string, unknown>)[key], `${where}.${key}`);
}

describe.each(["en", "fr"] as const)("round trip in %s: template filled with the samples → report", (language) => {
  let input: string;
  let output: string;
  let reportJson: Record<string, unknown>;
  beforeAll(async () => {
    input = await writeFilled(language);
    output = path.join(directory, `report-${language}.xlsx`);
    // One run writes the report and prints its JSON: the file and the figures come from the same computation.
    const run = await runCli(["report", input, "-o", output, "--json", "--bootstrap", "200"]);
    expect(run.code).toBe(0);
    expect(fs.existsSync(output)).toBe(true);
    reportJson = JSON.parse(run.stdout);
  });

  it("gives the numbers of sym barometer --json on the same CSV files", async () => {
    const csv = await runCli([
      "barometer",
      "--employees",
      sample(language, "employees"),
      "--customers",
      sample(language, "customers"),
      "--units",
      sample(language, "units"),
      "--lang",
      language,
      "--json",
    ]);
    expect(csv.code).toBe(0);
    const expected = JSON.parse(csv.stdout);
    for (const key of [
      "employees",
      "customers",
      "dimensions",
      "symmetryIndex",
      "units",
      "customerUnits",
      "managers",
      "thresholds",
      "scales",
      "unitAttributes",
      "minGroupSize",
    ]) {
      expectSameNumbers(reportJson[key], expected[key], key);
    }
    expect(reportJson.mappingSource).toBe("custom-xml");
  });

  it("runs the linkage on the Units sheet: eNPS and symmetry against NPS and turnover, with turnover money", () => {
    const link = reportJson.link as { units: number; excluded: number; correlations: { x: string; y: string }[]; turnover: unknown };
    expect(link.units + link.excluded).toBeGreaterThan(30);
    expect(link.correlations.some((row) => row.x === "enps" && row.y === "turnover")).toBe(true);
    expect(link.turnover).not.toBeNull();
  });

  it("leaves the input sheets untouched, cell by cell, and adds the result sheets, the mapping part and the gap chart", async () => {
    const before = new ExcelJS.Workbook();
    await before.xlsx.readFile(input);
    const after = new ExcelJS.Workbook();
    await after.xlsx.readFile(output);
    const names = before.worksheets.map((sheet) => sheet.name);
    expect(after.worksheets.map((sheet) => sheet.name)).toEqual([
      ...names,
      language === "fr" ? "Baromètre" : "Barometer",
      language === "fr" ? "Liaison" : "Linkage",
    ]);
    for (const name of names) {
      const original = before.getWorksheet(name)!;
      const copy = after.getWorksheet(name)!;
      expect(copy.rowCount).toBe(original.rowCount);
      original.eachRow({ includeEmpty: true }, (row, rowNumber) => {
        expect(copy.getRow(rowNumber).values).toEqual(row.values);
      });
    }
    const zip = await JSZip.loadAsync(fs.readFileSync(output));
    expect(mappingFromXml((await readCustomXmlParts(zip))[0])).toEqual(
      mappingFromXml((await readCustomXmlParts(await JSZip.loadAsync(fs.readFileSync(input))))[0]),
    );
    const chart = await zip.file("xl/charts/chart1.xml")!.async("string");
    expect(chart).toContain('<c:barDir val="bar"/>');
    expect((chart.match(/<c:pt idx=/g) ?? []).length).toBe(2 * DEFAULT_MODEL.dimensions.length);
    const barometer = after.getWorksheet(language === "fr" ? "Baromètre" : "Barometer")!;
    expect(barometer.getCell("B2").value).toBeCloseTo(reportJson.symmetryIndex as number, 2);
  });
});

describe("workbooks from elsewhere", () => {
  it("reads a workbook whose mapping part was written by the add-in's mappingToXml, with its own sheet and column names", async () => {
    const workbook = new ExcelJS.Workbook();
    const staff = workbook.addWorksheet("Staff survey 2025");
    const clients = workbook.addWorksheet("Client panel");
    const rows = 12;
    staff.addRow(["site", "Q1 recognition", "Q2 recognition", "would recommend"]);
    clients.addRow(["site", "thanked for loyalty", "nps score"]);
    const employeeRows: number[][] = [];
    const customerRows: number[][] = [];
    for (let index = 0; index < rows; index++) {
      const employee = [1 + (index % 5), 1 + ((index * 3) % 5), (index * 7) % 11];
      const customer = [1 + ((index * 2) % 5), (index * 5) % 11];
      employeeRows.push(employee);
      customerRows.push(customer);
      staff.addRow([index % 2 ? "North" : "South", ...employee]);
      clients.addRow([index % 2 ? "North" : "South", ...customer]);
    }
    const mapping: Mapping = {
      version: 1,
      modelId: "default",
      language: "en",
      employees: {
        sheet: "Staff survey 2025",
        columns: [
          { header: "site", role: "unit", reversed: false },
          { header: "Q1 recognition", role: "item", dimension: "recognition", reversed: false },
          { header: "Q2 recognition", role: "item", dimension: "recognition", reversed: false },
          { header: "would recommend", role: "recommendation", reversed: false },
        ],
      },
      customers: {
        sheet: "Client panel",
        columns: [
          { header: "site", role: "unit", reversed: false },
          { header: "thanked for loyalty", role: "item", dimension: "recognition", reversed: false },
          { header: "nps score", role: "recommendation", reversed: false },
        ],
      },
      scales: { employees: { min: 1, max: 5 }, customers: { min: 1, max: 5 } },
      thresholds: { minGroupSize: 5, minCommentGroupSize: 10, minDriverUnits: 25, gapThreshold: 10, alpha: 0.05 },
    };
    const file = scratch.write(
      "addin.xlsx",
      await addCustomXmlPart(Buffer.from(await workbook.xlsx.writeBuffer()), mappingToXml(mapping), MAPPING_NAMESPACE),
    );
    const run = await runCli(["report", file, "--json"]);
    expect(run.code).toBe(0);
    const report = JSON.parse(run.stdout);
    expect(report.mappingSource).toBe("custom-xml");
    expect(report.employees.n).toBe(rows);
    // docs/domain.md#respondent-score: respondent score = mean of normalised items 100·(x−1)/4; group score = mean over respondents
    const employeeScore = employeeRows.reduce((sum, [a, b]) => sum + (100 * (a - 1)) / 4 / 2 + (100 * (b - 1)) / 4 / 2, 0) / rows;
    const customerScore = customerRows.reduce((sum, [a]) => sum + (100 * (a - 1)) / 4, 0) / rows;
    const recognition = report.dimensions.find((dimension: { id: string }) => dimension.id === "recognition");
    expect(recognition.employee.score).toBeCloseTo(employeeScore, 10);
    expect(recognition.customer.score).toBeCloseTo(customerScore, 10);
    expect(recognition.gap).toBeCloseTo(employeeScore - customerScore, 10);
  });

  it("refuses a formula in a data cell, naming the sheet, cell, column and formula, and never evaluates it", async () => {
    const input = await writeFilled("en", "formula.xlsx");
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.readFile(input);
    workbook.getWorksheet("Employees")!.getCell("D7").value = { formula: "1+2", result: 3 } as ExcelJS.CellFormulaValue;
    await workbook.xlsx.writeFile(input);
    const run = await runCli(["report", input, "--json"]);
    expect(run.code).toBe(1);
    expect(run.stderr).toContain('sheet "Employees", cell D7');
    expect(run.stderr).toContain("holds the formula =1+2");
    expect(run.stdout).toBe("");
  });

  it("writes hostile text as text: a unit named =HYPERLINK(…) stays a string in the report", async () => {
    const input = await writeFilled("en", "hostile-unit.xlsx");
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.readFile(input);
    const sheet = workbook.getWorksheet("Employees")!;
    for (let row = 2; row <= 8; row++) sheet.getCell(`A${row}`).value = '=HYPERLINK("http://example.invalid","x")';
    await workbook.xlsx.writeFile(input);
    const output = path.join(directory, "hostile-unit-report.xlsx");
    const run = await runCli(["report", input, "-o", output, "--bootstrap", "0"]);
    expect(run.code).toBe(0);
    expect(run.stderr).toContain(`report written to ${output}`);
    const result = new ExcelJS.Workbook();
    await result.xlsx.readFile(output);
    let found = 0;
    result.getWorksheet("Barometer")!.eachRow((row) =>
      row.eachCell((cell) => {
        if (typeof cell.value === "string" && cell.value.startsWith("=HYPERLINK")) found++;
        expect(cell.type).not.toBe(ExcelJS.ValueType.Formula);
      }),
    );
    // Once in the eNPS by unit table, once in the heat map of dimensions by unit.
    expect(found).toBe(2);
  });

  it("finds the data by sheet names when the mapping part is absent (CLI header auto-mapping)", async () => {
    const input = await writeFilled("fr", "nomapping.xlsx");
    const zip = await JSZip.loadAsync(fs.readFileSync(input));
    for (const name of Object.keys(zip.files).filter((entry) => entry.startsWith("customXml/"))) zip.remove(name);
    fs.writeFileSync(input, await zip.generateAsync({ type: "nodebuffer", compression: "DEFLATE" }));
    const run = await runCli(["report", input, "--json", "--bootstrap", "0"]);
    expect(run.code).toBe(0);
    const report = JSON.parse(run.stdout);
    expect(report.mappingSource).toBe("sheet-names");
    const csv = JSON.parse(
      (await runCli(["barometer", "--employees", sample("fr", "employees"), "--customers", sample("fr", "customers"), "--json"])).stdout,
    );
    expectSameNumbers(
      report.dimensions.map((dimension: { gap: number }) => dimension.gap),
      csv.dimensions.map((dimension: { gap: number }) => dimension.gap),
      "gaps",
    );
  });
});

describe("batch with hostile and broken files", () => {
  it("reports each failure with its reason, writes the good reports and the summary, and exits 1", async () => {
    const good = await writeFilled("en", "good.xlsx");
    const wrongSheets = new ExcelJS.Workbook();
    wrongSheets.addWorksheet("Sheet1").addRow(["a", "b"]);
    const wrong = scratch.write("wrong-sheets.xlsx", Buffer.from(await wrongSheets.xlsx.writeBuffer()));
    const badValue = await writeFilled("en", "bad-value.xlsx");
    {
      const workbook = new ExcelJS.Workbook();
      await workbook.xlsx.readFile(badValue);
      workbook.getWorksheet("Customers")!.getCell("E4").value = 9;
      await workbook.xlsx.writeFile(badValue);
    }
    const notXlsx = scratch.write("notes.xlsx", "unit,enps\nA,9\n");
    const corrupt = scratch.write("corrupt.xlsx", Buffer.concat([Buffer.from("PK\u0003\u0004"), crypto.randomBytes(2000)]));
    const large = scratch.write("large.xlsx", Buffer.concat([Buffer.from("PK\u0003\u0004"), Buffer.alloc(51 * 1024 * 1024, 1)]));
    const bomb = scratch.write("bomb.xlsx", await zipBombBytes(1100 * 1024 * 1024));
    const liar = scratch.write("liar.xlsx", await zipBombBytes(1100 * 1024 * 1024, 1000));
    expect(fs.statSync(bomb).size).toBeLessThan(5 * 1024 * 1024);

    const outDir = path.join(directory, "batch");
    const files = [good, wrong, badValue, notXlsx, corrupt, large, bomb, liar];
    const run = await runCli(["report", ...files, "--out-dir", outDir, "--bootstrap", "0"]);
    expect(run.code).toBe(1);
    const summary = fs.readFileSync(path.join(outDir, "summary.csv"), "utf8").trim().split("\n");
    expect(summary[0]).toBe("file,status,symmetry_index,enps,nps,alerts,report,error");
    expect(summary).toHaveLength(files.length + 1);
    const line = (file: string) => summary.find((row) => row.startsWith(file))!;
    expect(line(good)).toMatch(/,ok,\d+\.\d\d,-?\d+\.\d\d,-?\d+\.\d\d,\d+,/);
    expect(fs.existsSync(path.join(outDir, "good-report.xlsx"))).toBe(true);
    expect(line(wrong)).toContain("no mapping part and no sheets named Employees and Customers");
    expect(line(badValue)).toContain('sheet ""Customers"", cell E4');
    expect(line(badValue)).toMatch(/9 is outside the scale/);
    expect(line(notXlsx)).toContain("looks like a CSV file");
    expect(line(corrupt)).toContain("corrupt .xlsx");
    expect(line(large)).toContain("over the 50.0 MB limit (raise it with --max-size");
    expect(line(bomb)).toContain("would expand to 1100.0 MB once uncompressed");
    expect(line(liar)).toContain("understates its size: a zip bomb");
    for (const file of files.slice(1)) expect(run.stderr).toContain(`sym: ${file}: failed:`);
    expect(fs.readdirSync(outDir).sort()).toEqual(["good-report.xlsx", "summary.csv"]);
  });

  it("exits 0 when every file succeeds, and --max-size lets a trusted large file past the size check", async () => {
    const outDir = path.join(directory, "batch-ok");
    const run = await runCli([
      "report",
      await writeFilled("en", "a.xlsx"),
      await writeFilled("fr", "b.xlsx"),
      "--out-dir",
      outDir,
      "--bootstrap",
      "0",
    ]);
    expect(run.code).toBe(0);
    expect(
      fs
        .readFileSync(path.join(outDir, "summary.csv"), "utf8")
        .trim()
        .split("\n")
        .slice(1)
        .every((row) => row.includes(",ok,")),
    ).toBe(true);
    const large = scratch.write("large-trusted.xlsx", Buffer.concat([Buffer.from("PK\u0003\u0004"), Buffer.alloc(51 * 1024 * 1024, 1)]));
    const raised = await runCli(["report", large, "--json", "--max-size", "60"]);
    expect(raised.code).toBe(1);
    expect(raised.stderr).not.toContain("limit");
    expect(raised.stderr).toContain("corrupt .xlsx");
  });
});
