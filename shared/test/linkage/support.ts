import { readFileSync } from "fs";
import { join } from "path";
import { SymError, type SymErrorCode } from "../../src";

/**
 * The linkage fixture, written by shared/test/linkage/reference/make_reference.py (numpy, scipy,
 * pandas, statsmodels; versions in its `provenance`). Missing values are JSON null.
 */
// eslint-disable-next-line @typescript-eslint/no-explicit-any
export function loadLinkageReference(): any {
  return JSON.parse(readFileSync(join(__dirname, "reference", "linkage.json"), "utf8"));
}

/** |actual − expected| ≤ tolerance · max(1, |expected|). */
export function expectClose(actual: number | null | undefined, expected: number, tolerance: number, label = ""): void {
  if (typeof actual !== "number") throw new Error(`${label} expected a number close to ${expected}, got ${actual}`);
  const error = Math.abs(actual - expected);
  if (!(error <= tolerance * Math.max(1, Math.abs(expected)))) {
    throw new Error(`${label} expected ${actual} within ${tolerance} of ${expected}, off by ${error}`);
  }
}

/** Relative closeness for values that can be tiny (p-values). */
export function expectRelativelyClose(actual: number, expected: number, tolerance: number, label = ""): void {
  const error = Math.abs(actual - expected);
  if (!(error <= tolerance * Math.abs(expected)) && !(actual === 0 && expected === 0)) {
    throw new Error(`${label} expected ${actual} within ${tolerance} (relative) of ${expected}, off by ${error}`);
  }
}

/** Runs `action`, expects a SymError with `code`, returns it for assertions on its message. */
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
