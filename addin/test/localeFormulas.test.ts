/**
 * Every formula the task pane writes resolves in Excel whatever its display language: for each
 * locale, the SYM names must be those of the metadata file Excel would load (chosen by the
 * manifest's overrides of Functions.Metadata.Url, the default file otherwise), built-in functions
 * stay en-US and exist in Excel 2021, and no reference takes a whole column. The strict in-memory
 * workbook, playing that display language, then computes every cell without #NAME?.
 */
import * as fs from "node:fs";
import * as path from "node:path";
import { generateCustomFunctionsMetadata } from "custom-functions-metadata/lib/generate";
import { DEFAULT_MODEL } from "@symmetry/engine";
import translations from "../src/functions/translations.fr.json";
import { buildBarometer } from "../src/taskpane/barometer/buildBarometer";
import { locateSource } from "../src/taskpane/data/sourceGeometry";
import { checkDraft, suggestDraft } from "../src/taskpane/mapping/draft";
import { rangeText } from "../src/taskpane/workbook/a1";
import { MemoryWorkbook } from "../test-doubles/memoryWorkbook";
import { fixtureRows, symFunctions } from "./support/fixtureWorkbook";

// eslint-disable-next-line @typescript-eslint/no-require-imports
const { localizeMetadata } = require("../src/functions/localizeMetadata") as { localizeMetadata: (json: string, table: unknown) => string };

const LOCALES = ["en-US", "fr-FR", "fr-CA", "de-DE", "tr-TR"];
/** Built-in functions of the generated formulas, en-US names, all in Excel 2021 (FILTER and SEQUENCE came with dynamic arrays). */
const EXCEL_2021 = new Set(["IF", "ISNUMBER", "COUNT", "NA", "FILTER", "CHOOSE", "SEQUENCE", "INDEX", "ROWS"]);
/** Microsoft 365 / Excel 2024 only: must never appear. */
const NEWER = [
  "HSTACK",
  "VSTACK",
  "LAMBDA",
  "TAKE",
  "DROP",
  "CHOOSECOLS",
  "CHOOSEROWS",
  "TOCOL",
  "TOROW",
  "EXPAND",
  "TEXTSPLIT",
  "GROUPBY",
  "PIVOTBY",
];
const manifest = fs.readFileSync(path.resolve(__dirname, "../../manifest.xml"), "utf8");

/** The metadata file Excel loads for a display language, read from the manifest as Excel reads it. */
function metadataFileFor(locale: string): string {
  const url = /<bt:Url id="Functions.Metadata.Url" DefaultValue="([^"]+)">([\s\S]*?)<\/bt:Url>/.exec(manifest)!;
  const override = [...url[2].matchAll(/<bt:Override Locale="([^"]+)" Value="([^"]+)"\/>/g)].find(
    (match) => match[1].toLowerCase() === locale.toLowerCase(),
  );
  return path.basename(new URL(override ? override[2] : url[1]).pathname);
}

let namesByFile: Record<string, Set<string>>;

beforeAll(async () => {
  const generated = await generateCustomFunctionsMetadata(path.resolve(__dirname, "../src/functions/functions.ts"), false);
  expect(generated.errors).toEqual([]);
  const names = (json: string) => new Set((JSON.parse(json) as { functions: { name: string }[] }).functions.map((fn) => fn.name));
  namesByFile = {
    "functions.json": names(generated.metadataJson),
    "functions.fr.json": names(localizeMetadata(generated.metadataJson, translations)),
  };
});

async function builtIn(locale: string) {
  const workbook = new MemoryWorkbook(symFunctions(), locale);
  workbook.loadSheet("Employees", fixtureRows("employees"));
  workbook.loadSheet("Customers", fixtureRows("customers"));
  const employees = { location: { sheet: "Employees" }, geometry: await locateSource(workbook, { sheet: "Employees" }) };
  const customers = { location: { sheet: "Customers" }, geometry: await locateSource(workbook, { sheet: "Customers" }) };
  const { draft } = suggestDraft(DEFAULT_MODEL, "en", employees, customers);
  const mapping = checkDraft(draft, { employees: employees.geometry, customers: customers.geometry }).mapping!;
  const result = await buildBarometer(workbook, mapping, DEFAULT_MODEL, "en");
  return { workbook, result, formulas: [...workbook.formulasOf(result.layout.sheetName).values()] };
}

describe.each(LOCALES)("formulas written for display language %s", (locale) => {
  it("use the SYM names of the metadata Excel loads, en-US built-ins of Excel 2021, no whole columns, and compute", async () => {
    const { workbook, result, formulas } = await builtIn(locale);
    const file = metadataFileFor(locale);
    expect(file).toBe(locale.startsWith("fr") ? "functions.fr.json" : "functions.json");
    const known = namesByFile[file];
    expect(formulas.length).toBeGreaterThan(5);
    const symNames = new Set<string>();
    for (const formula of formulas) {
      const calls = [...formula.replace(/"[^"]*"/g, '""').matchAll(/(?<![A-Za-z0-9_.])([A-Z][A-Z0-9.]*)\(/g)].map((match) => match[1]);
      for (const call of calls) {
        if (call.startsWith("SYM.")) {
          symNames.add(call);
          expect({ formula, call, known: known.has(call.slice(4)) }).toEqual({ formula, call, known: true });
        } else {
          expect({ formula, call, excel2021: EXCEL_2021.has(call) }).toEqual({ formula, call, excel2021: true });
        }
      }
      for (const newer of NEWER) expect(formula).not.toMatch(new RegExp(`\\b${newer}\\(`));
      expect(formula).not.toMatch(/(^|[^A-Z$])\$?[A-Z]{1,3}:\$?[A-Z]{1,3}(?![0-9A-Z])/);
    }
    expect(symNames.size).toBeGreaterThanOrEqual(4);
    if (file === "functions.fr.json") expect(symNames).toContain(`SYM.${translations.DIMENSION.name}`);
    else expect(symNames).toContain("SYM.DIMENSION");
    const table = await workbook.readRange(result.layout.sheetName, rangeText(result.layout.area));
    expect(table.flat().filter((value) => value === "#NAME?")).toEqual([]);
    expect(typeof (await workbook.readRange(result.layout.sheetName, "D11"))[0][0]).toBe("number");
  });
});

it("an English name in a French-metadata workbook gives #NAME?, as in Excel", async () => {
  const workbook = new MemoryWorkbook(symFunctions(), "fr-CA");
  workbook.loadSheet("Data", [[9], [10], [3], [8], [10]]);
  // 3 promoters, 1 detractor of 5: eNPS 40. SYMGAP is ECARTSYM in the French metadata.
  await workbook.writeFormulas("Data", "B1", [
    ["=SYM.SYMGAP(Data!A1:A5,Data!A1:A5,0,10,0,10)"],
    [`=SYM.${translations.SYMGAP.name}(Data!A1:A5,Data!A1:A5,0,10,0,10)`],
    [`=SYM.${translations.ENPS.name}(Data!A1:A5)`],
  ]);
  expect(await workbook.readRange("Data", "B1:B3")).toEqual([["#NAME?"], [0], [40]]);
});
