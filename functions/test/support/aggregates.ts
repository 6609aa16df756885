import { DEFAULT_MODEL, PopulationAccumulator, type PopulationAggregate } from "@symmetry/engine";
import { seededRandom } from "./seededRandom";

/**
 * Aggregates of a synthetic population on the default model's dimensions (one item a dimension,
 * answers 1–5, a 0–10 recommendation), folded by the engine's own accumulator, spread over units.
 */
export function syntheticPopulation(
  population: "employees" | "customers",
  respondents: number,
  seed: number,
  shift = 0,
): PopulationAggregate {
  const random = seededRandom(seed);
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
