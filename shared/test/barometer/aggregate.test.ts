/**
 * PopulationAccumulator and mergeGroupAggregates: streaming rows gives the same summaries as the
 * pandas reference of shared/test/reference/barometer.json, unit aggregates merge into the pooled
 * aggregate, and a bad answer is rejected with its value and column without touching the aggregate.
 */
import fc from "fast-check";
import {
  PopulationAccumulator,
  PopulationAggregateSchema,
  mergeGroupAggregates,
  mergeSummaries,
  summarise,
  emptySummary,
  type SampleSummary,
} from "@symmetry/engine";
import { catchSymError, expectClose } from "../support/reference";
import { fixture, fixtureAggregates } from "../support/barometerFixture";

function expectSameSummary(actual: SampleSummary, expected: SampleSummary): void {
  expect(actual.n).toBe(expected.n);
  expectClose(actual.mean, expected.mean, 1e-9);
  expectClose(actual.squaredDeviations, expected.squaredDeviations, 1e-9);
}

describe("PopulationAccumulator", () => {
  const { employees } = fixtureAggregates();

  it("produces an aggregate that passes its schema", () => {
    expect(PopulationAggregateSchema.safeParse(employees).success).toBe(true);
  });

  it("gives the employee scores of the pandas reference", () => {
    for (const reference of fixture.expected.dimensions) {
      expectClose(employees.dimensions[reference.id].mean, reference.employee.score, 1e-12);
      expect(employees.dimensions[reference.id].n).toBe(reference.employee.n);
    }
  });

  it("merges its unit aggregates into the pooled aggregate", () => {
    const merged = mergeGroupAggregates(Object.values(employees.units));
    expect(merged.n).toBe(employees.n);
    expect(merged.recommendation).toEqual(employees.recommendation);
    for (const id of Object.keys(employees.dimensions)) expectSameSummary(merged.dimensions[id], employees.dimensions[id]);
  });

  const layout = {
    population: "employees" as const,
    scale: { min: 1, max: 5 },
    items: [
      { column: 0, dimension: "ethics", reversed: false },
      { column: 1, dimension: "ethics", reversed: false },
      { column: 2, dimension: "recognition", reversed: true },
      { column: 3, dimension: "recognition", reversed: false },
    ],
    recommendationColumn: 4,
  };

  it("returns out-of-scale for an answer outside the scale, naming the value and its column, and keeps the aggregate unchanged", () => {
    const accumulator = new PopulationAccumulator(layout);
    accumulator.addRow([4, 5, 2, 3, 9], "Lyon");
    accumulator.addRow([3, 3, 1, 4, 6], "Lyon");
    const before = structuredClone(accumulator.result());
    const error = catchSymError(() => accumulator.addRow([4, 4, 2, 7, 10], "Lyon"), "out-of-scale");
    expect(error.message).toContain("answer 7");
    expect(error.details.value).toBe(7);
    expect(error.details.column).toBe(4);
    expect(accumulator.result()).toEqual(before);
  });

  it("returns not-recommendation for an eNPS answer that is not an integer 0–10, naming it and its column", () => {
    const accumulator = new PopulationAccumulator(layout);
    accumulator.addRow([4, 5, 2, 3, 9]);
    const before = structuredClone(accumulator.result());
    for (const answer of [11, 7.5, -1]) {
      const error = catchSymError(() => accumulator.addRow([4, 4, 2, 3, answer], "Lyon"), "not-recommendation");
      expect(error.message).toContain(String(answer));
      expect(error.details.column).toBe(5);
    }
    expect(accumulator.result()).toEqual(before);
  });

  it("returns invalid-argument for an invalid scale, naming it", () => {
    const error = catchSymError(() => new PopulationAccumulator({ ...layout, scale: { min: 5, max: 5 } }), "invalid-argument");
    expect(error.message).toContain("5–5");
  });

  it("normalises reversed items and skips missing ones", () => {
    const accumulator = new PopulationAccumulator(layout);
    accumulator.addRow([5, Number.NaN, 2, 3, Number.NaN]);
    const result = accumulator.result();
    expect(result.dimensions.ethics.mean).toBe(100);
    // reversed 2 on 1–5 → 75, plain 3 → 50
    expect(result.dimensions.recognition.mean).toBe(62.5);
    expect(result.recommendation).toEqual({ promoters: 0, passives: 0, detractors: 0 });
  });
});

describe("merging equals pooling (fast-check)", () => {
  const scores = fc.array(fc.integer({ min: 0, max: 100 }), { maxLength: 30 });

  it("mergeSummaries of parts equals the summary of the concatenation", () => {
    fc.assert(
      fc.property(fc.array(scores, { minLength: 1, maxLength: 6 }), (parts) => {
        const merged = parts.map((part) => summarise(part)).reduce(mergeSummaries, emptySummary());
        const pooled = summarise(parts.flat());
        expect(merged.n).toBe(pooled.n);
        expectClose(merged.mean, pooled.mean, 1e-9);
        expectClose(merged.squaredDeviations, pooled.squaredDeviations, 1e-7);
      }),
    );
  });

  it("mergeGroupAggregates of unit aggregates equals the aggregate of all rows", () => {
    const row = fc.tuple(
      fc.constantFrom("A", "B", "C", "D"),
      fc.array(fc.oneof(fc.integer({ min: 1, max: 5 }), fc.constant(Number.NaN)), { minLength: 3, maxLength: 3 }),
      fc.oneof(fc.integer({ min: 0, max: 10 }), fc.constant(Number.NaN)),
    );
    fc.assert(
      fc.property(fc.array(row, { minLength: 1, maxLength: 60 }), (rows) => {
        const layout = {
          population: "employees" as const,
          scale: { min: 1, max: 5 },
          items: [
            { column: 0, dimension: "ethics", reversed: false },
            { column: 1, dimension: "ethics", reversed: true },
            { column: 2, dimension: "horizon", reversed: false },
          ],
          recommendationColumn: 3,
        };
        const pooled = new PopulationAccumulator(layout);
        const byUnit = new Map<string, PopulationAccumulator>();
        for (const [unit, answers, recommendation] of rows) {
          pooled.addRow([...answers, recommendation], unit);
          if (!byUnit.has(unit)) byUnit.set(unit, new PopulationAccumulator(layout));
          byUnit.get(unit)!.addRow([...answers, recommendation]);
        }
        const all = pooled.result();
        const fromUnits = mergeGroupAggregates([...byUnit.values()].map((accumulator) => accumulator.result()));
        const fromStoredUnits = mergeGroupAggregates(Object.values(all.units));
        for (const merged of [fromUnits, fromStoredUnits]) {
          expect(merged.n).toBe(all.n);
          expect(merged.recommendation).toEqual(all.recommendation);
          for (const id of ["ethics", "horizon"]) {
            expect(merged.dimensions[id].n).toBe(all.dimensions[id].n);
            if (all.dimensions[id].n > 0) {
              expectClose(merged.dimensions[id].mean, all.dimensions[id].mean, 1e-9);
              expectClose(merged.dimensions[id].squaredDeviations, all.dimensions[id].squaredDeviations, 1e-7);
            }
          }
        }
      }),
    );
  });
});
