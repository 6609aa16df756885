/**
 * Priorities: need × impact with alerts first (docs/domain.md#priorities), hand-checked;
 * impacts from drivers across units only with 25 units or more.
 */
import { rankPriorities, unitDriverShares, type GroupAggregate } from "@symmetry/engine";

function unit(scores: number[], enpsPromoters: number): GroupAggregate {
  return {
    n: 20,
    recommendation: { promoters: enpsPromoters, passives: 20 - enpsPromoters - 2, detractors: 2 },
    dimensions: Object.fromEntries(scores.map((mean, index) => [`d${index}`, { n: 20, mean, squaredDeviations: 100 }])),
  };
}

describe("rankPriorities", () => {
  it("ranks alerts first, then by |gap| × impact, and leaves out dimensions without a gap", () => {
    const drivers = { source: "units" as const, shares: { a: 0.1, b: 0.6, c: 0.3, d: 0 }, units: 30, rSquared: 0.5 };
    const ranked = rankPriorities(
      [
        { id: "a", label: "A", gap: -20, status: "alert", employeeScore: 50 }, // 2
        { id: "b", label: "B", gap: 8, status: "ok", employeeScore: 70 }, // 4.8
        { id: "c", label: "C", gap: 12, status: "watch", employeeScore: 60 }, // 3.6
        { id: "d", label: "D", gap: null, status: "suppressed", employeeScore: null },
      ],
      drivers,
    );
    expect(ranked.map((entry) => [entry.rank, entry.id])).toEqual([
      [1, "a"],
      [2, "b"],
      [3, "c"],
    ]);
    expect(ranked[1].priority).toBeCloseTo(4.8, 12);
  });

  it("takes the distance to a benchmark as the need when it is larger than the gap", () => {
    const equal = { source: "equal" as const, shares: { a: 0.5, b: 0.5 }, units: 0, rSquared: null };
    const ranked = rankPriorities(
      [
        { id: "a", label: "A", gap: 5, status: "ok", employeeScore: 40 },
        { id: "b", label: "B", gap: 9, status: "ok", employeeScore: 80 },
      ],
      equal,
      { a: 60, b: 70 },
    );
    expect(ranked.map((entry) => [entry.id, entry.need])).toEqual([
      ["a", 20],
      ["b", 9],
    ]);
  });
});

describe("unitDriverShares", () => {
  it("gives every dimension 1/k under 25 units", () => {
    const units = Object.fromEntries(
      Array.from({ length: 24 }, (_, index) => [`u${index}`, unit([50 + index, 60 - index, 40 + ((index * 7) % 11)], 5 + (index % 10))]),
    );
    const shares = unitDriverShares(units, ["d0", "d1", "d2"], 5);
    expect(shares.source).toBe("equal");
    expect(Object.values(shares.shares)).toEqual([1 / 3, 1 / 3, 1 / 3]);
  });

  it("with 30 units, gives the dimension that drives unit eNPS the largest share, shares summing to 1", () => {
    const units = Object.fromEntries(
      Array.from({ length: 30 }, (_, index) => {
        const driver = 40 + index;
        return [`u${index}`, unit([driver, 50 + ((index * 13) % 17), 45 + ((index * 7) % 11)], Math.min(18, 1 + Math.floor(index / 2)))];
      }),
    );
    const shares = unitDriverShares(units, ["d0", "d1", "d2"], 5);
    expect(shares.source).toBe("units");
    expect(shares.units).toBe(30);
    const values = Object.values(shares.shares);
    expect(values.reduce((sum, value) => sum + value, 0)).toBeCloseTo(1, 12);
    expect(shares.shares.d0).toBeGreaterThan(0.8);
  });

  it("leaves out units under the confidentiality threshold", () => {
    const units = Object.fromEntries(
      Array.from({ length: 30 }, (_, index) => [
        `u${index}`,
        { ...unit([40 + index, 50, 45 + (index % 3)], 10), n: 4, recommendation: { promoters: 2, passives: 1, detractors: 1 } },
      ]),
    );
    expect(unitDriverShares(units, ["d0", "d1", "d2"], 5).source).toBe("equal");
  });
});
