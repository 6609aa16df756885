/**
 * The batch summary of `sym report --out-dir`: one row per organisation (file, status, symmetry
 * index, eNPS, NPS, alerts, reason of a failure). Text fields that a spreadsheet would read as a
 * formula (starting with =, +, -, @, tab or carriage return) get a leading apostrophe (OWASP's CSV
 * injection advice), so opening the summary never runs anything.
 */
export interface SummaryRow {
  readonly file: string;
  readonly report?: string;
  readonly ok: boolean;
  readonly symmetryIndex?: number | null;
  readonly enps?: number | null;
  readonly nps?: number | null;
  readonly alerts?: number;
  readonly error?: string;
}

function textField(text: string): string {
  const safe = /^[=+\-@\t\r]/.test(text) ? `'${text}` : text;
  return /[",\n\r]/.test(safe) ? `"${safe.replace(/"/g, '""')}"` : safe;
}

function numberField(value: number | null | undefined, digits: number): string {
  return value === null || value === undefined ? "" : value.toFixed(digits);
}

export function formatSummaryCsv(rows: readonly SummaryRow[]): string {
  const lines = ["file,status,symmetry_index,enps,nps,alerts,report,error"];
  for (const row of rows) {
    lines.push(
      [
        textField(row.file),
        row.ok ? "ok" : "failed",
        numberField(row.symmetryIndex, 2),
        numberField(row.enps, 2),
        numberField(row.nps, 2),
        row.alerts === undefined ? "" : String(row.alerts),
        textField(row.report ?? ""),
        textField(row.error ?? ""),
      ].join(","),
    );
  }
  return `${lines.join("\n")}\n`;
}
