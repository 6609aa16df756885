/**
 * Welch gap test against scipy: shared/test/reference/welch.json, written by
 * shared/test/reference/make_reference.py with scipy.stats.ttest_ind(employees, customers,
 * equal_var=False) for t and p, the Welch–Satterthwaite df, the interval from scipy.stats.t.ppf and
 * Hedges' g from numpy (J = 1 − 3/(4(n1+n2−2) − 1)). The fixture names the versions used.
 */
import { summarise, welchGapTest } from "@symmetry/engine";
import { catchSymError, expectClose, expectRelativelyClose, loadReference } from "../support/reference";

interface WelchCase {
  name: string;
  employees: number[];
  customers: number[];
  confidence: number;
  expected: { gap: number; low: number; high: number; t: number; degreesOfFreedom: number; p: number; hedgesG: number | null };
}

const reference = loadReference<{ cases: WelchCase[] }>("welch.json");
// The comparisons below must include a far-tail p (under 1e-30), where an absolute tolerance or a
// p rounded to 0 would pass unnoticed; a fixture without one is refused rather than trusted.
if (!reference.cases.some((c) => c.expected.p < 1e-30)) throw new Error("welch.json has no case with p < 1e-30");

describe("welchGapTest against scipy.stats.ttest_ind(equal_var=False)", () => {
  it.each(reference.cases.map((c) => [c.name, c.expected.p, c] as const))("matches scipy for %s (p = %p)", (_name, _p, fixture) => {
    const result = welchGapTest(summarise(fixture.employees), summarise(fixture.customers), fixture.confidence);
    const { expected } = fixture;
    expectClose(result.gap, expected.gap, 1e-12);
    expectClose(result.t, expected.t, 1e-9);
    expectClose(result.degreesOfFreedom, expected.degreesOfFreedom, 1e-9);
    // The interval rests on @stdlib's t quantile, which agrees with scipy.stats.t.ppf to about
    // 4e-10 relative (measured: df 5 gives 2.5705818356 against 2.5705818366), hence 1e-8 here.
    expectClose(result.low, expected.low, 1e-8);
    expectClose(result.high, expected.high, 1e-8);
    expectRelativelyClose(result.p, expected.p, 1e-9, "p");
    if (expected.p > 0) expect(result.p).toBeGreaterThan(0);
    expectClose(result.hedgesG, expected.hedgesG as number, 1e-9);
  });
});

describe("welchGapTest on bad input", () => {
  it("returns too-few-values when a group has one score, naming the group and its count", () => {
    const error = catchSymError(() => welchGapTest(summarise([40]), summarise([10, 20, 30])), "too-few-values");
    expect(error.message).toMatch(/employee/);
    expect(error.message).toMatch(/\b1\b/);
  });

  it("returns too-few-values when the customer group is empty", () => {
    const error = catchSymError(() => welchGapTest(summarise([40, 50]), summarise([])), "too-few-values");
    expect(error.message).toMatch(/customer/);
    expect(error.message).toMatch(/\b0\b/);
  });

  it("returns zero-variance when both groups are constant, naming both scores", () => {
    const error = catchSymError(() => welchGapTest(summarise([50, 50, 50]), summarise([25, 25])), "zero-variance");
    expect(error.message).toContain("50");
    expect(error.message).toContain("25");
  });

  it.each([0, 1, 95, -0.5, Number.NaN])("returns invalid-argument for a confidence of %p", (confidence) => {
    const withConfidence = catchSymError(() => welchGapTest(summarise([1, 2]), summarise([3, 5]), confidence), "invalid-argument");
    expect(withConfidence.message).toContain(String(confidence));
  });
});
