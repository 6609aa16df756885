import { SymError } from "../errors";

/**
 * An ISO 8601 calendar date of year, month or day precision (2025, 2025-03, 2025-03-31): the
 * forms a survey export uses for a wave. Checked for real months and days, so "2025-13" is a label.
 */
const ISO_DATE = /^(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?$/;

export function isIsoDateWave(wave: string): boolean {
  const match = ISO_DATE.exec(wave.trim());
  if (!match) return false;
  const month = match[2] === undefined ? 1 : Number(match[2]);
  if (month < 1 || month > 12) return false;
  if (match[3] === undefined) return true;
  const day = Number(match[3]);
  const daysInMonth = new Date(Date.UTC(Number(match[1]), month, 0)).getUTCDate();
  return day >= 1 && day <= daysInMonth;
}

/** Waves as a list for messages: `"2025", "2026"`. */
export function listWaves(waves: readonly string[]): string {
  return waves.map((wave) => JSON.stringify(wave)).join(", ");
}

/**
 * The order of the barometer's waves (docs/domain.md#waves):
 * - an explicit order given by the user wins, and selects those waves;
 * - otherwise, when every wave is an ISO date, calendar order;
 * - otherwise, when no wave is a date, the order in which the waves first appear in the data;
 * - dates mixed with labels have no order anyone could guess: an error asks for one.
 *
 * @param appearance wave labels in the order they first appear (repeats are ignored)
 * @param explicit the user's order, e.g. from `--waves 2025,2026`
 * @throws invalid-argument for a wave of `explicit` the data do not have (naming the waves found),
 *   a wave named twice, or mixed dates and labels without an explicit order
 *
 * @example orderSurveyWaves(["2026-03", "2025-03"]) // ["2025-03", "2026-03"]
 * @example orderSurveyWaves(["spring", "autumn"]) // ["spring", "autumn"]
 */
export function orderSurveyWaves(appearance: readonly string[], explicit?: readonly string[]): string[] {
  const found = [...new Set(appearance.filter((wave) => wave !== ""))];
  if (explicit !== undefined && explicit.length > 0) {
    const seen = new Set<string>();
    for (const wave of explicit) {
      if (!found.includes(wave)) {
        throw new SymError(
          "invalid-argument",
          `the wave ${JSON.stringify(wave)} is not in the data; waves found: ${listWaves(found) || "none"}`,
          { value: wave },
        );
      }
      if (seen.has(wave))
        throw new SymError("invalid-argument", `the wave ${JSON.stringify(wave)} is named twice in the order of the waves`, {
          value: wave,
        });
      seen.add(wave);
    }
    return [...explicit];
  }
  const dates = found.filter(isIsoDateWave);
  if (dates.length === found.length) {
    // Same-precision ISO dates sort as text; "2025" before "2025-03" too (a prefix sorts first).
    return [...found].sort((first, second) => (first < second ? -1 : first > second ? 1 : 0));
  }
  if (dates.length === 0) return found;
  const labels = found.filter((wave) => !isIsoDateWave(wave));
  throw new SymError(
    "invalid-argument",
    `the waves mix dates (${listWaves(dates)}) and labels (${listWaves(labels)}): give their order, e.g. --waves ${found.join(",")}`,
    { value: found },
  );
}
