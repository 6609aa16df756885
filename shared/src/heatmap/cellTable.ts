import type { SampleSummary } from "../_lib/summary";

/**
 * A population folded into *cells*: one cell per combination of the row labels a heat map may
 * group by (unit, manager, wave and any attribute column). Groups of any grouping are sums of
 * cells, so one pass over the rows serves every grouping, and joint suppression can see how the
 * groupings nest (a manager inside a unit, a unit inside its type).
 *
 * Per cell and dimension it keeps the count, and the sum and sum of squares of the respondent
 * scores shifted by 50 (the middle of 0–100, so squares stay small and `Σ(x−50)² − (Σ(x−50))²/n`
 * loses no precision), as `ColumnarPopulationAccumulator` does.
 */
export interface CellTable {
  /** Dimension ids, in the order of the per-cell arrays. */
  readonly dimensions: readonly string[];
  /** Names of the row labels (`unit`, `manager`, `wave`, then attribute columns). */
  readonly keyNames: readonly string[];
  /** `keys[k][cell]`: the cell's value of label `keyNames[k]` ("" when the rows have none). */
  readonly keys: readonly (readonly string[])[];
  /** Respondents per cell. */
  readonly respondents: Float64Array;
  readonly promoters: Float64Array;
  readonly passives: Float64Array;
  readonly detractors: Float64Array;
  /** `cell × dimensions.length + dimension`: scores counted, Σ(score − 50), Σ(score − 50)². */
  readonly counts: Float64Array;
  readonly shiftedSums: Float64Array;
  readonly shiftedSquares: Float64Array;
}

/** Sums of a set of cells: respondents, eNPS answers and one summary per dimension. */
export interface CellSums {
  respondents: number;
  promoters: number;
  passives: number;
  detractors: number;
  dimensions: SampleSummary[];
}

/**
 * Sums cells into groups: `groupOf[cell]` (−1: none). Group score = mean over its respondents
 * (docs/domain.md#group-score), recovered from the shifted sums: mean = 50 + Σ/n, M2 = Σ² − (Σ)²/n.
 */
export function sumCells(table: CellTable, groupOf: ArrayLike<number>, groupCount: number): CellSums[] {
  const dimensionCount = table.dimensions.length;
  const respondents = new Float64Array(groupCount);
  const promoters = new Float64Array(groupCount);
  const passives = new Float64Array(groupCount);
  const detractors = new Float64Array(groupCount);
  const count = new Float64Array(groupCount * dimensionCount);
  const sum = new Float64Array(groupCount * dimensionCount);
  const squares = new Float64Array(groupCount * dimensionCount);
  for (let cell = 0; cell < groupOf.length; cell++) {
    const group = groupOf[cell];
    if (group < 0) continue;
    respondents[group] += table.respondents[cell];
    promoters[group] += table.promoters[cell];
    passives[group] += table.passives[cell];
    detractors[group] += table.detractors[cell];
    for (let dimension = 0; dimension < dimensionCount; dimension++) {
      count[group * dimensionCount + dimension] += table.counts[cell * dimensionCount + dimension];
      sum[group * dimensionCount + dimension] += table.shiftedSums[cell * dimensionCount + dimension];
      squares[group * dimensionCount + dimension] += table.shiftedSquares[cell * dimensionCount + dimension];
    }
  }
  const groups: CellSums[] = [];
  for (let group = 0; group < groupCount; group++) {
    const dimensions: SampleSummary[] = [];
    for (let dimension = 0; dimension < dimensionCount; dimension++) {
      const index = group * dimensionCount + dimension;
      const n = count[index];
      dimensions.push({
        n,
        mean: n === 0 ? 0 : 50 + sum[index] / n,
        squaredDeviations: n === 0 ? 0 : Math.max(0, squares[index] - (sum[index] * sum[index]) / n),
      });
    }
    groups.push({
      respondents: respondents[group],
      promoters: promoters[group],
      passives: passives[group],
      detractors: detractors[group],
      dimensions,
    });
  }
  return groups;
}

/** The values of one label per cell, or undefined when the table has no such label. */
export function cellKey(table: CellTable, name: string): readonly string[] | undefined {
  const index = table.keyNames.indexOf(name);
  return index < 0 ? undefined : table.keys[index];
}
