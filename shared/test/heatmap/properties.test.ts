/**
 * Properties of the heat map's confidentiality, with fast-check over seeded random organisations
 * and thresholds: no shown figure rests on fewer than N people (count, each dimension's mean,
 * eNPS answers), and the whole output is the same whatever the order of the rows.
 */
import fc from "fast-check";
import { computeHeatmap, type HeatmapGrouping } from "@symmetry/engine";
import { cellTableOf, groupingsOf, organisation, seededRandom, type Respondent } from "./organisation";

function shuffled<T>(values: readonly T[], seed: number): T[] {
  const random = seededRandom(seed);
  const copy = [...values];
  for (let index = copy.length - 1; index > 0; index--) {
    const other = Math.floor(random() * (index + 1));
    [copy[index], copy[other]] = [copy[other], copy[index]];
  }
  return copy;
}

const NAMES = ["unit", "manager", "type", "tenure", "unitWave"];
const arbitraryCase = fc.record({
  seed: fc.integer({ min: 1, max: 1_000_000 }),
  threshold: fc.integer({ min: 2, max: 9 }),
  names: fc.subarray(NAMES, { minLength: 1 }),
});

describe("heat map confidentiality properties", () => {
  it("never shows a count, a mean or an eNPS about fewer than N people", () => {
    fc.assert(
      fc.property(arbitraryCase, ({ seed, threshold, names }) => {
        const { respondents, types } = organisation(seed);
        const all = groupingsOf(types);
        const output = computeHeatmap(
          cellTableOf(respondents),
          undefined,
          names.map((name) => all[name].grouping),
          { minGroupSize: threshold, dimensions: ["culture", "recognition"] },
        );
        output.heatmap.forEach((entry, position) => {
          const labelOf = all[names[position]].labelOf;
          for (const group of entry.groups) {
            const people = respondents.filter((person: Respondent) => labelOf(person) === group.group).length;
            if (group.n !== null) expect(group.n).toBe(people);
            if (people < threshold) {
              expect(group).toMatchObject({ n: null, suppressed: true, enps: null });
              expect(group.dimensions.every((cell) => cell.employee === null && cell.gap === null)).toBe(true);
            }
          }
        });
      }),
      { numRuns: 120, seed: 16 },
    );
  });

  it("gives the same output whatever the order of the rows", () => {
    fc.assert(
      fc.property(arbitraryCase, fc.integer({ min: 1, max: 1_000_000 }), ({ seed, threshold, names }, shuffleSeed) => {
        const { respondents, types } = organisation(seed);
        const all = groupingsOf(types);
        const groupings: HeatmapGrouping[] = names.map((name) => all[name].grouping);
        const options = { minGroupSize: threshold, dimensions: ["culture", "recognition"] };
        const ordered = computeHeatmap(cellTableOf(respondents), undefined, groupings, options);
        const mixed = computeHeatmap(cellTableOf(shuffled(respondents, shuffleSeed)), undefined, groupings, options);
        expect(mixed.heatmap.map((entry) => entry.groups.map((group) => [group.group, group.n, group.suppressed]))).toEqual(
          ordered.heatmap.map((entry) => entry.groups.map((group) => [group.group, group.n, group.suppressed])),
        );
        mixed.heatmap.forEach((entry, position) =>
          entry.groups.forEach((group, index) =>
            group.dimensions.forEach((cell, dimension) => {
              const other = ordered.heatmap[position].groups[index].dimensions[dimension];
              if (other.employee === null) expect(cell.employee).toBeNull();
              else expect(cell.employee).toBeCloseTo(other.employee, 9);
            }),
          ),
        );
      }),
      { numRuns: 120, seed: 61 },
    );
  });
});
