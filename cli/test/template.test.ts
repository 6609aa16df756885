/**
 * `sym template`: sheets as Excel tables, headers from the model's items, validation lists,
 * frozen headers, instructions, and the mapping custom XML part, which the add-in's own mapping
 * suggestion (addin/src/taskpane/mapping/draft.ts) gives back identically from the headers.
 */
import * as fs from "node:fs";
import * as path from "node:path";
import ExcelJS from "exceljs";
import JSZip from "jszip";
import { DEFAULT_MODEL, MAPPING_NAMESPACE, mappingFromXml } from "@symmetry/engine";
import { suggestColumns } from "../../addin/src/taskpane/mapping/draft";
import { readCustomXmlParts } from "../src/workbook/customXmlPart";
import { templateMapping } from "../src/workbook/templateWorkbook";
import { runCli, scratchDirectory } from "./support/cli";

const scratch = scratchDirectory();
afterAll(() => scratch.remove());

describe.each(["en", "fr"] as const)("sym template --lang %s", (language) => {
  let file: string;
  let workbook: ExcelJS.Workbook;
  let zip: JSZip;
  beforeAll(async () => {
    file = path.join(path.dirname(scratch.write("placeholder", "")), `template-${language}.xlsx`);
    const run = await runCli(["template", "--lang", language, "-o", file]);
    expect(run.code).toBe(0);
    workbook = new ExcelJS.Workbook();
    await workbook.xlsx.readFile(file);
    zip = await JSZip.loadAsync(fs.readFileSync(file));
  });

  it("has the data sheets as tables with the model's item wordings as headers, frozen, and an instructions sheet", () => {
    const names =
      language === "fr" ? ["Mode d'emploi", "Collaborateurs", "Clients", "Unités"] : ["Instructions", "Employees", "Customers", "Units"];
    expect(workbook.worksheets.map((sheet) => sheet.name)).toEqual(names);
    const employees = workbook.getWorksheet(names[1])!;
    const headers = (employees.getRow(1).values as unknown[]).slice(1);
    const itemLabels = DEFAULT_MODEL.dimensions.flatMap((dimension) => dimension.employeeItems.map((item) => item.label[language]));
    expect(headers).toEqual([...(language === "fr" ? ["unité", "manager", "vague"] : ["unit", "manager", "wave"]), ...itemLabels, "eNPS"]);
    const table = (employees as unknown as { tables: Record<string, { table: { tableRef: string } }> }).tables;
    expect(Object.keys(table)).toHaveLength(1);
    expect(employees.views[0]).toMatchObject({ state: "frozen", ySplit: 1 });
    expect(String(workbook.getWorksheet(names[0])!.getCell("A1").value)).toMatch(
      language === "fr" ? /Baromètre de la symétrie/ : /Symmetry Barometer/,
    );
  });

  it("validates answers with the scale's list (and the non-answer) and eNPS / NPS as whole numbers 0–10", async () => {
    const sheetXml = await zip.file("xl/worksheets/sheet2.xml")!.async("string");
    expect(sheetXml).toContain(`<formula1>&quot;1,2,3,4,5,${language === "fr" ? "NSP" : "NA"}&quot;</formula1>`);
    expect(sheetXml).toMatch(/<dataValidation type="whole"[^>]*sqref="AK2:AK1001">\s*<formula1>0<\/formula1>\s*<formula2>10<\/formula2>/);
    expect(sheetXml).toMatch(/sqref="D2:D1001"/);
  });

  it("carries the mapping custom XML part, with its props, relationships and content type", async () => {
    const parts = await readCustomXmlParts(zip);
    expect(parts).toHaveLength(1);
    const mapping = mappingFromXml(parts[0]);
    expect(mapping).toEqual(templateMapping(DEFAULT_MODEL, language));
    expect(await zip.file("customXml/itemProps1.xml")!.async("string")).toContain(`ds:uri="${MAPPING_NAMESPACE}"`);
    expect(await zip.file("customXml/_rels/item1.xml.rels")!.async("string")).toContain('Target="itemProps1.xml"');
    expect(await zip.file("xl/_rels/workbook.xml.rels")!.async("string")).toContain('Target="../customXml/item1.xml"');
    expect(await zip.file("[Content_Types].xml")!.async("string")).toContain('PartName="/customXml/itemProps1.xml"');
  });

  it("is mapped back identically by the add-in's mapping suggestion from the headers alone", () => {
    const mapping = templateMapping(DEFAULT_MODEL, language);
    for (const population of ["employees", "customers"] as const) {
      const sheet = workbook.getWorksheet(mapping[population].sheet)!;
      const headers = (sheet.getRow(1).values as unknown[]).slice(1).map(String);
      const suggested = suggestColumns(headers, population, DEFAULT_MODEL);
      expect(suggested.unmapped).toEqual([]);
      expect(suggested.columns).toEqual(mapping[population].columns);
    }
  });
});

it("refuses an invalid model file with the first issue", async () => {
  const model = scratch.write("model.json", JSON.stringify({ ...DEFAULT_MODEL, dimensions: [] }));
  const run = await runCli(["template", "--model", model, "-o", path.join(path.dirname(model), "x.xlsx")]);
  expect(run.code).toBe(2);
  expect(run.stderr).toContain("is not a valid model: dimensions");
});
