/**
 * SYM.DRIVERS as Excel calls it (rows of cells, omitted optionals as null), against the numpy
 * reference of shared/test/ranges/reference/drivers.json (make_drivers_reference.py: Johnson 2000
 * relative weights, bootstrap shares over numpy.repeat resamples, numpy.percentile intervals).
 */
import * as sym from "../../src/functions/functions";
import reference from "../../../shared/test/ranges/reference/drivers.json";

const [mtcars, synthetic] = reference.cases;
const column = (values: unknown[]) => values.map((value) => [value]);

function thrownBy(call: () => unknown): { code?: string; message: string } {
  try {
    call();
  } catch (error) {
    return error as { code?: string; message: string };
  }
  throw new Error("expected an error");
}

describe("SYM.DRIVERS", () => {
  it("spills [header, weight, share, low, high] per dimension, equal to numpy's", () => {
    const spill = sym.drivers(mtcars.scores, column(mtcars.outcome), mtcars.bootstrap, mtcars.seed);
    expect(spill).toHaveLength(4);
    spill.forEach((row, index) => {
      const expected = mtcars.rows[index];
      expect(row[0]).toBe(expected[0]);
      for (let position = 1; position < 5; position++) expect(Math.abs(row[position] - (expected[position] as number))).toBeLessThan(1e-9);
    });
  });

  it("numbers the columns when there is no header row, and skips units with a blank", () => {
    const spill = sym.drivers(synthetic.scores, column(synthetic.outcome), synthetic.bootstrap, synthetic.seed);
    expect(spill.map((row) => row[0])).toEqual([1, 2, 3, 4]);
    expect(Math.abs(spill[1][4] - (synthetic.rows[1][4] as number))).toBeLessThan(1e-9);
  });

  it("takes bootstrap 1000 and seed 1 when omitted (null), and leaves the interval cells empty with bootstrap 0", () => {
    expect(sym.drivers(mtcars.scores, column(mtcars.outcome), null as unknown as number, null as unknown as number)).toEqual(
      sym.drivers(mtcars.scores, column(mtcars.outcome), 1000, 1),
    );
    const plain = sym.drivers(mtcars.scores, column(mtcars.outcome), 0);
    expect(plain.map((row) => [row[3], row[4]])).toEqual([
      ["", ""],
      ["", ""],
      ["", ""],
      ["", ""],
    ]);
  });

  it("answers #N/A with a clear message under 25 units", () => {
    const error = thrownBy(() => sym.drivers(mtcars.scores.slice(0, 21), column(mtcars.outcome.slice(0, 21))));
    expect(error.code).toBe("#N/A");
    expect(error.message).toBe("DRIVERS requires at least 25 units with every score and the outcome, got 20");
  });

  it("answers #DIV/0! for a constant column and #VALUE! for text and misaligned ranges", () => {
    const constant = mtcars.scores.map((row, index) => (index === 0 ? row : [row[0], row[1], 100, row[3]]));
    expect(thrownBy(() => sym.drivers(constant, column(mtcars.outcome))).code).toBe("#DIV/0!");
    const text = mtcars.scores.map((row, index) => (index === 2 ? ["many", ...row.slice(1)] : row));
    const error = thrownBy(() => sym.drivers(text, column(mtcars.outcome)));
    expect(error.code).toBe("#VALUE!");
    expect(error.message).toMatch(/row 3, column 1/);
    expect(thrownBy(() => sym.drivers(mtcars.scores, column(mtcars.outcome.slice(2)))).code).toBe("#VALUE!");
  });
});
