/**
 * driversOfRanges (SYM.DRIVERS) against reference/drivers.json, computed independently by
 * reference/make_drivers_reference.py with numpy (Johnson 2000 relative weights from
 * numpy.corrcoef + numpy.linalg.eigh; bootstrap shares over numpy.repeat resamples; intervals by
 * numpy.percentile). The mtcars case also matches the weights printed by R's rwa README.
 */
import { driversOfRanges, isSymError } from "@symmetry/engine";
import reference from "./reference/drivers.json";

type Case = (typeof reference.cases)[number];

function expectClose(actual: number | null, expected: number, tolerance: number): void {
  expect(typeof actual).toBe("number");
  expect(Math.abs((actual as number) - expected)).toBeLessThanOrEqual(tolerance);
}

function column(values: (number | string | null)[]): (number | string | null)[][] {
  return values.map((value) => [value]);
}

function run(entry: Case) {
  return driversOfRanges(entry.scores as (number | string | null)[][], column(entry.outcome as (number | string | null)[]), {
    bootstrap: entry.bootstrap,
    seed: entry.seed,
  });
}

function thrown(compute: () => unknown): { code: string; message: string } {
  try {
    compute();
  } catch (error) {
    if (isSymError(error)) return { code: error.code, message: error.message };
    throw error;
  }
  throw new Error("expected a SymError");
}

describe("driversOfRanges", () => {
  it.each(reference.cases.map((entry) => [entry.name, entry] as const))(
    "%s: weights, shares and bootstrap intervals equal numpy's",
    (_, entry) => {
      const result = run(entry);
      expect(result.units).toBe(entry.units);
      expectClose(result.rSquared, entry.rSquared, 1e-10);
      expect(result.drivers).toHaveLength(entry.rows.length);
      entry.rows.forEach(([label, weight, share, low, high], index) => {
        const driver = result.drivers[index];
        expect(driver.dimension).toBe(label);
        expectClose(driver.weight, weight as number, 1e-10);
        expectClose(driver.share, share as number, 1e-10);
        expectClose(driver.low, low as number, 1e-9);
        expectClose(driver.high, high as number, 1e-9);
      });
      expectClose(
        result.drivers.reduce((sum, driver) => sum + driver.share, 0),
        1,
        1e-12,
      );
    },
  );

  it("gives the same intervals for the same seed and other intervals for another seed", () => {
    const entry = reference.cases[1];
    const again = run(entry);
    expect(again).toEqual(run(entry));
    const other = driversOfRanges(entry.scores as (number | null)[][], column(entry.outcome as (number | null)[]), {
      bootstrap: entry.bootstrap,
      seed: entry.seed + 1,
    });
    expect(other.drivers.map((driver) => driver.low)).not.toEqual(again.drivers.map((driver) => driver.low));
    expect(other.drivers.map((driver) => driver.weight)).toEqual(again.drivers.map((driver) => driver.weight));
  });

  it("leaves intervals empty without bootstrap", () => {
    const result = driversOfRanges(reference.cases[0].scores, column(reference.cases[0].outcome), { bootstrap: 0 });
    expect(result.drivers.every((driver) => driver.low === null && driver.high === null)).toBe(true);
  });

  it("refuses fewer than 25 complete units with too-few-values, naming the count", () => {
    const entry = reference.cases[0]; // 32 cars: keep the header and 24 rows
    const error = thrown(() => driversOfRanges(entry.scores.slice(0, 25), column(entry.outcome.slice(0, 25))));
    expect(error).toEqual({
      code: "too-few-values",
      message: "DRIVERS requires at least 25 units with every score and the outcome, got 24",
    });
  });

  it("names a constant column, a text cell, a misaligned outcome and a single column", () => {
    const entry = reference.cases[0];
    const constant = entry.scores.map((row, index) => (index === 0 ? row : [row[0], 7, row[2], row[3]]));
    expect(thrown(() => driversOfRanges(constant, column(entry.outcome)))).toEqual({
      code: "zero-variance",
      message: 'DRIVERS requires scores that vary across units; column "disp" is 7 in all 32 units',
    });
    const text = entry.scores.map((row, index) => (index === 3 ? [row[0], "high", row[2], row[3]] : row));
    expect(thrown(() => driversOfRanges(text, column(entry.outcome))).message).toMatch(
      /"high" .* in employee_dimension_scores at row 4, column 2/,
    );
    expect(thrown(() => driversOfRanges(entry.scores, column(entry.outcome.slice(1)))).code).toBe("shape-mismatch");
    expect(
      thrown(() =>
        driversOfRanges(
          entry.scores.map((row) => [row[0]]),
          column(entry.outcome),
        ),
      ).code,
    ).toBe("too-few-values");
  });

  it("reports collinear scores as zero-variance", () => {
    const entry = reference.cases[1];
    const scores = (entry.scores as (number | null)[][]).map((row) => [
      ...row,
      row[0] === null || row[1] === null ? null : row[0] + row[1],
    ]);
    expect(thrown(() => driversOfRanges(scores, column(entry.outcome as (number | null)[]), { bootstrap: 10 }))).toEqual({
      code: "zero-variance",
      message: "DRIVERS requires dimension scores that are not collinear (one column is a combination of others)",
    });
  });
});
