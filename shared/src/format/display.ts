import type { Language } from "../model/schemas";

/**
 * How figures are written for people, the same in sheets, the CLI, reports and decks: numbers in
 * the reader's language (French: decimal comma, non-breaking space between thousands), gaps and
 * changes signed, intervals as `[low; high]`, p-values under 0.001 as `<0.001` (never a rounded
 * `0.000`), and a figure withheld for confidentiality as "fewer than N" instead of a number.
 *
 * @example
 * formatNumber(12345.678, "fr", { digits: 1 }) // "12 345,7" (non-breaking space)
 * formatSigned(-20.25, "en") // "-20.2"
 * formatInterval(-21.75, -18.74, "fr") // "[-21,7; -18,7]"
 * formatP(2e-131, "fr") // "<0,001"
 * fewerThan(5, "en") // "fewer than 5"
 */

/** Spaces between thousands: non-breaking for documents, plain for terminals that align columns. */
export type ThousandsSpace = "non-breaking" | "plain";

export interface NumberStyle {
  /** Decimals shown (default 1). */
  readonly digits?: number;
  /** A sign on positive values too (`+3.2`), as gaps and changes are written. */
  readonly signed?: boolean;
  readonly spaces?: ThousandsSpace;
}

/** The no-break space U+00A0: every font has it, unlike the narrow U+202F that Intl writes in French. */
export const NO_BREAK_SPACE = "\u00a0";
/** Smallest p written as a number; anything below reads `<0.001`. */
export const SMALLEST_SHOWN_P = 0.001;

const formatters = new Map<string, Intl.NumberFormat>();

function formatterOf(language: Language, digits: number, signed: boolean): Intl.NumberFormat {
  const key = `${language}|${digits}|${signed}`;
  let formatter = formatters.get(key);
  if (!formatter) {
    // en-GB: comma thousands, point decimals; fr-FR: space thousands, comma decimals.
    formatter = new Intl.NumberFormat(language === "fr" ? "fr-FR" : "en-GB", {
      minimumFractionDigits: digits,
      maximumFractionDigits: digits,
      signDisplay: signed ? "exceptZero" : "auto",
    });
    formatters.set(key, formatter);
  }
  return formatter;
}

/**
 * A number in the reader's language, rounded half away from zero to `digits` decimals (Intl's
 * rounding). A value that rounds to zero is written without a sign ("0.0", never "-0.0").
 */
export function formatNumber(value: number, language: Language, style: NumberStyle = {}): string {
  if (!Number.isFinite(value)) throw new RangeError(`formatNumber requires a finite number, got ${value}`);
  const digits = style.digits ?? 1;
  let text = formatterOf(language, digits, style.signed ?? false).format(value);
  if (/^-0(?:[.,]0+)?$/.test(text)) text = text.slice(1);
  const space = style.spaces === "plain" ? " " : NO_BREAK_SPACE;
  return text.replace(/[\u202f\u00a0 ]/g, space);
}

/** A signed number: gaps, changes, eNPS and NPS (`+12.9`, `-20.2`, `0.0`). */
export function formatSigned(value: number, language: Language, digits = 1, spaces?: ThousandsSpace): string {
  return formatNumber(value, language, { digits, signed: true, spaces });
}

/** A whole count with thousands separators (`1,256`; French `1 256`). */
export function formatCount(value: number, language: Language, spaces?: ThousandsSpace): string {
  return formatNumber(value, language, { digits: 0, spaces });
}

/** An interval `[low; high]`, both ends written alike (signed by default, as gap intervals are). */
export function formatInterval(low: number, high: number, language: Language, style: NumberStyle = {}): string {
  const endStyle = { signed: true, ...style };
  return `[${formatNumber(low, language, endStyle)}; ${formatNumber(high, language, endStyle)}]`;
}

/**
 * A two-sided p-value: `<0.001` below 0.001 (French `<0,001`), else three decimals. A tiny p is
 * never written as `0.000`, which would read as impossible.
 */
export function formatP(p: number, language: Language): string {
  if (!(p >= 0 && p <= 1)) throw new RangeError(`formatP requires a p-value in [0, 1], got ${p}`);
  if (p < SMALLEST_SHOWN_P) return `<${formatNumber(SMALLEST_SHOWN_P, language, { digits: 3 })}`;
  return formatNumber(p, language, { digits: 3 });
}

/**
 * The spreadsheet number format of a p-value cell: the value stays a number (sortable, usable in
 * formulas) and reads `<0.001` below 0.001. Format codes always use `.` for decimals; the quoted
 * literal is written in the sheet's language.
 */
export function pValueNumberFormat(language: Language): string {
  return `[<${SMALLEST_SHOWN_P}]"${formatP(0, language)}";0.000`;
}

/**
 * What stands in place of a figure withheld for confidentiality (docs/domain.md#confidentiality: the
 * exact count of a hidden group is a figure too): "fewer than 5" / "moins de 5".
 */
export function fewerThan(minGroupSize: number, language: Language): string {
  return language === "fr" ? `moins de ${minGroupSize}` : `fewer than ${minGroupSize}`;
}

/** A figure or, when the engine withheld it (null), the hidden-cell text. */
export function formatOrHidden(value: number | null, minGroupSize: number, language: Language, style: NumberStyle = {}): string {
  return value === null ? fewerThan(minGroupSize, language) : formatNumber(value, language, style);
}
