/**
 * Linkage work limits (shared/src/linkage/limits.ts): each limit is refused one past its value with
 * a `limit-exceeded` error naming the request field and the limit, and accepted at its value.
 */
import { checkLinkageLimits, DEFAULT_LINKAGE_LIMITS, planLinkage, runLinkage, type LinkageSize } from "@symmetry/engine";
import { catchSymError } from "./support";

const metrics = (prefix: string, count: number) => Array.from({ length: count }, (_, index) => `${prefix}${index}`);
const units = (count: number) => new Array<unknown>(count).fill({});

function refusal(request: LinkageSize, limits = DEFAULT_LINKAGE_LIMITS) {
  const error = catchSymError(() => checkLinkageLimits(request, limits), "limit-exceeded");
  return { field: error.details.field, limit: error.details.limit, value: error.details.value, message: error.message };
}

describe("checkLinkageLimits", () => {
  it("refuses more than 20,000 unit rows and accepts 20,000", () => {
    expect(refusal({ units: units(20_001), x: ["a"], y: ["b"] })).toMatchObject({ field: "units", limit: 20_000, value: 20_001 });
    expect(() => checkLinkageLimits({ units: units(20_000), x: ["a"], y: ["b"] })).not.toThrow();
  });

  it("counts pairs as x × y × methods: 16 × 16 × 2 = 512 passes, 16 × 17 × 2 = 544 does not", () => {
    expect(() =>
      checkLinkageLimits({ units: units(50), x: metrics("x", 16), y: metrics("y", 16), methods: ["pearson", "spearman"], bootstrap: 0 }),
    ).not.toThrow();
    const refused = refusal({ units: units(50), x: metrics("x", 16), y: metrics("y", 17), methods: ["pearson", "spearman"], bootstrap: 0 });
    expect(refused).toMatchObject({ field: "x", limit: 512, value: 544 });
    expect(refused.message).toContain("512");
  });

  it("refuses B over 100,000", () => {
    expect(refusal({ units: units(50), x: ["a"], y: ["b"], bootstrap: 100_001 })).toMatchObject({ field: "bootstrap", limit: 100_000 });
  });

  it("caps the bootstrap work pairs × B, by default at 256 pairs × 100,000", () => {
    expect(() => checkLinkageLimits({ units: units(50), x: metrics("x", 16), y: metrics("y", 16), bootstrap: 100_000 })).not.toThrow();
    const refused = refusal({
      units: units(50),
      x: metrics("x", 16),
      y: metrics("y", 16),
      methods: ["pearson", "spearman"],
      bootstrap: 100_000,
    });
    expect(refused).toMatchObject({ field: "bootstrap", limit: 25_600_000, value: 51_200_000 });
    const lowered = refusal(
      { units: units(50), x: ["a"], y: ["b"], bootstrap: 1_001 },
      { ...DEFAULT_LINKAGE_LIMITS, maxBootstrapWork: 1_000 },
    );
    expect(lowered).toMatchObject({ field: "bootstrap", limit: 1_000, value: 1_001 });
  });

  it("caps key-driver predictors and their work predictors × y × B", () => {
    const many = metrics("x", 33);
    expect(refusal({ units: units(50), x: ["a"], y: ["b"], bootstrap: 10, drivers: { predictors: many } })).toMatchObject({
      field: "drivers.predictors",
      limit: 32,
      value: 33,
    });
    // predictors default to x: 10 × 3 × 70,000 = 2.1 million
    expect(refusal({ units: units(50), x: metrics("x", 10), y: metrics("y", 3), bootstrap: 70_000, drivers: {} })).toMatchObject({
      field: "drivers",
      limit: 2_000_000,
      value: 2_100_000,
    });
    expect(() =>
      checkLinkageLimits({ units: units(50), x: metrics("x", 10), y: metrics("y", 2), bootstrap: 100_000, drivers: {} }),
    ).not.toThrow();
  });

  it("applies the schema's defaults: B = 1,000 and one method when absent", () => {
    // 30 × 30 = 900 pairs with one default method: over 512 pairs.
    expect(refusal({ units: units(50), x: metrics("x", 30), y: metrics("y", 30) })).toMatchObject({ field: "x", value: 900 });
  });
});

describe("planLinkage and runLinkage check the limits before any work", () => {
  it("refuses a 40 KB request with many metrics at once, naming the limit", () => {
    const x = metrics("employee_metric_", 120);
    const y = metrics("customer_metric_", 120);
    const rows = Array.from({ length: 30 }, (_, index) => ({
      unit: `U${index}`,
      employeesN: 10,
      metrics: Object.fromEntries([...x, ...y].map((name, position) => [name, (index * 7 + position) % 13])),
    }));
    const started = Date.now();
    const error = catchSymError(() => runLinkage({ units: rows, x, y, bootstrap: 100_000 }), "limit-exceeded");
    expect(error.details).toMatchObject({ field: "x", limit: 512 });
    expect(Date.now() - started).toBeLessThan(5_000);
  });

  it("lets a caller pass other limits", () => {
    const rows = Array.from({ length: 8 }, (_, index) => ({
      unit: `U${index}`,
      employeesN: 10,
      metrics: { a: index, b: (index * 3) % 5 },
    }));
    expect(() => planLinkage({ units: rows, x: ["a"], y: ["b"], bootstrap: 10 }, { ...DEFAULT_LINKAGE_LIMITS, maxUnits: 7 })).toThrow(
      /over the limit of 7/,
    );
    expect(planLinkage({ units: rows, x: ["a"], y: ["b"], bootstrap: 10 }).pairs).toHaveLength(1);
  });
});
