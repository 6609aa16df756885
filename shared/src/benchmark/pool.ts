import { percentile } from "../linkage/percentile";
import { orderWaves } from "../linkage/table";
import type { BenchmarkContribution } from "./contribution";

/** A pool shows figures only when at least this many organisations stand behind each one. */
export const MIN_BENCHMARK_ORGANISATIONS = 5;

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

/** Percentiles of `values` (numpy.percentile's default linear interpolation), or null under the minimum. */
function percentilesOf(values: number[], minimum: number): PoolPercentiles | null {
  if (values.length < minimum) return null;
  const at = (percent: number) => percentile(values, percent / 100);
  return { organisations: values.length, p10: at(10), p25: at(25), p50: at(50), p75: at(75), p90: at(90) };
}

/**
 * Summarises a pool of organisations (one contribution each): p10, p25, p50, p75 and p90 of
 * each dimension score, eNPS and NPS, with linear interpolation between order statistics (type 7
 * of Hyndman & Fan 1996, numpy.percentile's default). No single organisation's row is returned,
 * and a figure is published only when at least `minimum` organisations gave it.
 *
 * @returns the summary, or `{ have }` when fewer than `minimum` organisations contribute
 */
export function summarisePool(
  contributions: readonly BenchmarkContribution[],
  minimum = MIN_BENCHMARK_ORGANISATIONS,
): BenchmarkSummary | { have: number } {
  if (contributions.length < minimum) return { have: contributions.length };
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
