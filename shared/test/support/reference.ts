import { readFileSync } from "fs";
import { join } from "path";
import { SymError, type SymErrorCode } from "../../src";

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

/** Relative closeness, absolute near zero: |a − e| ≤ tolerance · max(1, |e|). */
export function expectClose(actual: number, expected: number, tolerance = 1e-9): void {
  const scale = Math.max(1, Math.abs(expected));
  const error = Math.abs(actual - expected);
  if (!(error <= tolerance * scale)) {
    throw new Error(`expected ${actual} to be within ${tolerance} (relative) of ${expected}, off by ${error}`);
  }
}

/** Relative closeness for values that can be tiny (p-values): |a − e| ≤ tolerance · |e|. */
export function expectRelativelyClose(actual: number, expected: number, tolerance = 1e-9): void {
  const error = Math.abs(actual - expected);
  if (!(error <= tolerance * Math.abs(expected)) && !(expected === 0 && actual === 0)) {
    throw new Error(`expected ${actual} to be within ${tolerance} relative of ${expected}, off by ${error}`);
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
