/**
 * Symmetry index against shared/test/reference/symmetry-turnover.json, written by
 * shared/test/reference/make_reference.py: 100 − numpy.average(abs(gaps), weights=weights).
 */
import { symmetryIndex } from "@symmetry/engine";
import { catchSymError, expectClose, loadReference } from "../support/reference";

const reference = loadReference<{ symmetryIndex: { name: string; gaps: number[]; weights: number[] | null; expected: number }[] }>(
  "symmetry-turnover.json",
);

describe("symmetryIndex against numpy.average", () => {
  it.each(reference.symmetryIndex.map((c) => [c.name, c] as const))("matches for %s", (_name, fixture) => {
    expectClose(symmetryIndex(fixture.gaps, fixture.weights ?? undefined), fixture.expected, 1e-12);
  });
});

describe("symmetryIndex on bad input", () => {
  it("returns too-few-values without gaps", () => {
    catchSymError(() => symmetryIndex([]), "too-few-values");
  });
  it("returns shape-mismatch when weights do not pair with gaps, naming both counts", () => {
    const error = catchSymError(() => symmetryIndex([1, 2], [1]), "shape-mismatch");
    expect(error.message).toContain("1 weights for 2 gaps");
  });
  it("returns invalid-argument for a gap beyond 100 points, naming it and its position", () => {
    const error = catchSymError(() => symmetryIndex([3, 120]), "invalid-argument");
    expect(error.message).toContain("120");
    expect(error.message).toContain("position 2");
  });
  it("returns invalid-argument for a negative weight, naming it and its position", () => {
    const error = catchSymError(() => symmetryIndex([3, 4], [1, -2]), "invalid-argument");
    expect(error.message).toContain("-2");
    expect(error.message).toContain("position 2");
  });
  it("returns invalid-argument when every weight is zero", () => {
    catchSymError(() => symmetryIndex([3, 4], [0, 0]), "invalid-argument");
  });
});
