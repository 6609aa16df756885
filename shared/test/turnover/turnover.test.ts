/**
 * Turnover rate and cost against shared/test/reference/symmetry-turnover.json, written by
 * shared/test/reference/make_reference.py (leavers / average headcount; numpy.prod of leavers,
 * salary and replacement-cost ratio, docs/domain.md#turnover).
 */
import { COST_RATIO_PRESETS, DEFAULT_COST_RATIO, turnoverCost, turnoverRate } from "@symmetry/engine";
import { catchSymError, expectClose, loadReference } from "../support/reference";

interface TurnoverCase {
  leavers: number;
  averageHeadcount: number;
  annualSalary: number;
  costRatio: number;
  expected: { rate: number; cost: number };
}
const reference = loadReference<{ turnover: TurnoverCase[] }>("symmetry-turnover.json");

describe("turnover against the reference script", () => {
  it.each(reference.turnover.map((c) => [c.leavers, c.averageHeadcount, c] as const))(
    "matches for %p leavers over %p people",
    (_l, _h, fixture) => {
      expectClose(turnoverRate(fixture.leavers, fixture.averageHeadcount), fixture.expected.rate, 1e-12);
      expectClose(turnoverCost(fixture.leavers, fixture.annualSalary, fixture.costRatio), fixture.expected.cost, 1e-12);
    },
  );

  it("offers the 21 %, 50 % and 150 % presets and defaults to 21 % (Boushey & Glynn 2012)", () => {
    expect(COST_RATIO_PRESETS.map((preset) => preset.ratio)).toEqual([0.21, 0.5, 1.5]);
    expect(DEFAULT_COST_RATIO).toBe(0.21);
    expectClose(turnoverCost(10, 30000), 63000, 1e-12);
  });
});

describe("turnover on bad input", () => {
  it("returns invalid-argument for negative leavers, naming them", () => {
    expect(catchSymError(() => turnoverRate(-2, 10), "invalid-argument").message).toContain("-2");
  });
  it("returns zero-variance (a division by zero) for an average headcount of zero, naming it", () => {
    expect(catchSymError(() => turnoverRate(2, 0), "zero-variance").message).toContain("got 0");
  });
  it("returns invalid-argument for a negative average headcount, naming it", () => {
    expect(catchSymError(() => turnoverRate(2, -4), "invalid-argument").message).toContain("-4");
  });
  it("returns invalid-argument for a negative salary or cost ratio, naming it", () => {
    expect(catchSymError(() => turnoverCost(2, -1000), "invalid-argument").message).toContain("-1000");
    expect(catchSymError(() => turnoverCost(2, 1000, -0.5), "invalid-argument").message).toContain("-0.5");
  });
});
