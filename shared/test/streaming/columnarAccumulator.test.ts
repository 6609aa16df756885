import fc from "fast-check";
import { ColumnarPopulationAccumulator, PopulationAccumulator, SymError, type PopulationLayout } from "@symmetry/engine";
import { expectClose } from "./expectClose";

/**
 * The columnar accumulator must be a drop-in for the engine's PopulationAccumulator: the same
 * aggregate for any rows (missing answers, reversed items, decimals, units, managers, waves):
 * counts exactly, means, squared deviations and α to rounding (sums of shifted squares instead of
 * Welford's updates); and the same error at the same row and column for a bad value.
 */

const LAYOUT: PopulationLayout = {
  population: "employees",
  scale: { min: 1, max: 5 },
  items: [
    { column: 0, dimension: "recognition", reversed: false },
    { column: 1, dimension: "recognition", reversed: true },
    { column: 2, dimension: "physical", reversed: false },
    { column: 4, dimension: "recognition", reversed: false },
    { column: 5, dimension: "ethics", reversed: false },
  ],
  recommendationColumn: 3,
};

const answer = fc.oneof(
  { weight: 6, arbitrary: fc.integer({ min: 1, max: 5 }) },
  { weight: 1, arbitrary: fc.constantFrom(1.5, 2.25, 4.75) },
  { weight: 2, arbitrary: fc.constant(Number.NaN) },
);
const row = fc.record({
  values: fc.tuple(answer, answer, answer, fc.oneof(fc.integer({ min: 0, max: 10 }), fc.constant(Number.NaN)), answer, answer),
  unit: fc.constantFrom("A", "B", "Unité C", "", undefined),
  manager: fc.constantFrom("M1", "M2", undefined),
  wave: fc.constantFrom("2024", "2025", undefined),
});

function fold<T extends { addRow: (values: number[], unit?: string, manager?: string, wave?: string) => void }>(
  accumulator: T,
  rows: { values: number[]; unit?: string; manager?: string; wave?: string }[],
) {
  for (const entry of rows) accumulator.addRow(entry.values, entry.unit, entry.manager, entry.wave);
  return accumulator;
}

describe("ColumnarPopulationAccumulator", () => {
  it("gives PopulationAccumulator's aggregate for any rows", () => {
    fc.assert(
      fc.property(
        fc.array(
          row.map((entry) => ({ ...entry, values: [...entry.values] })),
          { maxLength: 60 },
        ),
        (rows) => {
          const reference = fold(new PopulationAccumulator(LAYOUT), rows).result();
          const columnar = fold(new ColumnarPopulationAccumulator(LAYOUT), rows).result();
          expectClose(columnar, reference);
          // Counts are exact.
          expect(columnar.n).toBe(reference.n);
          expect(columnar.recommendation).toEqual(reference.recommendation);
        },
      ),
      { numRuns: 300 },
    );
  });

  it("fails like PopulationAccumulator on a bad value, naming the 1-based column, and keeps the aggregate unchanged", () => {
    const bad: [number[], string][] = [
      [[6, 1, 1, 5, 1, 1], "out-of-scale"],
      [[1, 1, 0.5, 5, 1, 1], "out-of-scale"],
      [[1, 1, 1, 7.5, 1, 1], "not-recommendation"],
      [[1, 1, 1, 11, 1, 1], "not-recommendation"],
    ];
    for (const [values, code] of bad) {
      const reference = new PopulationAccumulator(LAYOUT);
      const columnar = new ColumnarPopulationAccumulator(LAYOUT);
      columnar.addRow([3, 3, 3, 9, 3, 3], "A");
      reference.addRow([3, 3, 3, 9, 3, 3], "A");
      let expected: SymError | undefined;
      let actual: SymError | undefined;
      try {
        reference.addRow(values, "A");
      } catch (error) {
        expected = error as SymError;
      }
      try {
        columnar.addRow(values, "A");
      } catch (error) {
        actual = error as SymError;
      }
      expect(actual).toBeInstanceOf(SymError);
      expect(actual!.code).toBe(code);
      expect(actual!.details).toEqual(expected!.details);
      expect(actual!.message).toBe(expected!.message);
      expectClose(columnar.result(), reference.result());
    }
  });

  it("grows past its initial group capacity", () => {
    const rows = Array.from({ length: 500 }, (_, index) => ({
      values: [1 + (index % 5), 2, 3, index % 11, 4, 5],
      unit: `U${index % 150}`,
      manager: `M${index}`,
    }));
    const reference = fold(new PopulationAccumulator(LAYOUT), rows).result();
    const columnar = fold(new ColumnarPopulationAccumulator(LAYOUT), rows).result();
    expect(Object.keys(columnar.managers)).toHaveLength(500);
    expectClose(columnar, reference);
  });

  it("keeps its precision over a million scores far from 50", () => {
    const layout: PopulationLayout = {
      population: "customers",
      scale: { min: 0, max: 100 },
      items: [{ column: 0, dimension: "ethics", reversed: false }],
    };
    const reference = new PopulationAccumulator(layout);
    const columnar = new ColumnarPopulationAccumulator(layout);
    for (let index = 0; index < 1_000_000; index++) {
      const value = 99 + (index % 3) * 0.5; // 99, 99.5, 100: mean 99.5, tiny spread
      reference.addRow([value]);
      columnar.addRow([value]);
    }
    expectClose(columnar.result().dimensions.ethics, reference.result().dimensions.ethics, 1e-9);
  });
});
