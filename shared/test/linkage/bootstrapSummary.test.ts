/**
 * Bootstrap summaries (shared/src/linkage/bootstrapSummary.ts): summaries of any split of the
 * replicates, merged in any order, give exactly the interval `percentileInterval` (type 7, checked
 * against numpy in statistics.test.ts) gives on all replicates, while keeping at most 2 × tail
 * values per series.
 */
import fc from "fast-check";
import {
  bootstrapTailSize,
  mergeSeriesSummaries,
  percentileInterval,
  summariseSeries,
  summaryInterval,
  type SeriesSummary,
} from "@symmetry/engine";

describe("bootstrap summaries", () => {
  it("keep ⌊(B−1)(1−c)/2⌋ + 3 order statistics at each end", () => {
    expect(bootstrapTailSize(100_000, 0.95)).toBe(2502);
    expect(bootstrapTailSize(10, 0.95)).toBe(3);
    expect(bootstrapTailSize(2, 0.5)).toBe(2);
    expect(bootstrapTailSize(0, 0.95)).toBe(0);
  });

  it("merged in any order, give the same interval as every replicate (fast-check, fixed seed)", () => {
    fc.assert(
      fc.property(
        fc.array(
          fc.oneof(
            fc.double({ min: -1, max: 1, noNaN: true }),
            fc.constant(Number.NaN),
            fc.integer({ min: -3, max: 3 }).map((value) => value / 4),
          ),
          { minLength: 1, maxLength: 400 },
        ),
        fc.array(fc.integer({ min: 1, max: 60 }), { minLength: 1, maxLength: 20 }),
        fc.constantFrom(0.5, 0.8, 0.9, 0.95, 0.99),
        fc.integer({ min: 0, max: 1000 }),
        (values, cuts, confidence, shuffleSeed) => {
          const tail = bootstrapTailSize(values.length, confidence);
          const parts: number[][] = [];
          let start = 0;
          for (let index = 0; start < values.length; index++) {
            const size = cuts[index % cuts.length];
            parts.push(values.slice(start, start + size));
            start += size;
          }
          // a deterministic shuffle of the parts
          const order = parts.map((_, index) => index).sort((a, b) => ((a * 7919 + shuffleSeed) % 101) - ((b * 7919 + shuffleSeed) % 101));
          let merged: SeriesSummary = { count: 0, smallest: [], largest: [] };
          for (const index of order) {
            merged = mergeSeriesSummaries(merged, summariseSeries(parts[index], tail), tail);
            expect(merged.smallest.length + merged.largest.length).toBeLessThanOrEqual(2 * tail);
          }
          const expected = percentileInterval(values, confidence);
          const got = summaryInterval(merged, confidence);
          // Equal numbers (−0 and +0 alike, as JSON prints them), or both undefined when no replicate is finite.
          const same = (a: number, b: number) => a === b || (Number.isNaN(a) && Number.isNaN(b));
          expect([got.low, same(got.low, expected.low)]).toEqual([got.low, true]);
          expect([got.high, same(got.high, expected.high)]).toEqual([got.high, true]);
        },
      ),
      { seed: 20261129, numRuns: 300 },
    );
  });

  it("refuses to read a rank the summary did not keep", () => {
    const summary = summariseSeries(
      Array.from({ length: 1000 }, (_, index) => index),
      3,
    );
    expect(() => summaryInterval(summary, 0.5)).toThrow(/not kept by this summary/);
  });
});
