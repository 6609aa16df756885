/**
 * The statistics of the linkage engine against independent tools, via
 * shared/test/linkage/reference/linkage.json (make_reference.py next to it):
 * scipy.stats.pearsonr (+ confidence_interval(), the Fisher-z interval) and spearmanr;
 * statsmodels multipletests(method="fdr_bh") for Benjamini–Hochberg (scipy 1.10 has no
 * false_discovery_control); scipy.stats.linregress with t.ppf for the slope interval; a numpy
 * implementation of Johnson (2000) relative weights checked against numpy.linalg.lstsq R², on
 * orthogonal predictors and against the rwa README's printed mtcars example; numpy.percentile
 * (linear); and scipy on numpy.repeat(values, counts) for count-weighted resample statistics.
 */
import fc from "fast-check";
import stdlibMersenneTwister from "@stdlib/random-base-mt19937";
import { MersenneTwister } from "@symmetry/engine/random/mersenneTwister";
import {
  benjaminiHochberg,
  correlationTest,
  drawResampleCounts,
  pearson,
  percentile,
  percentileInterval,
  relativeWeights,
  replicateSeed,
  resampleCorrelation,
  simpleRegression,
  spearman,
} from "@symmetry/engine";
import { catchSymError, expectClose, expectRelativelyClose, loadLinkageReference, type CorrelationCase } from "./support";

const reference = loadLinkageReference();

// @stdlib's t and normal quantiles agree with scipy to ~4e-10 relative (t, small df) and ~1e-15
// (normal); its t CDF to ~1e-12 relative in the tails tested here.
const R_TOLERANCE = 1e-12;
const INTERVAL_TOLERANCE = 1e-12;
const P_TOLERANCE = 1e-9;

// The comparisons below must include a far-tail p (under 1e-30), computed and not rounded to 0;
// a fixture without one is refused rather than trusted.
if (!reference.correlations.cases.some((fixture) => fixture.pearson.p < 1e-30))
  throw new Error("linkage.json has no Pearson case with p < 1e-30");

describe("correlationTest against scipy.stats.pearsonr / spearmanr", () => {
  const cases = reference.correlations.cases.flatMap((fixture) =>
    (["pearson", "spearman"] as const).map((method): [string, "pearson" | "spearman", CorrelationCase] => [
      `${method}, ${fixture.name}`,
      method,
      fixture,
    ]),
  );
  it.each(cases)("matches %s", (_name, method, fixture) => {
    const expected = fixture[method];
    const result = correlationTest(fixture.x, fixture.y, method, fixture.confidence);
    expectClose(result.r, expected.r, R_TOLERANCE, "r");
    expectClose(result.low, expected.low, INTERVAL_TOLERANCE, "low");
    expectClose(result.high, expected.high, INTERVAL_TOLERANCE, "high");
    expectRelativelyClose(result.p, expected.p, P_TOLERANCE, "p");
    if (expected.p > 0) expect(result.p).toBeGreaterThan(0);
    expect(result.n).toBe(expected.n);
  });
});

describe("benjaminiHochberg against statsmodels multipletests(method='fdr_bh')", () => {
  it.each(reference.benjaminiHochberg.cases.map((fixture, index) => [index, fixture] as const))("matches case %d", (_index, fixture) => {
    const q = benjaminiHochberg(fixture.p);
    expect(q).toHaveLength(fixture.q.length);
    q.forEach((value, index) => expectClose(value, fixture.q[index], 1e-14, `q[${index}]`));
  });

  // q ≥ p up to one rounding: p·m/m can land one ulp under p (seen with p ≈ 1.46e-192).
  it("gives q ≥ p (to rounding), q ≤ 1, and q in the same order as p (fast-check)", () => {
    fc.assert(
      fc.property(fc.array(fc.double({ min: 0, max: 1, noNaN: true }), { minLength: 1, maxLength: 40 }), (p) => {
        const q = benjaminiHochberg(p);
        p.forEach((value, index) => {
          expect(q[index]).toBeGreaterThanOrEqual(value * (1 - 1e-15));
          expect(q[index]).toBeLessThanOrEqual(1);
        });
        for (let i = 0; i < p.length; i++) for (let j = 0; j < p.length; j++) if (p[i] < p[j]) expect(q[i]).toBeLessThanOrEqual(q[j]);
      }),
    );
  });
});

describe("simpleRegression against scipy.stats.linregress", () => {
  it.each(reference.regression.cases.map((fixture) => [fixture.name, fixture] as const))("matches %s", (_name, fixture) => {
    const result = simpleRegression(fixture.x, fixture.y, fixture.confidence);
    expectClose(result.slope, fixture.slope, 1e-12, "slope");
    expectClose(result.intercept, fixture.intercept, 1e-12, "intercept");
    expectClose(result.standardError, fixture.standardError, 1e-12, "stderr");
    // The interval uses the t quantile (@stdlib vs scipy.stats.t.ppf: ~4e-10 relative at df 3).
    expectClose(result.low, fixture.low, 1e-9, "low");
    expectClose(result.high, fixture.high, 1e-9, "high");
    expectRelativelyClose(result.p, fixture.p, P_TOLERANCE, "p");
  });

  it("refuses a constant x and fewer than three points", () => {
    expect(catchSymError(() => simpleRegression([2, 2, 2], [1, 2, 3]), "zero-variance").message).toMatch(/constant/);
    expect(catchSymError(() => simpleRegression([1, 2], [1, 2]), "too-few-values").message).toMatch(/three/);
  });
});

describe("relativeWeights against a numpy implementation of Johnson (2000)", () => {
  const cases = reference.relativeWeights.cases;
  it.each(cases.map((fixture) => [fixture.name, fixture] as const))("matches %s", (_name, fixture) => {
    const result = relativeWeights(fixture.predictorCorrelations, fixture.outcomeCorrelations);
    result.weights.forEach((weight, index) => expectClose(weight, fixture.weights[index], 1e-12, fixture.names[index]));
    // The weights sum to the R² of the OLS regression (numpy.linalg.lstsq in the fixture).
    expectClose(result.rSquared, fixture.rSquared, 1e-12, "R²");
  });

  it("equals squared correlations when the predictors are orthogonal", () => {
    const fixture = cases.find((c) => c.squaredCorrelations)!;
    const squared = fixture.squaredCorrelations!;
    const result = relativeWeights(fixture.predictorCorrelations, fixture.outcomeCorrelations);
    result.weights.forEach((weight, index) => expectClose(weight, squared[index], 1e-12));
  });

  it("reproduces the published mtcars example of the rwa README (mpg ~ cyl + disp + hp + gear)", () => {
    const fixture = cases.find((c) => c.published)!;
    const published = fixture.published!;
    const result = relativeWeights(fixture.predictorCorrelations, fixture.outcomeCorrelations);
    // Printed with 7 significant digits: 0.2284797, 0.2221469, 0.2321744, 0.0963886; R² 0.7791896.
    result.weights.forEach((weight, index) => expect(Math.abs(weight - published.weights[index])).toBeLessThan(5e-8));
    expect(Math.abs(result.rSquared - published.rSquared)).toBeLessThan(5e-8);
    result.weights.forEach((weight, index) =>
      expect(Math.abs((100 * weight) / result.rSquared - published.rescaledPercent[index])).toBeLessThan(5e-6),
    );
  });

  it("refuses collinear predictors with a clear error", () => {
    const error = catchSymError(
      () =>
        relativeWeights(
          [
            [1, 1],
            [1, 1],
          ],
          [0.5, 0.5],
        ),
      "zero-variance",
    );
    expect(error.message).toMatch(/collinear/);
  });
});

describe("percentile against numpy.percentile(method='linear')", () => {
  it.each(reference.percentile.cases.map((fixture, index) => [index, fixture] as const))(
    "matches case %d (NaN ignored)",
    (_index, fixture) => {
      const values = fixture.values.map((value: number | null) => (value === null ? Number.NaN : value));
      fixture.probabilities.forEach((probability: number, index: number) =>
        expectClose(percentile(values, probability), fixture.expected[index], 1e-14),
      );
    },
  );

  it("gives the (1−c)/2 and (1+c)/2 percentiles as the interval, and NaN without values", () => {
    const fixture = reference.percentile.cases[0];
    const values = fixture.values.map((value: number | null) => (value === null ? Number.NaN : value));
    const interval = percentileInterval(values, 0.95);
    expectClose(interval.low, fixture.expected[fixture.probabilities.indexOf(0.025)], 1e-14);
    expectClose(interval.high, fixture.expected[fixture.probabilities.indexOf(0.975)], 1e-14);
    expect(percentile([Number.NaN], 0.5)).toBeNaN();
  });
});

describe("count-weighted resample statistics (what each bootstrap replicate computes)", () => {
  const { x, y, replicates } = reference.resample;
  it.each(replicates.map((replicate, index) => [index, replicate] as const))(
    "equal scipy on numpy.repeat(values, counts), replicate %d",
    (_index, replicate) => {
      expectClose(resampleCorrelation(x, y, replicate.counts, "pearson"), replicate.pearson, 1e-12, "pearson");
      expectClose(resampleCorrelation(x, y, replicate.counts, "spearman"), replicate.spearman, 1e-12, "spearman");
    },
  );

  it("equal Pearson and Spearman on the explicit resample of our own generator's counts", () => {
    const counts = new Uint32Array(x.length);
    for (let replicate = 0; replicate < 50; replicate++) {
      drawResampleCounts(11, replicate, counts);
      const resampledX = x.flatMap((value: number, index: number) => new Array(counts[index]).fill(value));
      const resampledY = y.flatMap((value: number, index: number) => new Array(counts[index]).fill(value));
      expectClose(resampleCorrelation(x, y, counts, "pearson"), pearson(resampledX, resampledY), 1e-12);
      expectClose(resampleCorrelation(x, y, counts, "spearman"), spearman(resampledX, resampledY), 1e-12);
    }
  });

  it("is NaN, not rounding noise, when the drawn units share one value", () => {
    const counts = [0, 3, 0, 0, 2];
    expect(resampleCorrelation([0.1, 0.1, 0.3, 0.4, 0.1], [1, 2, 3, 4, 5], counts, "pearson")).toBeNaN();
    expect(resampleCorrelation([0.1, 0.1, 0.3, 0.4, 0.1], [1, 2, 3, 4, 5], counts, "spearman")).toBeNaN();
  });

  it("stays in [−1, 1] and equals the unweighted statistic with every count 1 (fast-check)", () => {
    const sample = fc
      .integer({ min: 4, max: 30 })
      .chain((n) =>
        fc.tuple(
          fc.array(fc.integer({ min: -50, max: 50 }), { minLength: n, maxLength: n }),
          fc.array(fc.integer({ min: -50, max: 50 }), { minLength: n, maxLength: n }),
          fc.array(fc.integer({ min: 0, max: 4 }), { minLength: n, maxLength: n }),
        ),
      );
    fc.assert(
      fc.property(sample, ([xs, ys, counts]) => {
        for (const method of ["pearson", "spearman"] as const) {
          const r = resampleCorrelation(xs, ys, counts, method);
          if (!Number.isNaN(r)) {
            expect(r).toBeGreaterThanOrEqual(-1);
            expect(r).toBeLessThanOrEqual(1);
          }
          const ones = resampleCorrelation(
            xs,
            ys,
            xs.map(() => 1),
            method,
          );
          const constant = new Set(xs).size < 2 || new Set(ys).size < 2;
          if (constant) expect(ones).toBeNaN();
          else expectClose(ones, method === "pearson" ? pearson(xs, ys) : spearman(xs, ys), 1e-12);
        }
      }),
    );
  });
});

describe("replicate generator", () => {
  it("draws n units with replacement, the same counts for the same (seed, replicate)", () => {
    const first = new Uint32Array(200);
    const again = new Uint32Array(200);
    drawResampleCounts(5, 17, first);
    drawResampleCounts(5, 17, again);
    expect(Array.from(first)).toEqual(Array.from(again));
    expect(first.reduce((sum, count) => sum + count, 0)).toBe(200);
  });

  it("gives different counts for other replicates and seeds, and about 1 − 1/e of units drawn", () => {
    const base = new Uint32Array(1000);
    const other = new Uint32Array(1000);
    drawResampleCounts(5, 0, base);
    drawResampleCounts(5, 1, other);
    expect(Array.from(base)).not.toEqual(Array.from(other));
    drawResampleCounts(6, 0, other);
    expect(Array.from(base)).not.toEqual(Array.from(other));
    const drawn = base.filter((count) => count > 0).length / base.length;
    expect(Math.abs(drawn - (1 - Math.exp(-1)))).toBeLessThan(0.05);
  });

  it("spreads (seed, replicate) over distinct generator seeds", () => {
    const seeds = new Set<number>();
    for (let seed = 0; seed < 20; seed++) for (let replicate = 0; replicate < 500; replicate++) seeds.add(replicateSeed(seed, replicate));
    expect(seeds.size).toBeGreaterThan(9990);
  });
});

describe("MersenneTwister", () => {
  it("gives the reference MT19937 sequence: first output 3499211612 for seed 5489", () => {
    expect(new MersenneTwister(5489).next()).toBe(3499211612);
  });

  it("draws the same sequence as @stdlib/random-base-mt19937 for the same seed", () => {
    for (const seed of [1, 5489, 123456789, 4294967295]) {
      const ours = new MersenneTwister(seed);
      const theirs = stdlibMersenneTwister.factory({ seed });
      for (let draw = 0; draw < 2000; draw++) expect(ours.next()).toBe(theirs());
    }
  });

  it("restarts the sequence on reseed, whatever was drawn before", () => {
    const reused = new MersenneTwister(7);
    for (const [seed, before] of [
      [42, 0],
      [43, 100],
      [44, 700],
      [45, 1300],
    ]) {
      for (let draw = 0; draw < before; draw++) reused.next();
      reused.reseed(seed);
      const theirs = stdlibMersenneTwister.factory({ seed });
      for (let draw = 0; draw < 1300; draw++) expect(reused.next()).toBe(theirs());
    }
  });
});
