/**
 * Confidentiality (docs/domain.md#confidentiality): no figure about fewer than the threshold (default 5), and a hidden
 * group cannot be recovered from the total and its visible siblings. Examples in plain words, then
 * the guarantees as fast-check properties over random group sizes and thresholds.
 */
import fc from "fast-check";
import { DEFAULT_MIN_GROUP_SIZE, isShowable, suppressGroups, type GroupCount } from "@symmetry/engine";
import { catchSymError } from "../support/reference";

const groups = (...sizes: number[]): GroupCount[] => sizes.map((n, index) => ({ group: String.fromCharCode(65 + index), n }));
const hiddenNames = (list: GroupCount[], threshold?: number) =>
  suppressGroups(list, threshold)
    .filter((decision) => decision.suppressed)
    .map((decision) => decision.group);

describe("suppressGroups", () => {
  it("uses 5 as the default threshold", () => {
    expect(DEFAULT_MIN_GROUP_SIZE).toBe(5);
    expect(isShowable(5)).toBe(true);
    expect(isShowable(4)).toBe(false);
  });

  it("shows every group when all reach the threshold", () => {
    expect(hiddenNames(groups(5, 8, 20))).toEqual([]);
  });

  it("hides a small group and its smallest sibling so subtraction from the total fails", () => {
    const decisions = suppressGroups(groups(3, 8, 20));
    expect(decisions.map((d) => [d.group, d.suppressed, d.reason])).toEqual([
      ["A", true, "below-threshold"],
      ["B", true, "complementary"],
      ["C", false, undefined],
    ]);
  });

  it("needs no cover when two small groups already hold the threshold together", () => {
    expect(hiddenNames(groups(2, 3, 40))).toEqual(["A", "B"]);
  });

  it("adds cover when two small groups together still hold fewer than the threshold", () => {
    expect(hiddenNames(groups(1, 2, 6, 40))).toEqual(["A", "B", "C"]);
  });

  it("hides everything when the only other group is the one to protect", () => {
    expect(hiddenNames(groups(4, 30))).toEqual(["A", "B"]);
    expect(hiddenNames(groups(4))).toEqual(["A"]);
  });

  it("hides a group of nobody without hiding a sibling for it", () => {
    expect(hiddenNames(groups(0, 8, 20))).toEqual(["A"]);
    expect(hiddenNames(groups(0, 3, 8, 20))).toEqual(["A", "B", "C"]);
  });

  it("returns invalid-argument for a threshold that is not a whole number of 1 or more, naming it", () => {
    for (const threshold of [0, 2.5, -1]) {
      expect(catchSymError(() => suppressGroups(groups(3, 8), threshold), "invalid-argument").message).toContain(String(threshold));
    }
  });

  it("returns invalid-argument for a negative group size, naming the group", () => {
    const error = catchSymError(() => suppressGroups(groups(3, -8)), "invalid-argument");
    expect(error.message).toContain("-8");
    expect(error.message).toContain('"B"');
  });
});

describe("suppressGroups never leaks a group under the threshold (fast-check)", () => {
  const sizes = fc.array(fc.integer({ min: 0, max: 40 }), { maxLength: 12 });
  const threshold = fc.integer({ min: 1, max: 12 });

  it("shows no group under the threshold", () => {
    fc.assert(
      fc.property(sizes, threshold, (list, min) => {
        for (const decision of suppressGroups(groups(...list), min)) {
          if (!decision.suppressed) expect(decision.n).toBeGreaterThanOrEqual(min);
        }
      }),
    );
  });

  it("hides either every group with people, or two or more groups holding at least the threshold together", () => {
    fc.assert(
      fc.property(sizes, threshold, (list, min) => {
        const decisions = suppressGroups(groups(...list), min);
        const hidden = decisions.filter((d) => d.suppressed && d.n > 0);
        const withPeople = decisions.filter((d) => d.n > 0);
        if (hidden.length === 0 || hidden.length === withPeople.length) return;
        expect(hidden.length).toBeGreaterThanOrEqual(2);
        expect(hidden.reduce((sum, d) => sum + d.n, 0)).toBeGreaterThanOrEqual(min);
      }),
    );
  });

  it("hides a group at or above the threshold only as complementary cover", () => {
    fc.assert(
      fc.property(sizes, threshold, (list, min) => {
        for (const decision of suppressGroups(groups(...list), min)) {
          if (decision.suppressed) expect(decision.reason).toBe(decision.n < min ? "below-threshold" : "complementary");
        }
      }),
    );
  });

  it("does not depend on the order of the groups for the small ones", () => {
    fc.assert(
      fc.property(sizes, threshold, (list, min) => {
        const forward = new Set(hiddenNames(groups(...list), min));
        const named = groups(...list);
        const backward = suppressGroups([...named].reverse(), min);
        for (const decision of backward) if (decision.n < min) expect(forward.has(decision.group) && decision.suppressed).toBe(true);
      }),
    );
  });
});
