import * as React from "react";
import { createRoot } from "react-dom/client";
import { FluentProvider, webLightTheme } from "@fluentui/react-components";
import { DEFAULT_MODEL, type Language } from "@symmetry/engine";
import { App } from "../taskpane/components/App";
import { languageOf, stringsFor } from "../taskpane/i18n/strings";
import { MemoryWorkbook } from "../../test-doubles/memoryWorkbook";
import type { CustomFunction } from "../../test-doubles/formula/evaluate";
import type { CellValue } from "../taskpane/workbook/WorkbookPort";
import { BarometerPreview } from "./components/BarometerPreview";
import { LinkagePreview } from "./components/LinkagePreview";
import { parseCsv } from "./csv";
import { syntheticSurvey } from "./syntheticSurvey";

/**
 * The browser preview (outside Office, `Office.onReady` gave `host: null`): the same pane on an
 * in-memory workbook holding the bundled samples (`samples/<lang>/*.csv`, fetched from the page's
 * origin) whose formulas are evaluated by the real SYM functions. `?lang=fr|en` picks the sample
 * language, `?rows=N` replaces the samples by a synthetic survey of N employees and N customers.
 */

const SHEETS: Record<Language, { employees: string; customers: string; units: string }> = {
  en: { employees: "Employees", customers: "Customers", units: "Units" },
  fr: { employees: "Salariés", customers: "Clients", units: "Unités" },
};

async function fetchCsv(path: string): Promise<CellValue[][]> {
  const response = await fetch(path);
  if (!response.ok) throw new Error(`${path}: HTTP ${response.status}`);
  return parseCsv(await response.text());
}

/** Units whose attribute column says support / back office (the heat map tags them). */
function supportUnitsOf(rows: CellValue[][]): Set<string> {
  const header = rows[0]?.map((cell) => String(cell ?? "").toLowerCase()) ?? [];
  const attribute = header.findIndex((name) => name === "attribute" || name === "type");
  if (attribute < 0) return new Set();
  return new Set(
    rows
      .slice(1)
      .filter((row) => /support|back/i.test(String(row[attribute] ?? "")))
      .map((row) => String(row[0])),
  );
}

export async function startPreview(container: HTMLElement): Promise<void> {
  const parameters = new URLSearchParams(window.location.search);
  const requested = parameters.get("lang");
  const language: Language = requested === "fr" || requested === "en" ? requested : languageOf(navigator.language);
  const functions = (await import("../functions/functions")) as unknown as Record<string, CustomFunction>;
  const workbook = new MemoryWorkbook(functions);
  const names = SHEETS[language];
  const rows = Number(parameters.get("rows") ?? 0);
  let banner = stringsFor(language).previewBanner;
  let supportUnits = new Set<string>();
  if (rows > 0) {
    const survey = syntheticSurvey(DEFAULT_MODEL, rows);
    workbook.loadSheet(names.employees, survey.employees);
    workbook.loadSheet(names.customers, survey.customers);
    banner += ` (${rows.toLocaleString()} × 2 synthetic rows)`;
  } else {
    try {
      const [employees, customers, units] = await Promise.all(
        (["employees", "customers", "units"] as const).map((name) => fetchCsv(`samples/${language}/${name}.csv`)),
      );
      workbook.loadSheet(names.employees, employees);
      workbook.loadSheet(names.customers, customers);
      workbook.loadSheet(names.units, units);
      supportUnits = supportUnitsOf(units);
    } catch (error) {
      const survey = syntheticSurvey(DEFAULT_MODEL, 400);
      workbook.loadSheet(names.employees, survey.employees);
      workbook.loadSheet(names.customers, survey.customers);
      banner += ` The samples could not be loaded (${(error as Error).message}): a small synthetic survey is used instead.`;
    }
  }
  createRoot(container).render(
    <FluentProvider theme={webLightTheme}>
      <App
        port={workbook}
        initialLanguage={language}
        showLanguageSwitch
        store={window.localStorage}
        banner={banner}
        renderBuilt={(result, paneLanguage) => (
          <BarometerPreview workbook={workbook} result={result} language={paneLanguage} supportUnits={supportUnits} />
        )}
        renderLinked={(outcome, paneLanguage) => <LinkagePreview workbook={workbook} outcome={outcome} language={paneLanguage} />}
      />
    </FluentProvider>,
  );
}
