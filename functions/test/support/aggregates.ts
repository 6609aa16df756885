import { DEFAULT_MODEL, PopulationAccumulator, type PopulationAggregate } from "../../../shared/src";

/** A small deterministic generator (mulberry32), so fixtures are the same on every run. */
function generator(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/**
 * Aggregates of a synthetic population on the default model's dimensions (one item a dimension,
 * answers 1–5, a 0–10 recommendation), folded by the engine's own accumulator, spread over units.
 */
export function syntheticPopulation(population: "employees" | "customers", respondents: number, seed: number, shift = 0): PopulationAggregate {
  const random = generator(seed);
  const dimensions = DEFAULT_MODEL.dimensions.slice(0, 4);
  const accumulator = new PopulationAccumulator({
    population,
    scale: { min: 1, max: 5 },
    items: dimensions.map((dimension, column) => ({ column, dimension: dimension.id, reversed: false })),
    recommendationColumn: dimensions.length,
  });
  for (let row = 0; row < respondents; row++) {
    const values = dimensions.map(() => Math.min(5, Math.max(1, Math.round(1 + random() * 4 + shift))));
    values.push(Math.floor(random() * 11));
    accumulator.addRow(values, `unit-${row % 4}`, `manager-${row % 3}`);
  }
  return accumulator.result();
}
