/**
 * Invariants of the engine checked with fast-check on random data: gap antisymmetry, the symmetry
 * index range, row-order (permutation) invariance of scores, NPS, Welch, α and the whole barometer,
 * and reversed normalisation as the mirror of the plain one.
 */
import fc from "fast-check";
import {
  DEFAULT_MODEL,
  computeBarometer,
  countRecommendations,
  cronbachAlpha,
  groupScore,
  normaliseAnswer,
  npsInterval,
  respondentScore,
  summarise,
  symmetryIndex,
  welchGapTest,
} from "@symmetry/engine";
import { catchSymError, expectClose } from "../support/reference";
import { fixtureAggregates, fixture } from "../support/barometerFixture";

/** Respondent scores on 0–100 that vary (Welch needs two values and some spread). */
const scores = fc.array(fc.integer({ min: 0, max: 100 }), { minLength: 2, maxLength: 40 }).filter((values) => new Set(values).size > 1);

function shuffle<T>(values: readonly T[], seed: number): T[] {
  const copy = [...values];
  let state = seed >>> 0 || 1;
  for (let index = copy.length - 1; index > 0; index--) {
    state = (Math.imul(state, 1664525) + 1013904223) >>> 0;
    const other = state % (index + 1);
    [copy[index], copy[other]] = [copy[other], copy[index]];
  }
  return copy;
}

describe("gap antisymmetry", () => {
  it("swapping the groups negates gap, interval, t and g and keeps p and df", () => {
    fc.assert(
      fc.property(scores, scores, (employees, customers) => {
        const forward = welchGapTest(summarise(employees), summarise(customers));
        const backward = welchGapTest(summarise(customers), summarise(employees));
        expectClose(backward.gap, -forward.gap, 1e-12);
        expectClose(backward.low, -forward.high, 1e-9);
        expectClose(backward.high, -forward.low, 1e-9);
        expectClose(backward.t, -forward.t, 1e-12);
        expectClose(backward.hedgesG, -forward.hedgesG, 1e-12);
        expectClose(backward.p, forward.p, 1e-12);
        expectClose(backward.degreesOfFreedom, forward.degreesOfFreedom, 1e-12);
        expect(forward.low).toBeLessThanOrEqual(forward.gap);
        expect(forward.high).toBeGreaterThanOrEqual(forward.gap);
        expect(forward.p).toBeGreaterThanOrEqual(0);
        expect(forward.p).toBeLessThanOrEqual(1);
      }),
    );
  });
});

describe("symmetry index", () => {
  const gap = fc.double({ min: -100, max: 100, noNaN: true });
  const weight = fc.double({ min: 0.01, max: 10, noNaN: true });

  it("stays in [0, 100] for any gaps and positive weights", () => {
    fc.assert(
      fc.property(fc.array(fc.tuple(gap, weight), { minLength: 1, maxLength: 11 }), (pairs) => {
        const index = symmetryIndex(
          pairs.map(([g]) => g),
          pairs.map(([, w]) => w),
        );
        expect(index).toBeGreaterThanOrEqual(0);
        expect(index).toBeLessThanOrEqual(100);
      }),
    );
  });

  it("is 100 exactly when every gap is 0", () => {
    // Gaps are points on 0–100 scores: a gap of 1e-300 points would round 100 − gap back to 100.
    const zeroOrVisibleGap = fc.oneof(
      fc.constant(0),
      fc.tuple(fc.double({ min: 1e-6, max: 100, noNaN: true }), fc.boolean()).map(([size, negative]) => (negative ? -size : size)),
    );
    fc.assert(
      fc.property(fc.array(fc.tuple(zeroOrVisibleGap, weight), { minLength: 1, maxLength: 11 }), (pairs) => {
        const gaps = pairs.map(([g]) => g);
        const index = symmetryIndex(
          gaps,
          pairs.map(([, w]) => w),
        );
        expect(index === 100).toBe(gaps.every((g) => g === 0));
      }),
    );
  });
});

describe("normalisation", () => {
  const scale = fc.tuple(fc.integer({ min: -5, max: 5 }), fc.integer({ min: 1, max: 10 })).map(([min, span]) => ({ min, max: min + span }));

  it("normalise(reversed) = 100 − normalise, inside [0, 100]", () => {
    fc.assert(
      fc.property(scale, fc.double({ min: 0, max: 1, noNaN: true }), (range, position) => {
        const value = range.min + position * (range.max - range.min);
        const plain = normaliseAnswer(value, range);
        const reversed = normaliseAnswer(value, range, true);
        expectClose(reversed, 100 - plain, 1e-12);
        expect(plain).toBeGreaterThanOrEqual(0);
        expect(plain).toBeLessThanOrEqual(100);
      }),
    );
  });
});

describe("permutation invariance: row order does not change results", () => {
  const seed = fc.integer({ min: 1, max: 2 ** 31 - 1 });

  it("group score and Welch test", () => {
    fc.assert(
      fc.property(scores, scores, seed, (employees, customers, s) => {
        const a = welchGapTest(summarise(employees), summarise(customers));
        const b = welchGapTest(summarise(shuffle(employees, s)), summarise(shuffle(customers, s + 1)));
        for (const key of ["gap", "low", "high", "t", "p", "hedgesG", "degreesOfFreedom"] as const) expectClose(b[key], a[key], 1e-9);
        expectClose(groupScore(shuffle(employees, s)).score, groupScore(employees).score, 1e-12);
      }),
    );
  });

  it("respondent score over items", () => {
    fc.assert(
      fc.property(
        fc.array(fc.oneof(fc.integer({ min: 1, max: 5 }), fc.constant(Number.NaN)), { minLength: 1, maxLength: 6 }),
        seed,
        (answers, s) => {
          const a = respondentScore(answers, { min: 1, max: 5 });
          const b = respondentScore(shuffle(answers, s), { min: 1, max: 5 });
          if (Number.isNaN(a)) expect(b).toBeNaN();
          else expectClose(b, a, 1e-12);
        },
      ),
    );
  });

  it("NPS and its interval", () => {
    fc.assert(
      fc.property(fc.array(fc.integer({ min: 0, max: 10 }), { minLength: 1, maxLength: 80 }), seed, (answers, s) => {
        expect(npsInterval(countRecommendations(shuffle(answers, s)))).toEqual(npsInterval(countRecommendations(answers)));
      }),
    );
  });

  it("Cronbach's α", () => {
    const row = fc.array(fc.integer({ min: 1, max: 5 }), { minLength: 3, maxLength: 3 });
    fc.assert(
      fc.property(fc.array(row, { minLength: 3, maxLength: 30 }), seed, (rows, s) => {
        const totals = new Set(rows.map((items) => items[0] + items[1] + items[2]));
        if (totals.size === 1) {
          // constant totals: α is undefined whatever the order, and only that error is expected
          catchSymError(() => cronbachAlpha(rows), "zero-variance");
          catchSymError(() => cronbachAlpha(shuffle(rows, s)), "zero-variance");
          return;
        }
        expectClose(cronbachAlpha(shuffle(rows, s)), cronbachAlpha(rows), 1e-9);
      }),
    );
  });

  it("the whole barometer on the reference data set", () => {
    const base = fixtureAggregates();
    const options = { model: DEFAULT_MODEL, thresholds: { minGroupSize: fixture.minGroupSize } };
    const expected = computeBarometer(base.employees, base.customers, options);
    const employeeRows = fixture.employees.rows.map((_, index) => index);
    const customerRows = fixture.customers.rows.map((_, index) => index);
    fc.assert(
      fc.property(seed, (s) => {
        const shuffled = fixtureAggregates(shuffle(employeeRows, s), shuffle(customerRows, s + 7));
        const actual = computeBarometer(shuffled.employees, shuffled.customers, options);
        expect(actual.units).toEqual(expected.units);
        expect(actual.managers).toEqual(expected.managers);
        expect(actual.employees).toEqual(expected.employees);
        expect(actual.customers).toEqual(expected.customers);
        expectClose(actual.symmetryIndex!, expected.symmetryIndex!, 1e-9);
        actual.dimensions.forEach((dimension, index) => {
          const reference = expected.dimensions[index];
          expect(dimension.status).toBe(reference.status);
          for (const key of ["gap", "low", "high", "p", "hedgesG"] as const) expectClose(dimension[key]!, reference[key]!, 1e-9);
          expectClose(dimension.employee.score!, reference.employee.score!, 1e-9);
          expectClose(dimension.employee.alpha!, reference.employee.alpha!, 1e-9);
        });
      }),
      { numRuns: 30 },
    );
  });
});
