import { countTotal, netPromoterScore } from "../nps/nps";
import { jointSuppression } from "../privacy/jointSuppression";
import type { TrendUnit, WaveInput, WavePopulation } from "./types";

/** Which trend figures each wave may show (docs/domain.md#joint-suppression), across waves and units. */

export interface Side {
  /** shown[wave] per dimension id, after suppression across waves. */
  readonly shown: Map<string, boolean[]>;
  readonly recommendationShown: boolean[];
  readonly respondentsShown: boolean[];
}

/**
 * Which waves may show a figure whose count per wave is `counts`: each wave must reach the
 * threshold, and since the pooled barometer shows the total over the waves, a hidden wave must
 * not be recoverable as pooled − the other waves (docs/domain.md#joint-suppression:
 * two waves of the same group); `jointSuppression` takes the cover.
 */
function wavesShown(counts: readonly number[], threshold: number): boolean[] {
  const { hidden } = jointSuppression(counts, [{ groupOf: counts.map((_, wave) => wave), groupCount: counts.length }], threshold);
  return hidden[0].map((isHidden, wave) => !isHidden && counts[wave] > 0);
}

/** A population's figures across waves: each dimension, the recommendation answers and the respondents. */
export function sideVisibility(populations: readonly WavePopulation[], dimensions: readonly string[], threshold: number): Side {
  const shown = new Map<string, boolean[]>();
  for (const id of dimensions)
    shown.set(
      id,
      wavesShown(
        populations.map((population) => population.dimensions[id]?.n ?? 0),
        threshold,
      ),
    );
  return {
    shown,
    recommendationShown: wavesShown(
      populations.map((population) => countTotal(population.recommendation)),
      threshold,
    ),
    respondentsShown: wavesShown(
      populations.map((population) => population.n),
      threshold,
    ),
  };
}

/**
 * eNPS by unit and wave. Shown together with each wave's total (here) and each unit's pooled
 * eNPS (the barometer), so the cells (unit × wave) are suppressed jointly with both groupings.
 */
export function unitsByWave(waves: readonly WaveInput[], threshold: number): TrendUnit[][] {
  const names = [...new Set(waves.flatMap((wave) => Object.keys(wave.employees.units ?? {})))].sort((a, b) => a.localeCompare(b));
  if (names.length === 0) return waves.map(() => []);
  const width = waves.length;
  const answers = (name: string, column: number) =>
    countTotal(waves[column].employees.units?.[name]?.recommendation ?? { promoters: 0, passives: 0, detractors: 0 });
  const counts = names.flatMap((name) => waves.map((_, column) => answers(name, column)));
  const cells = counts.map((_, cell) => cell);
  const { hidden } = jointSuppression(
    counts,
    [
      { groupOf: cells, groupCount: cells.length },
      { groupOf: cells.map((cell) => cell % width), groupCount: width },
      { groupOf: cells.map((cell) => Math.floor(cell / width)), groupCount: names.length },
    ],
    threshold,
  );
  return waves.map((wave, column) =>
    names.flatMap((name, row) => {
      const group = wave.employees.units?.[name];
      if (!group) return [];
      const cell = row * width + column;
      const suppressed = hidden[0][cell];
      return [
        {
          unit: name,
          n: suppressed ? null : group.n,
          enps: suppressed || counts[cell] === 0 ? null : netPromoterScore(group.recommendation),
          suppressed,
        },
      ];
    }),
  );
}
