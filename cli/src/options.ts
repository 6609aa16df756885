import type { Language, Scale } from "@symmetry/engine";
import { CONFIDENTIALITY_FLOOR } from "@symmetry/engine/privacy/suppression"; // not the barrel: see commands/barometer.ts
import { UsageError } from "./errors";

/**
 * Parsers for command-line values. Each throws a `UsageError` (exit 2) naming the option and the
 * text it got, so a typo never reaches the engine as a silently wrong setting.
 */

const SCALE_SYNTAX = /^\s*([+-]?\d+(?:[.,]\d+)?)\s*(?:\.\.|-|–|:|to)\s*([+-]?\d+(?:[.,]\d+)?)\s*$/i;

/** `1-5`, `0-10`, `1..7`, `1:5` → `{min, max}` (min below max). */
export function parseScaleOption(text: string, option = "--scale"): Scale {
  const match = SCALE_SYNTAX.exec(text);
  if (!match) throw new UsageError(`${option} expects MIN-MAX such as 1-5, got ${JSON.stringify(text)}`);
  const min = Number(match[1].replace(",", "."));
  const max = Number(match[2].replace(",", "."));
  if (!(max > min)) throw new UsageError(`${option} needs a maximum above its minimum, got ${JSON.stringify(text)}`);
  return { min, max };
}

export function parseWholeNumberOption(text: string, option: string, minimum: number): number {
  const value = Number(text);
  if (!/^\s*\d+\s*$/.test(text) || !Number.isSafeInteger(value) || value < minimum) {
    throw new UsageError(`${option} expects a whole number of at least ${minimum}, got ${JSON.stringify(text)}`);
  }
  return value;
}

/** `--min-n`: a whole number that may raise the confidentiality threshold, never lower it under the floor (5). */
export function parseMinGroupSizeOption(text: string): number {
  const value = parseWholeNumberOption(text, "--min-n", 0);
  if (value < CONFIDENTIALITY_FLOOR) {
    throw new UsageError(
      `--min-n cannot be below the confidentiality threshold of ${CONFIDENTIALITY_FLOOR} (it may only be raised), got ${JSON.stringify(text)}`,
    );
  }
  return value;
}

/** Decimal text only (exponent allowed: `1e-6`): `Number()` alone would also read `0x10` as 16, `0b1`, `0o7` or `Infinity`. */
const DECIMAL = /^\s*[+-]?(?:\d+(?:[.,]\d*)?|[.,]\d+)(?:[eE][+-]?\d+)?\s*$/;

export function parseNumberInRange(text: string, option: string, low: number, high: number, inclusive: boolean): number {
  const value = Number(text.trim().replace(",", "."));
  const inside = inclusive ? value >= low && value <= high : value > low && value < high;
  if (!DECIMAL.test(text) || !Number.isFinite(value) || !inside) {
    const bounds = inclusive ? `from ${low} to ${high}` : `strictly between ${low} and ${high}`;
    throw new UsageError(`${option} expects a number ${bounds}, got ${JSON.stringify(text)}`);
  }
  return value;
}

export function parseLanguageOption(text: string): Language {
  const language = text.trim().toLowerCase();
  if (language !== "fr" && language !== "en") throw new UsageError(`--lang expects fr or en, got ${JSON.stringify(text)}`);
  return language;
}
