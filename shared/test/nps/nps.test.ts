/**
 * NPS / eNPS against shared/test/reference/nps.json, written by
 * shared/test/reference/make_reference.py: NPS = 100·(P−D)/n and its SE with numpy (variance of
 * the +1/0/−1 respondent scores), the adjusted-Wald interval of Rocks (2016) as docs/domain.md#nps-interval states it
 * with z from scipy.stats.norm.ppf, clipped to [−100, 100], and the two-NPS z test with p from
 * scipy.stats.norm.sf.
 */
import {
  countRecommendations,
  countTotal,
  netPromoterScore,
  npsDifference,
  npsInterval,
  npsStandardError,
  type RecommendationCounts,
} from "@symmetry/engine";
import { catchSymError, expectClose, expectRelativelyClose, loadReference } from "../support/reference";

interface IntervalCase {
  name: string;
  counts: RecommendationCounts;
  confidence: number;
  expected: { value: number; standardError: number; low: number; high: number; unclippedHigh: number; unclippedLow: number; n: number };
}
interface DifferenceCase {
  name: string;
  first: RecommendationCounts;
  second: RecommendationCounts;
  expected: { difference: number; z: number; p: number };
}

const reference = loadReference<{
  rawAnswers: { answers: number[]; counts: RecommendationCounts };
  intervals: IntervalCase[];
  differences: DifferenceCase[];
}>("nps.json");

describe("npsInterval against the adjusted Wald of Rocks (2016) computed with numpy/scipy", () => {
  it.each(reference.intervals.map((c) => [c.name, c] as const))("matches for %s", (_name, fixture) => {
    const result = npsInterval(fixture.counts, fixture.confidence);
    expectClose(result.value, fixture.expected.value, 1e-12);
    expectClose(result.low, fixture.expected.low, 1e-9);
    expectClose(result.high, fixture.expected.high, 1e-9);
    expect(result.n).toBe(fixture.expected.n);
    expectClose(npsStandardError(fixture.counts), fixture.expected.standardError, 1e-12);
    expectClose(netPromoterScore(fixture.counts), fixture.expected.value, 1e-12);
  });

  it("clips the interval to 100 when the adjusted Wald would pass it", () => {
    const clipped = reference.intervals.find((c) => c.expected.unclippedHigh > 100);
    expect(clipped).toBeDefined();
    expect(npsInterval(clipped!.counts, clipped!.confidence).high).toBe(100);
  });

  it("keeps the plain NPS inside its interval from two answers on (checked by brute force up to n = 79 in Python)", () => {
    for (const fixture of reference.intervals.filter((c) => c.expected.n >= 2)) {
      const result = npsInterval(fixture.counts, fixture.confidence);
      expect(result.low).toBeLessThanOrEqual(result.value);
      expect(result.high).toBeGreaterThanOrEqual(result.value);
    }
  });

  it("leaves a single answer's NPS outside its adjusted interval, as the formula implies", () => {
    const single = npsInterval({ promoters: 1, passives: 0, detractors: 0 });
    expect(single.value).toBe(100);
    expect(single.high).toBeLessThan(100);
  });

  it("counts promoters 9–10, passives 7–8 and detractors 0–6 as the reference does", () => {
    expect(countRecommendations(reference.rawAnswers.answers)).toEqual(reference.rawAnswers.counts);
    expect(countRecommendations([0, 6, 7, 8, 9, 10, Number.NaN])).toEqual({ promoters: 2, passives: 2, detractors: 2 });
  });
});

describe("npsDifference against the two-NPS z test computed with numpy/scipy", () => {
  it.each(reference.differences.map((c) => [c.name, c] as const))("matches for %s", (_name, fixture) => {
    const result = npsDifference(fixture.first, fixture.second);
    expectClose(result.difference, fixture.expected.difference, 1e-12);
    expectClose(result.z, fixture.expected.z, 1e-12);
    expectRelativelyClose(result.p, fixture.expected.p, 1e-9);
  });

  it("is antisymmetric: swapping the groups negates z and keeps p", () => {
    for (const fixture of reference.differences) {
      const forward = npsDifference(fixture.first, fixture.second);
      const backward = npsDifference(fixture.second, fixture.first);
      expect(backward.z).toBeCloseTo(-forward.z, 12);
      expect(backward.p).toBeCloseTo(forward.p, 12);
    }
  });
});

describe("NPS on bad input", () => {
  const none = { promoters: 0, passives: 0, detractors: 0 };

  it("returns too-few-values when there is no answer", () => {
    expect(countTotal(none)).toBe(0);
    const error = catchSymError(() => netPromoterScore(none), "too-few-values");
    expect(error.message).toMatch(/got 0/);
    catchSymError(() => npsInterval(none), "too-few-values");
    catchSymError(() => npsStandardError(none), "too-few-values");
    catchSymError(() => npsDifference(none, { promoters: 3, passives: 1, detractors: 1 }), "too-few-values");
  });

  it.each([0, 1, 1.5, 95, -0.1])("returns invalid-argument for a confidence of %p", (confidence) => {
    const error = catchSymError(() => npsInterval({ promoters: 3, passives: 2, detractors: 1 }, confidence), "invalid-argument");
    expect(error.message).toContain(String(confidence));
  });

  it.each([
    [11, 1],
    [-1, 2],
    [7.5, 3],
    [Number.POSITIVE_INFINITY, 1],
  ])("returns not-recommendation for the answer %p at position %p", (answer, position) => {
    const answers = [9, 8, 7].slice(0, position - 1).concat([answer]);
    const error = catchSymError(() => countRecommendations(answers), "not-recommendation");
    expect(error.message).toContain(String(answer));
    expect(error.message).toContain(`position ${position}`);
    expect(error.details.row).toBe(position);
  });

  it("returns invalid-argument for negative or fractional counts, naming the count", () => {
    const error = catchSymError(() => netPromoterScore({ promoters: -1, passives: 2, detractors: 3 }), "invalid-argument");
    expect(error.message).toContain("-1");
    const fractional = catchSymError(() => npsInterval({ promoters: 2.5, passives: 2, detractors: 3 }), "invalid-argument");
    expect(fractional.message).toContain("2.5");
  });
});
