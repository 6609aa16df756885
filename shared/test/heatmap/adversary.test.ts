/**
 * The adversary: it knows every figure an output publishes (the total, each visible group's n and
 * means, n × mean being a sum) and tries every single- and two-level differencing:
 * - parent − its visible children (a unit − its visible managers, a type − its visible units);
 * - total − the visible groups of another grouping;
 * - pooled − other waves (a unit − its visible unit × wave groups);
 * - then the remainder − the visible groups of a third grouping inside it.
 * It judges each remainder on the respondents themselves (not on the engine's cells): a remainder
 * about 1 … N − 1 people, or exactly the people of a hidden group, is a recovered hidden figure.
 * Run on seeded random organisations, with units, managers spanning units, unit types, waves and a
 * tenure band that cuts across them all.
 */
import { computeHeatmap, type Heatmap } from "@symmetry/engine";
import { attack, membersOf } from "./attack";
import { cellTableOf, groupingsOf, organisation } from "./organisation";

const COMBINATIONS: string[][] = [
  ["unit", "manager"],
  ["unit", "type"],
  ["unit", "manager", "type"],
  ["unit", "unitWave"],
  ["unit", "unitWave", "wave"],
  ["unit", "tenure"],
  ["manager", "tenure", "type"],
];

describe("adversary against the heat map's joint suppression", () => {
  it.each(COMBINATIONS.map((names) => [names.join(" + "), names]))("recovers nothing hidden when %s are shown together", (_, names) => {
    let hiddenSeen = 0;
    let complementarySeen = 0;
    for (let seed = 1; seed <= 50; seed++) {
      const { respondents, types } = organisation(seed);
      const all = groupingsOf(types);
      const chosen = (names as string[]).map((name) => all[name]);
      const output = computeHeatmap(
        cellTableOf(respondents),
        undefined,
        chosen.map((entry) => entry.grouping),
        { minGroupSize: 5, dimensions: ["culture", "recognition"] },
      );
      const labelOf = Object.fromEntries(chosen.map((entry) => [entry.grouping.by, entry.labelOf]));
      expect(attack(respondents, output, labelOf, 5)).toEqual([]);
      for (const entry of output.heatmap) {
        for (const group of entry.groups) {
          if (!group.suppressed) continue;
          hiddenSeen += 1;
          if (membersOf(respondents, labelOf[entry.by], group.group).length >= 5) complementarySeen += 1;
        }
      }
    }
    // The organisations do exercise the rules: groups hidden for size and as cover.
    expect(hiddenSeen).toBeGreaterThan(10);
    expect(complementarySeen).toBeGreaterThan(2);
  });

  it("catches a leak when each grouping is suppressed on its own (the check can fail)", () => {
    let leaked = 0;
    for (let seed = 1; seed <= 60; seed++) {
      const { respondents, types } = organisation(seed);
      const all = groupingsOf(types);
      const table = cellTableOf(respondents);
      // Two separate outputs glued together: units alone, managers alone.
      const units = computeHeatmap(table, undefined, [all.unit.grouping], { minGroupSize: 5, dimensions: ["culture"] });
      const managers = computeHeatmap(table, undefined, [all.manager.grouping], { minGroupSize: 5, dimensions: ["culture"] });
      const glued: Heatmap = { ...units, heatmap: [...units.heatmap, ...managers.heatmap] };
      if (attack(respondents, glued, { unit: all.unit.labelOf, manager: all.manager.labelOf }, 5).length > 0) leaked += 1;
    }
    expect(leaked).toBeGreaterThan(5);
  });
});
