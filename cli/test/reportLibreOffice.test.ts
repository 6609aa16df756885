/**
 * The files `sym template` and `sym report` write open in LibreOffice: one headless conversion to
 * PDF for both (no repair: exit 0, nothing on stderr about errors, the figures in the PDF text), and
 * the report's Barometer page rendered to PNG with pdftoppm, kept as
 * test-artifacts/report-page1.png (git-ignored).
 */
import { spawnSync } from "node:child_process";
import * as fs from "node:fs";
import * as path from "node:path";
import { DEFAULT_MODEL } from "@symmetry/engine";
import { filledWorkbookFromCsv } from "../src/workbook/filledWorkbook";
import { REPOSITORY, runCli, SAMPLES, scratchDirectory } from "./support/cli";

jest.setTimeout(120_000);
const hasTools = spawnSync("which", ["soffice"]).status === 0 && spawnSync("which", ["pdftoppm"]).status === 0;
const scratch = scratchDirectory();
afterAll(() => scratch.remove());

/** The first `rows` respondents of a sample file, so the PDF stays a few pages long. */
function head(language: "en" | "fr", name: string, rows: number): string {
  const lines = fs.readFileSync(path.join(SAMPLES, language, `${name}.csv`), "utf8").split("\n");
  return scratch.write(`${language}-${name}.csv`, lines.slice(0, rows + 1).join("\n"));
}

(hasTools ? it : it.skip)("converts the template and a report to PDF headless without repair and renders the Barometer page", async () => {
  const directory = path.dirname(scratch.write("placeholder", ""));
  const template = path.join(directory, "template-fr.xlsx");
  expect((await runCli(["template", "--lang", "fr", "-o", template])).code).toBe(0);
  const input = scratch.write(
    "small.xlsx",
    await filledWorkbookFromCsv(
      { employees: head("en", "employees", 160), customers: head("en", "customers", 240), units: path.join(SAMPLES, "en", "units.csv") },
      DEFAULT_MODEL,
      "en",
    ),
  );
  const report = path.join(directory, "report.xlsx");
  const run = await runCli(["report", input, "-o", report, "--bootstrap", "100", "--json"]);
  expect(run.code).toBe(0);
  const symmetryIndex = JSON.parse(run.stdout).symmetryIndex as number;

  const outDir = path.join(directory, "pdf");
  const profile = path.join(directory, "lo-profile");
  const conversion = spawnSync(
    "soffice",
    [`-env:UserInstallation=file://${profile}`, "--headless", "--convert-to", "pdf", "--outdir", outDir, template, report],
    { encoding: "utf8", timeout: 90_000 },
  );
  expect(conversion.status).toBe(0);
  expect(conversion.stderr).not.toMatch(/error|repair|corrupt/i);
  for (const name of ["template-fr.pdf", "report.pdf"]) expect(fs.statSync(path.join(outDir, name)).size).toBeGreaterThan(1000);

  const pdf = path.join(outDir, "report.pdf");
  const pages = Number(/Pages:\s+(\d+)/.exec(spawnSync("pdfinfo", [pdf], { encoding: "utf8" }).stdout)?.[1] ?? 0);
  let barometerPage = 0;
  for (let page = 1; page <= pages && barometerPage === 0; page++) {
    const text = spawnSync("pdftotext", ["-f", String(page), "-l", String(page), "-layout", pdf, "-"], { encoding: "utf8" }).stdout;
    if (text.includes("Symmetry index (100")) {
      barometerPage = page;
      expect(text).toContain(symmetryIndex.toFixed(2).replace(/0+$/, "").replace(/\.$/, ""));
      expect(text).toContain("Recognition");
    }
  }
  expect(barometerPage).toBeGreaterThan(0);
  // p-values under 0.001 stay numbers and read <0.001 through the cell's number format (the p column
  // prints on a later page than the labels: the table is wider than a page).
  const wholeText = spawnSync("pdftotext", ["-layout", pdf, "-"], { encoding: "utf8" }).stdout;
  expect(wholeText).toMatch(/\s<0\.001(\s|$)/m);
  const artifacts = path.join(REPOSITORY, "test-artifacts");
  fs.mkdirSync(artifacts, { recursive: true });
  const render = spawnSync("pdftoppm", [
    "-png",
    "-r",
    "80",
    "-f",
    String(barometerPage),
    "-l",
    String(barometerPage),
    "-singlefile",
    pdf,
    path.join(artifacts, "report-page1"),
  ]);
  expect(render.status).toBe(0);
  expect(fs.statSync(path.join(artifacts, "report-page1.png")).size).toBeGreaterThan(5000);
});
