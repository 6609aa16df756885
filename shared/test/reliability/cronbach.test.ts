/**
 * Cronbach's α against shared/test/reference/reliability.json, written by
 * shared/test/reference/make_reference.py with pandas (listwise DataFrame.dropna(), sample
 * variances var(ddof=1)), cross-checked there with the closed formula k·c̄/(v̄ + (k−1)·c̄).
 */
import { ItemCovarianceAccumulator, cronbachAlpha, cronbachAlphaFromCovariance } from "@symmetry/engine";
import { catchSymError, expectClose, loadReference, toNumbers } from "../support/reference";

const reference = loadReference<{
  cases: { name: string; rows: (number | null)[][]; expected: { alpha: number; completeRows: number } }[];
}>("reliability.json");

describe("cronbachAlpha against pandas", () => {
  it.each(reference.cases.map((c) => [c.name, c] as const))("matches for %s", (_name, fixture) => {
    const rows = fixture.rows.map(toNumbers);
    expectClose(cronbachAlpha(rows), fixture.expected.alpha, 1e-9);
    const accumulator = new ItemCovarianceAccumulator(rows[0].length);
    rows.forEach((row) => accumulator.add(row));
    expect(accumulator.completeRows).toBe(fixture.expected.completeRows);
    expectClose(cronbachAlphaFromCovariance(accumulator), fixture.expected.alpha, 1e-9);
  });
});

describe("cronbachAlpha on bad input", () => {
  it("returns too-few-values with a single item, naming the count", () => {
    expect(catchSymError(() => cronbachAlpha([[1], [2], [3]]), "too-few-values").message).toMatch(/got 1/);
  });

  it("returns too-few-values when fewer than two rows are complete", () => {
    const error = catchSymError(
      () =>
        cronbachAlpha([
          [1, 2],
          [Number.NaN, 3],
          [4, Number.NaN],
        ]),
      "too-few-values",
    );
    expect(error.message).toMatch(/got 1/);
  });

  it("returns zero-variance when every respondent gives the same total", () => {
    expect(
      catchSymError(
        () =>
          cronbachAlpha([
            [3, 3],
            [3, 3],
            [3, 3],
          ]),
        "zero-variance",
      ).message,
    ).toContain("got 6");
  });

  it("returns shape-mismatch when a row has another number of items, naming the row", () => {
    const error = catchSymError(
      () =>
        cronbachAlpha([
          [1, 2, 3],
          [2, 3],
          [3, 4, 5],
        ]),
      "shape-mismatch",
    );
    expect(error.message).toContain("row 2");
    expect(error.message).toContain("2 items");
  });
});

describe("cronbachAlpha with totals constant up to rounding", () => {
  it("returns zero-variance whatever the row order, instead of a huge α from rounding residue", () => {
    const rows = [
      [2, 4, 2],
      [3, 4, 1],
      [4, 2, 2],
    ];
    for (const order of [rows, [rows[1], rows[0], rows[2]], [rows[2], rows[1], rows[0]], [rows[1], rows[2], rows[0]]]) {
      expect(catchSymError(() => cronbachAlpha(order), "zero-variance").message).toContain("got 8");
    }
  });
});
