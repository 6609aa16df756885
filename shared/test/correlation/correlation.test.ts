/**
 * Correlation against shared/test/reference/correlation.json, written by
 * shared/test/reference/make_reference.py: scipy.stats.pearsonr and scipy.stats.spearmanr for r and
 * p, scipy.stats.rankdata for average ranks, the Fisher-z interval with numpy (checked there against
 * pearsonr(...).confidence_interval()), and Benjamini–Hochberg with numpy's step-up running minimum.
 */
import { averageRanks, benjaminiHochberg, correlationTest, fisherInterval, pearson, spearman } from "@symmetry/engine";
import { catchSymError, expectClose, expectRelativelyClose, loadReference } from "../support/reference";

interface Expected {
  r: number;
  p: number;
  low: number;
  high: number;
}
interface CorrelationCase {
  name: string;
  x: number[];
  y: number[];
  confidence: number;
  ranksX: number[];
  pearson: Expected;
  spearman: Expected;
}
const reference = loadReference<{
  cases: CorrelationCase[];
  benjaminiHochberg: { name: string; p: number[]; q: number[] }[];
}>("correlation.json");

describe("correlation against scipy", () => {
  describe.each(reference.cases.map((c) => [c.name, c] as const))("%s", (_name, fixture) => {
    it.each(["pearson", "spearman"] as const)("matches scipy for %s", (method) => {
      const expected = fixture[method];
      const result = correlationTest(fixture.x, fixture.y, method, fixture.confidence);
      expectClose(result.r, expected.r, 1e-12);
      expectRelativelyClose(result.p, expected.p, 1e-9);
      expectClose(result.low, expected.low, 1e-12);
      expectClose(result.high, expected.high, 1e-12);
      expect(result.n).toBe(fixture.x.length);
      expectClose(method === "pearson" ? pearson(fixture.x, fixture.y) : spearman(fixture.x, fixture.y), expected.r, 1e-12);
    });

    it("ranks like scipy.stats.rankdata", () => {
      expect(Array.from(averageRanks(fixture.x))).toEqual(fixture.ranksX);
    });
  });
});

describe("benjaminiHochberg against the numpy step-up", () => {
  it.each(reference.benjaminiHochberg.map((c) => [c.name, c] as const))("matches for %s", (_name, fixture) => {
    benjaminiHochberg(fixture.p).forEach((q, index) => expectClose(q, fixture.q[index], 1e-12));
  });

  it("returns invalid-argument for a p outside [0, 1], naming it and its position", () => {
    const error = catchSymError(() => benjaminiHochberg([0.2, 1.5]), "invalid-argument");
    expect(error.message).toContain("1.5");
    expect(error.message).toContain("position 2");
    catchSymError(() => benjaminiHochberg([Number.NaN]), "invalid-argument");
  });
});

describe("correlation on bad input", () => {
  it("returns shape-mismatch for x and y of different lengths, naming both", () => {
    expect(catchSymError(() => pearson([1, 2, 3], [1, 2]), "shape-mismatch").message).toContain("3 and 2");
  });
  it("returns too-few-values under four pairs for the test, naming the count", () => {
    expect(catchSymError(() => correlationTest([1, 2, 3], [3, 1, 2]), "too-few-values").message).toMatch(/got 3/);
  });
  it("returns zero-variance when x is constant", () => {
    expect(catchSymError(() => pearson([2, 2, 2, 2], [1, 2, 3, 4]), "zero-variance").message).toContain("x = 2");
    expect(catchSymError(() => spearman([1, 2, 3, 4], [7, 7, 7, 7]), "zero-variance").message).toContain("y = 7");
  });
  it("returns invalid-argument for a missing value, naming its position", () => {
    const error = catchSymError(() => pearson([1, 2, Number.NaN, 4], [1, 2, 3, 4]), "invalid-argument");
    expect(error.message).toContain("position 3");
  });
  it.each([0, 1, 95])("returns invalid-argument for a confidence of %p", (confidence) => {
    expect(catchSymError(() => fisherInterval(0.3, 20, confidence), "invalid-argument").message).toContain(String(confidence));
  });
  it("returns too-few-values for a Fisher interval on three units or fewer", () => {
    catchSymError(() => fisherInterval(0.3, 3), "too-few-values");
  });
});
