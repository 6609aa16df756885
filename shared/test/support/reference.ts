import { readFileSync } from "fs";
import { join } from "path";
import { SymError, type SymErrorCode } from "@symmetry/engine";

/**
 * Loads a fixture written by shared/test/reference/make_reference.py (scipy, numpy, pandas).
 * Missing answers are stored as JSON null; `toNumbers` turns them into the engine's NaN.
 */
export function loadReference<T>(name: string): T {
  return JSON.parse(readFileSync(join(__dirname, "..", "reference", name), "utf8")) as T;
}

export function toNumbers(values: readonly (number | null)[]): number[] {
  return values.map((value) => (value === null ? Number.NaN : value));
}

/** Prefixes a failure message with what was compared, when the caller names it. */
function labelled(label: string, message: string): string {
  return label ? `${label} ${message}` : message;
}

/**
 * Relative closeness, absolute near zero: |a − e| ≤ tolerance · max(1, |e|). `actual` may be null
 * or undefined (an engine result that can be missing): that fails with a message saying so.
 */
export function expectClose(actual: number | null | undefined, expected: number, tolerance = 1e-9, label = ""): void {
  if (typeof actual !== "number") throw new Error(labelled(label, `expected a number close to ${expected}, got ${actual}`));
  const scale = Math.max(1, Math.abs(expected));
  const error = Math.abs(actual - expected);
  if (!(error <= tolerance * scale)) {
    throw new Error(labelled(label, `expected ${actual} to be within ${tolerance} (relative) of ${expected}, off by ${error}`));
  }
}

/** Relative closeness for values that can be tiny (p-values): |a − e| ≤ tolerance · |e|. */
export function expectRelativelyClose(actual: number, expected: number, tolerance = 1e-9, label = ""): void {
  const error = Math.abs(actual - expected);
  if (!(error <= tolerance * Math.abs(expected)) && !(expected === 0 && actual === 0)) {
    throw new Error(labelled(label, `expected ${actual} to be within ${tolerance} relative of ${expected}, off by ${error}`));
  }
}

/** Runs `action`, expects a SymError with `code`, and returns it for assertions on its message. */
export function catchSymError(action: () => unknown, code: SymErrorCode): SymError {
  let caught: unknown;
  try {
    action();
  } catch (error) {
    caught = error;
  }
  if (!(caught instanceof SymError)) throw new Error(`expected a SymError ${code}, got ${String(caught)}`);
  if (caught.code !== code) throw new Error(`expected error code ${code}, got ${caught.code}: ${caught.message}`);
  return caught;
}
