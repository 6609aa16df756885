/**
 * Invariants of the change between waves, on random respondent scores (fast-check): a change from
 * a wave to itself is 0 (with p = 1), and swapping the two waves negates ΔG and its interval and
 * keeps p and df.
 */
import fc from "fast-check";
import { DEFAULT_MODEL, computeTrend, gapChange, summarise, type WavePopulation } from "@symmetry/engine";
import { expectClose } from "../support/reference";

const scores = fc.array(fc.integer({ min: 0, max: 100 }), { minLength: 5, maxLength: 30 }).filter((values) => new Set(values).size > 1);
const wave = fc.record({ employees: scores, customers: scores });

function population(values: number[]): WavePopulation {
  return { n: values.length, recommendation: { promoters: 1, passives: 1, detractors: 1 }, dimensions: { culture: summarise(values) } };
}

describe("change between waves: properties", () => {
  it("a change from a wave to itself is 0 with p = 1 and status stable", () => {
    fc.assert(
      fc.property(wave, ({ employees, customers }) => {
        const e = summarise(employees);
        const c = summarise(customers);
        const change = gapChange({ employeesFrom: e, customersFrom: c, employeesTo: e, customersTo: c });
        expect(change.gapChange).toBe(0);
        expectClose(change.p, 1, 1e-12, "p");
        expect(change.status).toBe("stable");
      }),
    );
  });

  it("swapping the two waves negates ΔG and its interval and keeps p and df", () => {
    fc.assert(
      fc.property(wave, wave, (first, second) => {
        const samples = {
          employeesFrom: summarise(first.employees),
          customersFrom: summarise(first.customers),
          employeesTo: summarise(second.employees),
          customersTo: summarise(second.customers),
        };
        const forward = gapChange(samples);
        const backward = gapChange({
          employeesFrom: samples.employeesTo,
          customersFrom: samples.customersTo,
          employeesTo: samples.employeesFrom,
          customersTo: samples.customersFrom,
        });
        expectClose(backward.gapChange, -forward.gapChange, 1e-9, "ΔG");
        expectClose(backward.low, -forward.high, 1e-9, "low");
        expectClose(backward.p, forward.p, 1e-9, "p");
        expectClose(backward.degreesOfFreedom, forward.degreesOfFreedom, 1e-9, "df");
      }),
    );
  });

  it("computeTrend agrees in both directions of the same two waves", () => {
    fc.assert(
      fc.property(wave, wave, (first, second) => {
        const waves = [
          { wave: "A", employees: population(first.employees), customers: population(first.customers) },
          { wave: "B", employees: population(second.employees), customers: population(second.customers) },
        ];
        const options = { model: DEFAULT_MODEL };
        const [forward] = computeTrend(waves, options).changes[0].dimensions;
        const [backward] = computeTrend(waves, { ...options, pairs: [{ from: "B", to: "A" }] }).changes[0].dimensions;
        expectClose(backward.gapChange, -forward.gapChange!, 1e-9, "ΔG");
        expectClose(backward.p, forward.p!, 1e-9, "p");
        const mirrored = { narrowed: "widened", widened: "narrowed", stable: "stable", "not-computable": "not-computable" } as const;
        expect(backward.status).toBe(mirrored[forward.status]);
      }),
    );
  });
});
