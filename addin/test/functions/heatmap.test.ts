/**
 * SYM.HEATMAP called as Excel calls it (ranges as rows of cells, the repeating answers as one
 * array), in plain Node. Expected scores: addin/test/taskpane/fixtures/reference.json, computed
 * with pandas (groupby mean of respondent scores) by make_fixture.py from the same CSV file.
 * Confidentiality: the adversary of the engine's heat map tests (shared/test/heatmap/attack.ts)
 * attacks the three maps a Barometer sheet shows, each from its own SYM.HEATMAP call.
 */
import type { Heatmap } from "@symmetry/engine";
import * as sym from "../../src/functions/functions";
import { fixtureRows, reference } from "../support/fixtureWorkbook";
import { attack } from "../../../shared/test/heatmap/attack";
import { organisation, type Respondent } from "../../../shared/test/heatmap/organisation";

const expected = reference();

function thrownBy(call: () => unknown): { code?: string; message: string } {
  try {
    call();
  } catch (error) {
    return error as { code?: string; message: string };
  }
  throw new Error("expected the call to throw");
}

/** The fixture's columns as Excel would hand them, the reversed item reflected as the sheet's formula does (6 − x). */
function fixtureRanges() {
  const [header, ...rows] = fixtureRows("employees");
  const column = (name: string) => rows.map((row) => [row[header.indexOf(name)]]);
  const columns = (...names: string[]) => rows.map((row) => names.map((name) => row[header.indexOf(name)]));
  const reflected = rows.map((row) => {
    const value = row[header.indexOf("culture_3~r")];
    return typeof value === "number" ? 6 - value : value;
  });
  const culture = columns("culture_1", "culture_2").map((cells, index) => [...cells, reflected[index]]);
  return {
    units: column("unit"),
    managers: column("manager"),
    recommendation: column("eNPS"),
    answers: [culture, columns("recognition_1", "recognition_2"), column("information_1")],
  };
}

describe("SYM.HEATMAP on the task pane's fixture", () => {
  it("gives n, eNPS and each dimension's mean respondent score per unit as pandas does, hidden groups as 'fewer than 5' and '·'", () => {
    const { units, managers, recommendation, answers } = fixtureRanges();
    const rows = sym.heatmap("unit", units, managers, undefined, recommendation, 5, 1, 5, answers);
    expect(rows.map((row) => row[0]).sort()).toEqual(Object.keys(expected.heatmapUnits).sort());
    const tiny = rows.find((row) => row[0] === "Tiny")!;
    expect(tiny).toEqual(["Tiny", "fewer than 5", "·", "·", "·", "·"]);
    const visible = rows.filter((row) => row[1] !== "fewer than 5");
    expect(visible.length).toBeLessThanOrEqual(rows.length - 2); // Tiny and its complement
    for (const [unit, n, enps, ...scores] of visible) {
      expect(n).toBe(expected.heatmapUnits[unit].n);
      expect(enps).toBeCloseTo(expected.units[unit].enps!, 9);
      ["culture", "recognition", "information"].forEach((dimension, index) =>
        expect(scores[index]).toBeCloseTo(expected.heatmapUnits[unit][dimension as "culture"], 9),
      );
    }
  });

  it("spills only n and eNPS without answers, hiding the same groups as the full map", () => {
    const { units, managers, recommendation, answers } = fixtureRanges();
    const full = sym.heatmap("unit", units, managers, undefined, recommendation, 5, 1, 5, answers);
    const short = sym.heatmap("unit", units, managers, undefined, recommendation, 5, 1, 5);
    expect(short).toEqual(full.map((row) => row.slice(0, 3)));
  });

  it("labels unit types in the display language and reads the types as people write them", () => {
    const { units, recommendation, answers } = fixtureRanges();
    const types = Object.entries({ ...expected.unitTypes, Paris: "support" }).map(([unit, type]) => [
      unit,
      type === "support" ? "Support et back-office" : "front office",
    ]);
    const rows = sym.heatmap("type", units, null as never, types, recommendation, 5, 1, 5, answers);
    expect(rows.map((row) => [row[0], row[1]])).toEqual([
      ["Front office (customer-facing)", 34],
      ["Support and back office", 26],
      ["Support − front office", ""],
    ]);
    rows[2].slice(2).forEach((difference, index) => expect(difference).toBeCloseTo(rows[1][2 + index] - rows[0][2 + index], 12));
    // Several groupings spill one after another, each as its own call would.
    const both = sym.heatmap("unit, type", units, null as never, types, recommendation, 5, 1, 5, answers);
    expect(both).toEqual([...sym.heatmap("unit", units, null as never, types, recommendation, 5, 1, 5, answers), ...rows]);
  });

  it("refuses what it cannot use, saying what and where", () => {
    const { units, managers, recommendation, answers } = fixtureRanges();
    const cases: [() => unknown, string, string][] = [
      [() => sym.heatmap("unit", units, managers, undefined, recommendation, 3, 1, 5, answers), "#VALUE!", "cannot be below 5"],
      [() => sym.heatmap("region", units, managers, undefined, recommendation, 5, 1, 5, answers), "#VALUE!", '"region"'],
      [() => sym.heatmap("unit,unit", units, managers, undefined, recommendation, 5, 1, 5, answers), "#VALUE!", '"unit,unit"'],
      [() => sym.heatmap("manager", units, undefined, undefined, recommendation, 5, 1, 5, answers), "#VALUE!", "needs the managers"],
      [() => sym.heatmap("type", units, managers, undefined, recommendation, 5, 1, 5, answers), "#VALUE!", "needs unit_types"],
      [
        () => sym.heatmap("unit", units.slice(1), managers, undefined, recommendation, 5, 1, 5, answers),
        "#VALUE!",
        "units must be one column",
      ],
      [
        () => sym.heatmap("type", units, managers, [["Lyon", "headquarters"]], recommendation, 5, 1, 5, answers),
        "#VALUE!",
        '"headquarters" is not a unit type',
      ],
      [
        () => sym.heatmap("unit", units, managers, undefined, recommendation, 5, 1, 5, [answers[0], answers[1].slice(2)]),
        "#VALUE!",
        "answers 2",
      ],
    ];
    for (const [call, code, message] of cases) {
      const error = thrownBy(call);
      expect([error.code, error.message]).toEqual([code, expect.stringContaining(message)]);
    }
  });

  it("refuses a grouping of more than 2,000 distinct values, with the count", () => {
    const units = Array.from({ length: 2001 * 5 }, (_, index) => [`U${Math.floor(index / 5)}`]);
    const answers = units.map(() => [3]);
    const error = thrownBy(() => sym.heatmap("unit", units, undefined, undefined, undefined, 5, 1, 5, [answers]));
    expect([error.code, error.message]).toEqual(["#VALUE!", expect.stringContaining("2001 distinct values")]);
  });
});

describe("SYM.HEATMAP's maps of one sheet, attacked together", () => {
  const labelOf: Record<string, (person: Respondent, types: Map<string, string>) => string> = {
    unit: (person) => person.unit,
    manager: (person) => person.manager,
    type: (person, types) => types.get(person.unit) ?? "",
  };
  const typeIds: Record<string, string> = { "Front office (customer-facing)": "front-office", "Support and back office": "support" };

  it("lets no hidden unit, manager or type be recovered by differencing the three maps and the total", () => {
    let hiddenSeen = 0;
    for (let seed = 1; seed <= 50; seed++) {
      const { respondents, types } = organisation(seed);
      const units = respondents.map((person) => [person.unit]);
      const managers = respondents.map((person) => [person.manager]);
      const unitTypes = [...types].map(([unit, type]) => [unit, type]);
      const recommendation = respondents.map((person) => [person.answers[2]]);
      const answers = [respondents.map((person) => [person.answers[0]]), respondents.map((person) => [person.answers[1]])];
      const views = ["unit", "manager", ...(new Set(types.values()).size > 0 ? ["type"] : [])];
      const output: Heatmap = {
        minGroupSize: 5,
        notes: [],
        heatmap: views.map((by) => ({
          by,
          groups: sym
            .heatmap(by, units, managers, unitTypes, recommendation, 5, 1, 5, answers)
            .map(([label, n, enps, culture, recognition]) => {
              const suppressed = n === "fewer than 5";
              if (suppressed) hiddenSeen += 1;
              const score = (value: unknown) => (typeof value === "number" ? value : null);
              return {
                group: by === "type" ? typeIds[label] : String(label),
                n: suppressed ? null : n,
                suppressed,
                enps: score(enps),
                dimensions: [
                  { id: "culture", employee: score(culture), customer: null, gap: null },
                  { id: "recognition", employee: score(recognition), customer: null, gap: null },
                ],
              };
            }),
        })),
      };
      const labels = Object.fromEntries(views.map((by) => [by, (person: Respondent) => labelOf[by](person, types)]));
      expect(attack(respondents, output, labels, 5)).toEqual([]);
    }
    expect(hiddenSeen).toBeGreaterThan(10); // the organisations do have groups to hide
  });
});
