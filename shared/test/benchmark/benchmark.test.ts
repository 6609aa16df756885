import {
  BenchmarkContributionSchema,
  checkContribution,
  isSymError,
  latestContributions,
  percentileRank,
  percentileRanks,
  summarisePool,
  type BenchmarkContribution,
  type BenchmarkSummary,
  type PooledContribution,
} from "@symmetry/engine";
import reference from "./reference/benchmark.json";

/** Expected values: the published-percentile rule and numpy.interp, in numpy (reference/make_reference.py). */
type Organisation = (typeof reference.pool.organisations)[number];

function contributionOf(organisation: Organisation, index: number): PooledContribution {
  const dimensions: Record<string, number> = { culture: organisation.culture, recognition: organisation.recognition };
  if (organisation.tools !== null) dimensions.tools = organisation.tools;
  return {
    organisation: `org-${index}`,
    sector: "retail",
    wave: "2025",
    n: 40,
    dimensions,
    enps: organisation.enps,
    nps: organisation.nps,
  };
}

const pool = reference.pool.organisations.map(contributionOf);

function expectPercentiles(actual: unknown, expected: Record<string, number>): void {
  // Whole points: equal, not close.
  expect(actual).toEqual(expected);
}

describe("benchmark pool summary", () => {
  it("publishes the 10th to 90th percentiles as rounded means of 5 neighbours for each dimension, eNPS and NPS", () => {
    const summary = summarisePool(pool) as BenchmarkSummary;
    expect(summary.organisations).toBe(12);
    expectPercentiles(summary.dimensions.culture, reference.pool.expected.culture);
    expectPercentiles(summary.dimensions.recognition, reference.pool.expected.recognition);
    expectPercentiles(summary.enps, reference.pool.expected.enps);
    expectPercentiles(summary.nps, reference.pool.expected.nps);
  });

  it("leaves out a dimension given by fewer than 10 organisations and returns no organisation's row", () => {
    const summary = summarisePool(pool) as BenchmarkSummary;
    expect(Object.keys(summary.dimensions)).toEqual(["culture", "recognition"]);
    expect(JSON.stringify(summary)).not.toContain("org-");
  });

  it("publishes no figure, and no count, under 10 organisations", () => {
    expect(summarisePool(pool.slice(0, 9))).toBeNull();
    expect(summarisePool(pool.slice(0, 9), 5)).not.toBeNull();
    expect(summarisePool(pool.slice(0, 4), 1)).toBeNull(); // never under the window of 5
    expect(summarisePool(pool.slice(0, 10))?.organisations).toBe(10);
  });

  it("publishes no single organisation's score, even where the pool is made of equal scores but one", () => {
    // Ten organisations at 60 and one at 90: the top one's score moves p90 by (90 − 60) / 5 only.
    const lopsided = [...Array.from({ length: 10 }, (_, index) => ({ ...pool[0], organisation: `o${index}` })), pool[1]].map(
      (row, index) => ({ ...row, dimensions: { culture: index === 10 ? 90 : 60 } }),
    );
    const culture = (summarisePool(lopsided) as BenchmarkSummary).dimensions.culture;
    expect(culture).toEqual({ organisations: 11, p10: 60, p25: 60, p50: 60, p75: 66, p90: 66 });
  });

  it("counts each organisation once, at its latest wave, unless a wave is asked for", () => {
    const rows: PooledContribution[] = [
      { ...pool[0], wave: "2024" },
      { ...pool[0], wave: "2025", n: 41 },
      { ...pool[1], wave: "2023-S2" },
      { ...pool[1], wave: "2023-S10" },
    ];
    const latest = latestContributions(rows);
    expect(latest.map((row) => `${row.organisation}@${row.wave}`).sort()).toEqual(["org-0@2025", "org-1@2023-S10"]);
    expect(latestContributions(rows, "2024").map((row) => row.organisation)).toEqual(["org-0"]);
  });
});

describe("percentileRank", () => {
  const percentiles = reference.ranks.percentiles;

  it.each(reference.ranks.cases)("ranks $value as numpy.interp does ($rank)", ({ value, rank }) => {
    expect(percentileRank(value, percentiles).rank).toBeCloseTo(rank, 10);
  });

  it("says whether a value is below the 10th or above the 90th percentile", () => {
    expect(percentileRank(percentiles.p10 - 1, percentiles)).toEqual({ rank: 10, position: "below" });
    expect(percentileRank(percentiles.p90 + 0.01, percentiles)).toEqual({ rank: 90, position: "above" });
    expect(percentileRank(percentiles.p50, percentiles)).toEqual({ rank: 50, position: "within" });
  });

  it("takes the middle of a flat stretch of equal percentiles", () => {
    expect(percentileRank(60, { p10: 60, p25: 60, p50: 60, p75: 60, p90: 60 }).rank).toBe(50);
    expect(percentileRank(50, { p10: 40, p25: 50, p50: 50, p75: 50, p90: 80 }).rank).toBe(50);
    expect(percentileRank(40, { p10: 40, p25: 40, p50: 50, p75: 70, p90: 80 }).rank).toBe(17.5);
  });

  it("refuses decreasing percentiles and non-finite values with a message naming them", () => {
    expect(() => percentileRank(50, { p10: 40, p25: 60, p50: 55, p75: 70, p90: 80 })).toThrow("p25 = 60 > p50 = 55");
    expect(() => percentileRank(Number.NaN, { p10: 40, p25: 50, p50: 55, p75: 70, p90: 80 })).toThrow("finite value, got NaN");
  });

  it("ranks an organisation per dimension, eNPS and NPS, skipping what the pool does not publish", () => {
    const summary = summarisePool(pool) as BenchmarkSummary;
    const ranks = percentileRanks(
      { dimensions: { culture: percentiles.p50, tools: 70, recognition: null }, enps: null, nps: 100 },
      summary,
    );
    expect(ranks).toEqual({ dimensions: { culture: { rank: 50, position: "within" } }, enps: null, nps: { rank: 90, position: "above" } });
  });
});

describe("benchmark contributions", () => {
  const valid = { sector: "retail", wave: "2025", n: 12, dimensions: { culture: 61.5 }, enps: 10, nps: 20 };

  it("accepts aggregates only: unknown fields, respondent rows and out-of-range figures are refused", () => {
    expect(BenchmarkContributionSchema.parse({ sector: "retail", wave: "2025", n: 12, dimensions: { culture: 61.5 } })).toEqual({
      ...valid,
      enps: null,
      nps: null,
    });
    expect(BenchmarkContributionSchema.safeParse({ ...valid, respondents: [{ culture: 4 }] }).success).toBe(false);
    expect(BenchmarkContributionSchema.safeParse({ ...valid, dimensions: { culture: 101 } }).success).toBe(false);
    expect(BenchmarkContributionSchema.safeParse({ ...valid, enps: -101 }).success).toBe(false);
    expect(BenchmarkContributionSchema.safeParse({ ...valid, dimensions: {} }).success).toBe(false);
    expect(BenchmarkContributionSchema.safeParse({ ...valid, sector: "retail/../x" }).success).toBe(false);
  });

  it("refuses fewer employees than the confidentiality threshold (5, or the model's if higher) and unknown dimensions", () => {
    const parsed: BenchmarkContribution = BenchmarkContributionSchema.parse(valid);
    expect(() => checkContribution({ ...parsed, n: 5 }, { dimensionIds: ["culture"] })).not.toThrow();
    let error: unknown;
    try {
      checkContribution({ ...parsed, n: 4 }, { dimensionIds: ["culture"] });
    } catch (caught) {
      error = caught;
    }
    expect(isSymError(error) && error.code).toBe("below-threshold");
    expect((error as Error).message).toBe("a benchmark contribution requires at least 5 employee respondents, got n = 4");
    expect(() => checkContribution({ ...parsed, n: 9 }, { dimensionIds: ["culture"], minGroupSize: 10 })).toThrow("at least 10");
    expect(() => checkContribution({ ...parsed, n: 9 }, { dimensionIds: ["culture"], minGroupSize: 2 })).not.toThrow();
    expect(() => checkContribution(parsed, { dimensionIds: ["ethics"] })).toThrow('dimension "culture" is not in the model');
  });
});
