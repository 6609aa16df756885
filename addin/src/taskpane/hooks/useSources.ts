import * as React from "react";
import { locateSource, type SourceLocation } from "../data/sourceGeometry";
import type { WorkbookPort } from "../workbook/WorkbookPort";
import type { SourceChoices } from "../components/SourcePicker";

export type SourceRole = "employees" | "customers" | "units";
export type SourceSelection = Record<SourceRole, SourceLocation | null>;

export interface SourcesStep {
  /** The sheets and tables of the workbook, as last listed. */
  readonly choices: SourceChoices;
  readonly sources: SourceSelection;
  /** The header row of the units source (empty without one), offered by the units mapping. */
  readonly unitsHeaders: string[];
  /** Lists the workbook's sheets and tables again. */
  readonly refresh: () => Promise<SourceChoices>;
  readonly choose: (which: SourceRole, location: SourceLocation | null) => void;
  readonly setSources: (sources: SourceSelection) => void;
}

const EMPLOYEE_SHEET = /employ|salari|staff|collab/i;
const CUSTOMER_SHEET = /custom|client/i;
const UNIT_SHEET = /^unit|^unité|^store|^magasin/i;

function guess(choices: SourceChoices, pattern: RegExp): SourceLocation | null {
  const table = choices.tables.find((candidate) => pattern.test(candidate.name) || pattern.test(candidate.sheet));
  if (table) return { sheet: table.sheet, table: table.name };
  const sheet = choices.sheets.find((candidate) => pattern.test(candidate.name));
  return sheet ? { sheet: sheet.name } : null;
}

/** The sources a workbook most likely holds, guessed from sheet and table names (EN/FR). */
export function guessSources(choices: SourceChoices): SourceSelection {
  return { employees: guess(choices, EMPLOYEE_SHEET), customers: guess(choices, CUSTOMER_SHEET), units: guess(choices, UNIT_SHEET) };
}

/** Step 1: where the employee, customer and units data are in the workbook. */
export function useSources(port: WorkbookPort, fail: (error: unknown) => void): SourcesStep {
  const [choices, setChoices] = React.useState<SourceChoices>({ sheets: [], tables: [] });
  const [sources, setSources] = React.useState<SourceSelection>({ employees: null, customers: null, units: null });
  const [unitsHeaders, setUnitsHeaders] = React.useState<string[]>([]);

  const refresh = React.useCallback(async () => {
    const next = { sheets: await port.listSheets(), tables: await port.listTables() };
    setChoices(next);
    return next;
  }, [port]);

  const choose = React.useCallback(
    (which: SourceRole, location: SourceLocation | null) => setSources((current) => ({ ...current, [which]: location })),
    [],
  );

  React.useEffect(() => {
    if (!sources.units) {
      setUnitsHeaders([]);
      return;
    }
    locateSource(port, sources.units).then((geometry) => setUnitsHeaders(geometry.headers.filter(Boolean)), fail);
  }, [port, sources.units, fail]);

  return { choices, sources, unitsHeaders, refresh, choose, setSources };
}
