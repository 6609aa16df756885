import * as fs from "node:fs";
import * as path from "node:path";
import { RespondentMomentsAccumulator, respondentDriverShares } from "@symmetry/engine/priorities/respondentDrivers";

/**
 * Respondent-level key drivers against an independent numpy implementation of relative weights
 * (reference/make_respondent_drivers.py wrote reference/respondent_drivers.json: seeded rows with
 * missing values, listwise, R² checked against least squares there).
 */
interface Reference {
  dimensions: string[];
  rows: (number | null)[][];
  complete: number;
  rSquared: number;
  shares: Record<string, number>;
}
const reference = JSON.parse(fs.readFileSync(path.join(__dirname, "reference", "respondent_drivers.json"), "utf8")) as Reference;

function fold(rows: readonly (number | null)[][], k: number) {
  const accumulator = new RespondentMomentsAccumulator(k);
  for (const row of rows) {
    const values = row.map((value) => (value === null ? Number.NaN : value));
    accumulator.add(values.slice(0, k), values[k]);
  }
  return accumulator.result(reference.dimensions.slice(0, k));
}

describe("respondent-level drivers", () => {
  it("equal the numpy relative weights, listwise, labelled respondents", () => {
    const moments = fold(reference.rows, reference.dimensions.length);
    expect(moments.n).toBe(reference.complete);
    const drivers = respondentDriverShares(moments, reference.dimensions);
    expect(drivers.source).toBe("respondents");
    expect(drivers.respondents).toBe(reference.complete);
    expect(drivers.rSquared).toBeCloseTo(reference.rSquared, 10);
    for (const id of reference.dimensions) expect(drivers.shares[id]).toBeCloseTo(reference.shares[id], 10);
  });

  it("do not depend on the order of the respondents", () => {
    const reversed = respondentDriverShares(fold([...reference.rows].reverse(), reference.dimensions.length), reference.dimensions);
    for (const id of reference.dimensions) expect(reversed.shares[id]).toBeCloseTo(reference.shares[id], 10);
  });

  it("fall back to 1/k under 30 complete respondents and with a constant score", () => {
    const few = reference.rows.filter((row) => row.every((value) => value !== null)).slice(0, 29);
    const under = respondentDriverShares(fold(few, 4), reference.dimensions);
    expect(under.source).toBe("equal");
    expect(Object.values(under.shares)).toEqual([0.25, 0.25, 0.25, 0.25]);
    const constant = reference.rows.map((row) => [50, ...row.slice(1)]);
    expect(respondentDriverShares(fold(constant, 4), reference.dimensions).source).toBe("equal");
  });

  it("refuses a dimension the moments lack", () => {
    expect(() => respondentDriverShares(fold(reference.rows, 4), ["ethics"])).toThrow("have no ethics");
  });
});
