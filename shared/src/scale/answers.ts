import { SymError, describeValue } from "../errors";
import type { Scale } from "../model/schemas";
import { MAX_SCALE_MAGNITUDE } from "./limits";

/** Declared non-answers: treated as missing, like a blank (NSP = « ne sait pas »). */
export const NON_ANSWERS: readonly string[] = ["", "NA", "N/A", "NSP", "#N/A"];
const nonAnswerSet = new Set(NON_ANSWERS.map((text) => text.toUpperCase()));

/** What a spreadsheet or CSV cell can hold once read. */
export type Cell = number | string | boolean | null | undefined;

/** Missing answers are NaN inside the engine, so numeric columns stay in Float64Arrays. */
export const MISSING = Number.NaN;

export function isMissing(value: number): boolean {
  return value !== value; // NaN check without a function call on the hot path
}

/**
 * Reads one cell as an answer: blanks and declared non-answers are missing (NaN), numbers and
 * numeric text are numbers, anything else is an `invalid-answer` error naming the value.
 */
export function readAnswer(cell: Cell): number {
  if (cell === null || cell === undefined) return MISSING;
  if (typeof cell === "number") {
    if (!Number.isFinite(cell))
      throw new SymError("invalid-answer", `answer ${describeValue(cell)} is not a finite number`, { value: cell });
    return cell;
  }
  if (typeof cell === "string") {
    const trimmed = cell.trim();
    if (nonAnswerSet.has(trimmed.toUpperCase())) return MISSING;
    const number = parseNumericText(trimmed);
    if (number !== undefined) return number;
    throw new SymError(
      "invalid-answer",
      `answer ${describeValue(cell)} is not a number nor a declared non-answer (${NON_ANSWERS.filter(Boolean).join(", ")} or blank)`,
      { value: cell },
    );
  }
  throw new SymError("invalid-answer", `answer ${describeValue(cell)} is not a number`, { value: cell });
}

/** Plain decimal text, with a comma accepted as the decimal separator (French exports). */
export function parseNumericText(text: string): number | undefined {
  if (!/^[+-]?(\d+([.,]\d*)?|[.,]\d+)([eE][+-]?\d+)?$/.test(text)) return undefined;
  return Number(text.replace(",", "."));
}

/** Checks a scale and says what is wrong with it. */
export function checkScale(scale: Scale, functionName: string): void {
  if (Math.abs(scale.min) > MAX_SCALE_MAGNITUDE || Math.abs(scale.max) > MAX_SCALE_MAGNITUDE) {
    throw new SymError(
      "invalid-argument",
      `${functionName} requires scale bounds within ±${MAX_SCALE_MAGNITUDE.toLocaleString("en-GB")}, got ${scale.min}–${scale.max}`,
      { value: scale },
    );
  }
  if (!Number.isFinite(scale.min) || !Number.isFinite(scale.max) || !(scale.max > scale.min)) {
    throw new SymError(
      "invalid-argument",
      `${functionName} requires a scale whose max is greater than its min, got ${scale.min}–${scale.max}`,
      {
        value: scale,
      },
    );
  }
}

/** Fails with `out-of-scale` when a present answer lies outside [min, max]. */
export function checkInScale(value: number, scale: Scale): void {
  if (value < scale.min || value > scale.max) {
    throw new SymError("out-of-scale", `answer ${value} is outside the scale ${scale.min}–${scale.max}`, { value });
  }
}

/**
 * Scale normalisation to 0–100 (docs/domain.md#scale-normalisation): `100·(x−lo)/(hi−lo)`, reversed items
 * `100·(hi−x)/(hi−lo)`. Missing stays missing; out-of-scale is an error.
 *
 * @example normaliseAnswer(4, { min: 1, max: 5 }) // 75
 * @example normaliseAnswer(4, { min: 1, max: 5 }, true) // 25
 */
export function normaliseAnswer(value: number, scale: Scale, reversed = false): number {
  checkScale(scale, "normaliseAnswer");
  if (isMissing(value)) return MISSING;
  checkInScale(value, scale);
  const span = scale.max - scale.min;
  return reversed ? (100 * (scale.max - value)) / span : (100 * (value - scale.min)) / span;
}

/** Recommendation answers (NPS, eNPS) are integers 0–10. */
export function checkRecommendation(value: number): void {
  if (!(Number.isInteger(value) && value >= 0 && value <= 10)) {
    throw new SymError("not-recommendation", `recommendation answer ${value} is not an integer from 0 to 10`, { value });
  }
}
