import { execFileSync } from "node:child_process";
import JSZip from "jszip";
import { filledSampleBytes } from "../support/filledWorkbooks";
import { expandedCells } from "../../src/workbook/inputLimits";
import { runCli, scratchDirectory } from "../support/cli";

/**
 * The merged-cell and data-validation guard reads attributes as XML does. A single-quoted
 * `<mergeCell ref='A100:ZZ100000'/>` used to pass the guard, and exceljs then expanded 70 million
 * cells (4.5 GB, then V8 aborted).
 */
jest.setTimeout(120_000);
const scratch = scratchDirectory();
afterAll(() => scratch.remove());

// A100:ZZ100000 = 702 columns (ZZ = 26 + 26 × 26) × 99,901 rows.
const AREA = 702 * 99_901;

/** The `ref` attribute of every mergeCell as Python's ElementTree reads it: an independent XML parser. */
function refsReadByPython(xml: string): string[] {
  const script = [
    "import sys, json, xml.etree.ElementTree as ET",
    "root = ET.fromstring(sys.stdin.buffer.read())",
    "print(json.dumps([e.get('ref') for e in root.iter() if e.tag.split('}')[-1] == 'mergeCell']))",
  ].join("\n");
  return JSON.parse(execFileSync("/usr/bin/python3", ["-c", script], { input: xml }).toString());
}

const sheet = (cells: string) =>
  `<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" xmlns:x="urn:x"><sheetData/>${cells}</worksheet>`;

describe("expandedCells reads attributes as XML does", () => {
  it.each([
    ["double quotes", `<mergeCells><mergeCell ref="A100:ZZ100000"/></mergeCells>`],
    ["single quotes", `<mergeCells><mergeCell ref='A100:ZZ100000'/></mergeCells>`],
    ["spaces around =", `<mergeCells><mergeCell ref \n =\t 'A100:ZZ100000' /></mergeCells>`],
    ["entities", `<mergeCells><mergeCell ref="&#65;100&#x3A;ZZ100000"/></mergeCells>`],
    ["another attribute first, holding > and the other quote", `<mergeCells><mergeCell x:note='a>"b' ref="A100:ZZ100000"/></mergeCells>`],
    ["a namespace prefix", `<x:mergeCells><x:mergeCell ref='A100:ZZ100000'/></x:mergeCells>`],
  ])("%s", (_what, cells) => {
    const xml = sheet(cells);
    expect(refsReadByPython(xml)).toEqual(["A100:ZZ100000"]);
    expect(expandedCells(xml)).toBe(AREA);
  });

  it("counts data validations by their sqref attribute and Excel 2010 validations by their sqref element", () => {
    expect(expandedCells(sheet(`<dataValidations><dataValidation type='list' sqref = 'A1:B10 D1'/></dataValidations>`))).toBe(21);
    expect(expandedCells(sheet(`<x:dataValidation><x:formula1/><xm:sqref>A1:XFD1048576</xm:sqref></x:dataValidation>`))).toBe(
      16_384 * 1_048_576,
    );
  });

  it("reads a part of 100,000 unclosed elements without backtracking over the rest", () => {
    // Each opening tag without attributes or end: a backtracking pattern would rescan the rest each time.
    expect(expandedCells(`${"<mergeCell ref='A1".repeat(100_000)}`)).toBe(0);
  });
});

describe("sym report refuses a workbook whose single-quoted merged area is too large", () => {
  it("exits 1 naming the sheet part and the limit, before exceljs reads it", async () => {
    const filled = await filledSampleBytes("en");
    const zip = await JSZip.loadAsync(filled);
    const part = Object.keys(zip.files).find((name) => /^xl\/worksheets\/sheet\d+\.xml$/.test(name))!;
    const xml = await zip.file(part)!.async("string");
    // 702 × 2,901 = 2,036,502 cells: just over the 2,000,000 limit.
    zip.file(part, xml.replace("</sheetData>", "</sheetData><mergeCells count='1'><mergeCell ref = 'A100:ZZ3000'/></mergeCells>"));
    const file = scratch.write("single-quoted-merge.xlsx", await zip.generateAsync({ type: "nodebuffer", compression: "DEFLATE" }));
    const run = await runCli(["report", file, "--json", "--bootstrap", "0"]);
    expect(run.code).toBe(1);
    expect(run.stdout).toBe("");
    expect(run.stderr).toContain(`sheet part ${part} declares data validations or merged cells over 2,036,502 cells (limit 2,000,000)`);
  });
});
