/** Alert / watch / ok verdicts exactly as docs/domain.md#gap-status defines them (thresholds 10 points, α 0.05). */
import { gapStatus } from "@symmetry/engine";
import { catchSymError } from "../support/reference";

describe("gapStatus", () => {
  it.each([
    [12, 0.01, "alert"],
    [-12, 0.01, "alert"],
    [10, 0.049, "alert"],
    [12, 0.05, "watch"],
    [-30, 0.2, "watch"],
    [9.99, 0.0001, "ok"],
    [0, 1, "ok"],
  ] as const)("rates a gap of %p with p %p as %p", (gap, p, verdict) => {
    expect(gapStatus(gap, p)).toBe(verdict);
  });

  it("rates a large gap whose p is undefined (constant scores) as watch, never alert", () => {
    expect(gapStatus(25, Number.NaN)).toBe("watch");
    expect(gapStatus(25, null)).toBe("watch");
    expect(gapStatus(25, undefined)).toBe("watch");
    expect(gapStatus(5, null)).toBe("ok");
  });

  it("uses the thresholds it is given", () => {
    expect(gapStatus(6, 0.01, 5, 0.05)).toBe("alert");
    expect(gapStatus(6, 0.03, 5, 0.01)).toBe("watch");
  });

  it("returns invalid-argument for a negative threshold or an alpha outside (0, 1), naming it", () => {
    expect(catchSymError(() => gapStatus(5, 0.1, -1), "invalid-argument").message).toContain("-1");
    expect(catchSymError(() => gapStatus(5, 0.1, 10, 5), "invalid-argument").message).toContain("5");
  });

  it("returns invalid-argument for a gap that is not a number", () => {
    expect(catchSymError(() => gapStatus(Number.NaN, 0.1), "invalid-argument").message).toContain("NaN");
  });
});
