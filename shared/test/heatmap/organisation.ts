/**
 * Random organisations for the confidentiality tests: units of front-office or support type,
 * managers inside units (a few of them spanning two units), two waves, a tenure band that cuts
 * across everything, respondents with two dimension scores and an eNPS answer. Rows go through
 * the same accumulator as the CLI's, so the tests exercise the whole path to the published output.
 */
import { ATTRIBUTE_SEPARATOR, ColumnarPopulationAccumulator, type CellTable, type HeatmapGrouping } from "@symmetry/engine";

export interface Respondent {
  unit: string;
  manager: string;
  wave: string;
  tenure: string;
  answers: [number, number, number];
}

/** A small seeded generator (mulberry32), independent of the engine's. */
export function seededRandom(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

export function organisation(seed: number): { respondents: Respondent[]; types: Map<string, string> } {
  const random = seededRandom(seed);
  const pick = (low: number, high: number) => low + Math.floor(random() * (high - low + 1));
  const respondents: Respondent[] = [];
  const types = new Map<string, string>();
  const unitCount = pick(2, 7);
  for (let unit = 1; unit <= unitCount; unit++) {
    const unitName = `U${unit}`;
    types.set(unitName, random() < 0.35 ? "support" : "front-office");
    const managers = pick(1, 4);
    for (let manager = 1; manager <= managers; manager++) {
      // One manager in six also leads people of the next unit.
      const managerName = random() < 0.16 && unit > 1 ? `M${unit - 1}-1` : `M${unit}-${manager}`;
      const size = random() < 0.3 ? pick(1, 4) : pick(5, 14);
      for (let person = 0; person < size; person++) {
        respondents.push({
          unit: unitName,
          manager: managerName,
          wave: random() < 0.5 ? "2025" : "2026",
          tenure: ["<1", "1-3", "3+"][pick(0, 2)],
          answers: [pick(1, 5), pick(1, 5), pick(0, 10)],
        });
      }
    }
  }
  return { respondents, types };
}

export const ATTRIBUTES = ["tenure", "unit_wave"];

/** The respondents folded as the CLI folds a file: culture and recognition on 1–5, eNPS 0–10. */
export function cellTableOf(respondents: readonly Respondent[]): CellTable {
  const accumulator = new ColumnarPopulationAccumulator(
    {
      population: "employees",
      scale: { min: 1, max: 5 },
      items: [
        { column: 0, dimension: "culture", reversed: false },
        { column: 1, dimension: "recognition", reversed: false },
      ],
      recommendationColumn: 2,
    },
    ATTRIBUTES,
  );
  for (const person of respondents) {
    accumulator.addRow(
      person.answers,
      person.unit,
      person.manager,
      person.wave,
      [person.tenure, `${person.unit}|${person.wave}`].join(ATTRIBUTE_SEPARATOR),
    );
  }
  return accumulator.cellTable();
}

/** Every grouping a test may publish, and how the adversary reads the same label off a respondent. */
export function groupingsOf(
  types: Map<string, string>,
): Record<string, { grouping: HeatmapGrouping; labelOf: (person: Respondent) => string }> {
  return {
    unit: { grouping: { by: "unit", key: "unit" }, labelOf: (person) => person.unit },
    manager: { grouping: { by: "manager", key: "manager" }, labelOf: (person) => person.manager },
    type: { grouping: { by: "type", key: "unit", relabel: types }, labelOf: (person) => types.get(person.unit) ?? "" },
    tenure: { grouping: { by: "tenure", key: "tenure" }, labelOf: (person) => person.tenure },
    unitWave: { grouping: { by: "unit_wave", key: "unit_wave" }, labelOf: (person) => `${person.unit}|${person.wave}` },
    wave: { grouping: { by: "wave", key: "wave" }, labelOf: (person) => person.wave },
  };
}
