import { localizeFormula, metadataLanguage } from "../../functions/metadataLocales";
import { format, type Strings } from "../i18n/strings";
import { REQUIRED_SETS, type SetSupport } from "../requirements";
import type { WorkbookPort } from "../workbook/WorkbookPort";

/**
 * "Check this installation": what an analyst or IT person who sideloaded the add-in needs to know
 * when something does not work — host, platform and version, each requirement set, whether the
 * SYM functions answer in this Excel, whether the API answers (its anonymous `/health`, CORS included), and where
 * the add-in's pages come from. Each line says what was found; the whole gives a copyable text.
 */

export interface HostInfo {
  readonly host: string;
  readonly platform: string;
  readonly version: string;
}

export interface InstallationEnvironment {
  /** Office.context.diagnostics; absent outside Office (the browser preview). */
  readonly host?: HostInfo;
  /** Office.context.requirements.isSetSupported; only asked inside Excel. */
  readonly isSetSupported?: SetSupport;
  readonly port: WorkbookPort;
  /** The API the pane is configured with, if any. */
  readonly api?: { readonly url: string };
  readonly fetchFunction?: typeof fetch;
  /** The page the add-in was loaded from (the manifest's SourceLocation). */
  readonly pageUrl: string;
  /** The pane's language: every label and detail is written in it. */
  readonly strings: Strings;
}

export interface CheckLine {
  readonly label: string;
  /** true: fine; false: a problem; null: not applicable here. */
  readonly ok: boolean | null;
  readonly detail: string;
}

/** Scratch sheet for the function probe, deleted afterwards. */
export const PROBE_SHEET = "SymInstallCheck";
/** eNPS of 10, 9, 8, 3, 10: 3 promoters and 1 detractor out of 5 answers → (3 − 1) / 5 = 40. */
const PROBE_FORMULA = "=SYM.ENPS({10,9,8,3,10})";
const PROBE_EXPECTED = 40;

function messageOf(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}

async function functionsAnswer(port: WorkbookPort, strings: Strings): Promise<CheckLine> {
  const label = strings.installFunctions;
  // Written under the names of the metadata this Excel loaded, as every generated formula is.
  const formula = localizeFormula(PROBE_FORMULA, metadataLanguage(port.displayLanguage));
  try {
    await port.ensureSheet(PROBE_SHEET);
    await port.writeFormulas(PROBE_SHEET, "A1", [[formula]]);
    const value = (await port.readRange(PROBE_SHEET, "A1"))[0][0];
    const ok = value === PROBE_EXPECTED;
    const expected = ok ? "" : ` (${format(strings.installExpected, { expected: PROBE_EXPECTED })})`;
    return { label, ok, detail: `${formula} → ${String(value)}${expected}` };
  } catch (error) {
    return { label, ok: false, detail: `${formula}: ${messageOf(error)}` };
  } finally {
    await port.deleteSheet(PROBE_SHEET).catch(() => undefined);
  }
}

async function apiAnswers(environment: InstallationEnvironment): Promise<CheckLine> {
  const { strings } = environment;
  const label = strings.installApi;
  if (!environment.api) return { label, ok: null, detail: strings.installApiNone };
  const url = `${environment.api.url.replace(/\/+$/, "")}/health`;
  try {
    // `/health` is anonymous (docs/api.md): the check sends no credentials, so it also works
    // before anyone has signed in.
    const response = await (environment.fetchFunction ?? fetch)(url);
    return { label, ok: response.ok, detail: `GET ${url} → ${response.status}` };
  } catch (error) {
    // A browser reports a CORS refusal as a network error without details.
    return { label, ok: false, detail: `GET ${url}: ${strings.installApiUnreachable} (${messageOf(error)})` };
  }
}

function requirementLines(environment: InstallationEnvironment): CheckLine[] {
  const { strings, isSetSupported } = environment;
  return REQUIRED_SETS.map((set) => {
    const label = `${set.name} ${set.version}`;
    if (!environment.host || !isSetSupported) return { label, ok: null, detail: strings.installSetOutsideExcel };
    let supported = false;
    try {
      supported = isSetSupported(set.name, set.version);
    } catch {
      supported = false;
    }
    return { label, ok: supported, detail: supported ? strings.installSupported : strings.installMissing };
  });
}

/** Runs every check in order; never throws (a failed check is a line saying why). */
export async function checkInstallation(environment: InstallationEnvironment): Promise<CheckLine[]> {
  const { host, strings } = environment;
  const excel: CheckLine = host
    ? {
        label: strings.installExcel,
        ok: true,
        detail: format(strings.installExcelDetail, { ...host, language: environment.port.displayLanguage }),
      }
    : { label: strings.installExcel, ok: null, detail: strings.installNotInExcel };
  return [
    excel,
    ...requirementLines(environment),
    await functionsAnswer(environment.port, strings),
    await apiAnswers(environment),
    // Excel loads add-in pages over HTTPS only; anything else is worth seeing at a glance.
    { label: strings.installPages, ok: environment.pageUrl.startsWith("https:") || null, detail: environment.pageUrl },
  ];
}

/** The report as plain text, one line per check, for the clipboard. */
export function reportText(lines: readonly CheckLine[]): string {
  const mark = (ok: boolean | null) => (ok === true ? "OK  " : ok === false ? "FAIL" : "--  ");
  return lines.map((line) => `${mark(line.ok)} ${line.label}: ${line.detail}`).join("\n");
}
