import { SymError } from "../errors";
import type { BenchmarkSummary, PoolPercentiles } from "./pool";

/** Where an organisation stands in a pool, as a percentile rank. */
export interface PercentileRank {
  /** Percentile rank, 10–90: the pool publishes nothing beyond its 10th and 90th percentiles. */
  readonly rank: number;
  /** `below` the 10th or `above` the 90th percentile (rank is then 10 or 90), else `within`. */
  readonly position: "below" | "within" | "above";
}

/**
 * An organisation's percentile rank from a pool's published percentiles: the inverse of the
 * piecewise-linear quantile function through (10, p10), (25, p25), (50, p50), (75, p75),
 * (90, p90), as numpy.interp(value, [p10…p90], [10…90]) computes it for increasing percentiles.
 * When the value sits on a flat stretch (equal percentiles) the rank is the middle of the stretch.
 *
 * @example percentileRank(60, { p10: 40, p25: 50, p50: 60, p75: 70, p90: 80, organisations: 9 }) // { rank: 50, position: "within" }
 * @throws invalid-argument when the value is not a finite number or the percentiles decrease
 */
export function percentileRank(value: number, percentiles: Omit<PoolPercentiles, "organisations">): PercentileRank {
  if (!Number.isFinite(value)) throw new SymError("invalid-argument", `percentileRank requires a finite value, got ${value}`, { value });
  const points: [number, number][] = [
    [10, percentiles.p10],
    [25, percentiles.p25],
    [50, percentiles.p50],
    [75, percentiles.p75],
    [90, percentiles.p90],
  ];
  for (let index = 1; index < points.length; index++) {
    if (!(points[index][1] >= points[index - 1][1])) {
      throw new SymError(
        "invalid-argument",
        `percentileRank requires non-decreasing percentiles, got p${points[index - 1][0]} = ${points[index - 1][1]} > p${points[index][0]} = ${points[index][1]}`,
      );
    }
  }
  if (value < points[0][1]) return { rank: 10, position: "below" };
  if (value > points[points.length - 1][1]) return { rank: 90, position: "above" };
  // Lowest and highest rank at which the quantile function takes this value.
  let lowest = Number.POSITIVE_INFINITY;
  let highest = Number.NEGATIVE_INFINITY;
  for (let index = 1; index < points.length; index++) {
    const [rankBelow, valueBelow] = points[index - 1];
    const [rankAbove, valueAbove] = points[index];
    if (value < valueBelow || value > valueAbove) continue;
    if (valueAbove === valueBelow) {
      lowest = Math.min(lowest, rankBelow);
      highest = Math.max(highest, rankAbove);
    } else {
      const rank = rankBelow + ((value - valueBelow) / (valueAbove - valueBelow)) * (rankAbove - rankBelow);
      lowest = Math.min(lowest, rank);
      highest = Math.max(highest, rank);
    }
  }
  return { rank: (lowest + highest) / 2, position: "within" };
}

/** An organisation's ranks in a pool, per dimension and for eNPS and NPS (null where either side has no figure). */
export interface BenchmarkRanks {
  readonly dimensions: Record<string, PercentileRank>;
  readonly enps: PercentileRank | null;
  readonly nps: PercentileRank | null;
}

/**
 * Ranks an organisation's figures (e.g. its barometer's employee dimension scores, eNPS and NPS)
 * in a pool summary with `percentileRank`; dimensions the pool does not publish are left out.
 */
export function percentileRanks(
  figures: { dimensions: Record<string, number | null | undefined>; enps?: number | null; nps?: number | null },
  summary: BenchmarkSummary,
): BenchmarkRanks {
  const dimensions: Record<string, PercentileRank> = {};
  for (const [id, value] of Object.entries(figures.dimensions)) {
    const pool = summary.dimensions[id];
    if (pool && typeof value === "number" && Number.isFinite(value)) dimensions[id] = percentileRank(value, pool);
  }
  const rankOf = (value: number | null | undefined, pool: PoolPercentiles | null) =>
    pool && typeof value === "number" && Number.isFinite(value) ? percentileRank(value, pool) : null;
  return { dimensions, enps: rankOf(figures.enps, summary.enps), nps: rankOf(figures.nps, summary.nps) };
}
