import { orderWaves } from "../linkage/table";
import type { BenchmarkContribution } from "./contribution";

/** A pool shows figures only when at least this many organisations stand behind each one (docs/domain.md#benchmark). */
export const MIN_BENCHMARK_ORGANISATIONS = 10;

/** How many neighbouring organisations each published percentile averages. */
export const BENCHMARK_WINDOW = 5;

/** The percentiles a pool publishes, in percent. */
export const BENCHMARK_PERCENTILES = [10, 25, 50, 75, 90] as const;

/** Percentiles of one figure over the organisations that gave it. */
export interface PoolPercentiles {
  readonly organisations: number;
  readonly p10: number;
  readonly p25: number;
  readonly p50: number;
  readonly p75: number;
  readonly p90: number;
}

/** What a pool publishes: percentiles only, each over at least MIN_BENCHMARK_ORGANISATIONS organisations. */
export interface BenchmarkSummary {
  readonly organisations: number;
  /** Per dimension id; a dimension given by too few organisations is left out. */
  readonly dimensions: Record<string, PoolPercentiles>;
  readonly enps: PoolPercentiles | null;
  readonly nps: PoolPercentiles | null;
}

/** A stored contribution with the organisation it came from. */
export interface PooledContribution extends BenchmarkContribution {
  readonly organisation: string;
}

/**
 * The contributions a summary is built on: with a wave, that wave's; without, each
 * organisation's latest wave (waves in `orderWaves` order), so an organisation counts once.
 */
export function latestContributions<Row extends PooledContribution>(rows: readonly Row[], wave?: string): Row[] {
  if (wave !== undefined) return rows.filter((row) => row.wave === wave);
  const order = orderWaves(rows.map((row) => row.wave));
  const latest = new Map<string, Row>();
  for (const row of rows) {
    const kept = latest.get(row.organisation);
    if (!kept || order.indexOf(row.wave) > order.indexOf(kept.wave)) latest.set(row.organisation, row);
  }
  return [...latest.values()];
}

/**
 * One published percentile: the mean of the BENCHMARK_WINDOW organisations nearest to it, rounded
 * to a whole point. Over n sorted scores the window starts at clamp(⌊p·(n−1) + 0.5⌋ − 2, 0, n − 5)
 * and the result is ⌊mean + 0.5⌋. No published figure is then any one organisation's score, and
 * adding, changing or removing one organisation moves a figure by a fifth of the change, hidden
 * by the rounding (docs/api.md, "Pool privacy").
 *
 * @param sorted scores in increasing order, at least BENCHMARK_WINDOW of them
 * @param fraction the percentile as a fraction (0.1 for p10)
 */
export function publishedPercentile(sorted: readonly number[], fraction: number): number {
  const centre = Math.floor(fraction * (sorted.length - 1) + 0.5);
  const start = Math.min(Math.max(centre - Math.floor(BENCHMARK_WINDOW / 2), 0), sorted.length - BENCHMARK_WINDOW);
  let sum = 0;
  for (let index = start; index < start + BENCHMARK_WINDOW; index++) sum += sorted[index];
  return Math.floor(sum / BENCHMARK_WINDOW + 0.5);
}

/** Published percentiles of `values`, or null under the minimum. */
function percentilesOf(values: number[], minimum: number): PoolPercentiles | null {
  if (values.length < Math.max(minimum, BENCHMARK_WINDOW)) return null;
  const sorted = [...values].sort((a, b) => a - b);
  const at = (percent: number) => publishedPercentile(sorted, percent / 100);
  return { organisations: values.length, p10: at(10), p25: at(25), p50: at(50), p75: at(75), p90: at(90) };
}

/**
 * Summarises a pool of organisations (one contribution each): p10, p25, p50, p75 and p90 of
 * each dimension score, eNPS and NPS, each the rounded mean of the 5 organisations nearest to it
 * (`publishedPercentile`). No single organisation's row is returned, a figure is published only
 * when at least `minimum` organisations gave it, and under the minimum nothing says how many did.
 *
 * @returns the summary, or null when fewer than `minimum` organisations contribute
 */
export function summarisePool(
  contributions: readonly BenchmarkContribution[],
  minimum = MIN_BENCHMARK_ORGANISATIONS,
): BenchmarkSummary | null {
  if (contributions.length < Math.max(minimum, BENCHMARK_WINDOW)) return null;
  const ids = [...new Set(contributions.flatMap((contribution) => Object.keys(contribution.dimensions)))].sort();
  const dimensions: Record<string, PoolPercentiles> = {};
  for (const id of ids) {
    const summary = percentilesOf(
      contributions.flatMap((contribution) => (contribution.dimensions[id] === undefined ? [] : [contribution.dimensions[id]])),
      minimum,
    );
    if (summary) dimensions[id] = summary;
  }
  const given = (pick: (contribution: BenchmarkContribution) => number | null) =>
    contributions.flatMap((contribution) => (pick(contribution) === null ? [] : [pick(contribution)!]));
  return {
    organisations: contributions.length,
    dimensions,
    enps: percentilesOf(
      given((contribution) => contribution.enps),
      minimum,
    ),
    nps: percentilesOf(
      given((contribution) => contribution.nps),
      minimum,
    ),
  };
}
