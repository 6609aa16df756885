import type { Language, Scale } from "@symmetry/engine";
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

export function parseNumberInRange(text: string, option: string, low: number, high: number, inclusive: boolean): number {
  const value = Number(text.replace(",", "."));
  const inside = inclusive ? value >= low && value <= high : value > low && value < high;
  if (text.trim() === "" || !Number.isFinite(value) || !inside) {
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
