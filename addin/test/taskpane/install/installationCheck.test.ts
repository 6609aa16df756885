import { checkInstallation, PROBE_SHEET, reportText } from "../../../src/taskpane/install/installationCheck";
import { stringsFor } from "../../../src/taskpane/i18n/strings";
import { OfficeWorkbook } from "../../../src/taskpane/workbook/officeWorkbook";
import { strictExcel } from "../../../test-doubles/strictOfficeMock";
import { fakeExcelModel, fakeExcelState } from "../../support/fakeExcelModel";
import { MemoryWorkbook } from "../../../test-doubles/memoryWorkbook";
import { symFunctions } from "../../support/fixtureWorkbook";

describe("Check this installation", () => {
  it("runs the SYM functions in a scratch sheet, deletes it, and reports sets, API and pages", async () => {
    const workbook = new MemoryWorkbook(symFunctions(), "fr-CA");
    const calls: string[] = [];
    const lines = await checkInstallation({
      host: { host: "Excel", platform: "PC", version: "16.0.17928" },
      isSetSupported: (name) => name !== "CustomFunctionsRuntime",
      port: workbook,
      api: { url: "https://api.example.org/api/" },
      fetchFunction: (async (url: string, init?: RequestInit) => {
        calls.push(`${url} ${JSON.stringify(init ?? null)}`);
        return new Response("{}", { status: 200 });
      }) as unknown as typeof fetch,
      pageUrl: "https://addin.example.org/taskpane.html",
      strings: stringsFor("en"),
    });
    const text = reportText(lines);
    expect(text).toContain("OK   Excel: Excel 16.0.17928 on PC, display language fr-CA");
    expect(text).toContain("FAIL CustomFunctionsRuntime 1.3: missing");
    expect(text).toContain("OK   SharedRuntime 1.1: supported");
    // fr-CA Excel loaded the French metadata: the probe is written under the French name and answers 40.
    expect(text).toMatch(/OK {3}SYM functions: =SYM\.\S+\(\{10,9,8,3,10\}\) → 40/);
    expect(text).toContain("OK   API: GET https://api.example.org/api/health → 200");
    // `/health` is anonymous: the check sends no credentials.
    expect(calls).toEqual(["https://api.example.org/api/health null"]);
    expect((await workbook.listSheets()).map((sheet) => sheet.name)).not.toContain(PROBE_SHEET);
  });

  it("says when the functions do not answer, the API is refused, or the pages are not on HTTPS", async () => {
    const workbook = new MemoryWorkbook(); // no SYM functions registered: #NAME?
    const lines = await checkInstallation({
      isSetSupported: () => true,
      port: workbook,
      api: { url: "https://api.example.org/api" },
      fetchFunction: (async () => {
        throw new TypeError("Failed to fetch");
      }) as unknown as typeof fetch,
      pageUrl: "http://localhost:3000/taskpane.html",
      strings: stringsFor("en"),
    });
    const text = reportText(lines);
    expect(text).toContain("--   Excel: not running in Excel (browser preview)");
    // Outside Excel the sets are not asked, even when a probe is given.
    expect(text).toContain("--   SharedRuntime 1.1: not checked outside Excel");
    expect(text).toMatch(/FAIL SYM functions: =SYM\.ENPS\(\{10,9,8,3,10\}\) → #NAME\? \(expected 40\)/);
    expect(text).toContain("FAIL API: GET https://api.example.org/api/health: unreachable or refused by CORS (Failed to fetch)");
    expect(text).toContain("--   Add-in pages: http://localhost:3000/taskpane.html");
    expect((await workbook.listSheets()).map((sheet) => sheet.name)).toEqual([]);
  });

  it("writes every line in French for a French pane", async () => {
    const lines = await checkInstallation({
      host: { host: "Excel", platform: "OfficeOnline", version: "16.0.1" },
      isSetSupported: () => false,
      port: new MemoryWorkbook(symFunctions(), "fr-FR"),
      pageUrl: "https://addin.example.org/taskpane.html",
      strings: stringsFor("fr"),
    });
    const text = reportText(lines);
    expect(text).toContain("OK   Excel: Excel 16.0.1 sur OfficeOnline, langue d'affichage fr-FR");
    expect(text).toContain("FAIL ExcelApi 1.7: absent");
    expect(text).toMatch(/OK {3}Fonctions SYM: =SYM\.ENPS\(\{10,9,8,3,10\}\) → 40/);
    expect(text).toContain("--   API: aucune configurée");
    expect(text).toContain("OK   Pages du complément: https://addin.example.org/taskpane.html");
  });

  it("through the Office.js adapter on the strict mock: probe written in the scratch sheet, then the sheet deleted", async () => {
    const state = fakeExcelState();
    const excel = strictExcel(fakeExcelModel(state), { maxSyncsPerRun: 6 });
    const lines = await checkInstallation({
      host: { host: "Excel", platform: "PC", version: "16.0.17928" },
      isSetSupported: () => true,
      port: new OfficeWorkbook(excel.run, "en-US"),
      pageUrl: "https://addin.example.org/taskpane.html",
      strings: stringsFor("en"),
    });
    expect(state.log).toEqual(
      expect.arrayContaining([`add sheet ${PROBE_SHEET}`, `formulas ${PROBE_SHEET}!A1`, `delete sheet ${PROBE_SHEET}`]),
    );
    expect(state.sheets.has(PROBE_SHEET)).toBe(false);
    // The stand-in model keeps formulas as text (it does not calculate): the line says what came back.
    expect(reportText(lines)).toContain("FAIL SYM functions: =SYM.ENPS({10,9,8,3,10}) → =SYM.ENPS({10,9,8,3,10}) (expected 40)");
    expect(excel.ledger.runs).toBeGreaterThan(0);
  });
});
