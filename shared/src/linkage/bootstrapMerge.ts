import { SymError } from "../errors";
import { bootstrapTailSize, mergeSeriesSummaries, summariseSeries, type SeriesSummary } from "./bootstrapSummary";
import type { BootstrapChunk } from "./bootstrap";
import type { LinkagePlan } from "./plan";
import { linkageResult } from "./rows";
import type { LinkageResult } from "./schemas";

/**
 * What a chunk of replicates contributes to the intervals (bootstrapSummary.ts): per series, the
 * count of finite replicates and the few order statistics at each end the percentiles can read.
 * Summaries of any split of [0, B) merge into the same intervals as the replicates themselves.
 */
export interface BootstrapChunkSummary {
  from: number;
  to: number;
  /** Same series order as BootstrapChunk.correlations. */
  correlations: SeriesSummary[];
  /** Same series order as BootstrapChunk.drivers. */
  drivers: SeriesSummary[];
}

/** How many correlation and driver series a plan's replicates carry. */
export function seriesCounts(plan: LinkagePlan): { correlations: number; drivers: number } {
  return {
    correlations: plan.request.methods.length * plan.pairs.length,
    drivers: plan.drivers.reduce((sum, driver) => sum + driver.predictors.length, 0),
  };
}

/** Summarises a computed chunk for merging (its raw replicates are then no longer needed). */
export function summariseBootstrapChunk(plan: LinkagePlan, chunk: BootstrapChunk): BootstrapChunkSummary {
  const tail = bootstrapTailSize(plan.request.bootstrap, plan.request.confidence);
  return {
    from: chunk.from,
    to: chunk.to,
    correlations: chunk.correlations.map((series) => summariseSeries(series, tail)),
    drivers: chunk.drivers.map((series) => summariseSeries(series, tail)),
  };
}

/**
 * Folds chunk summaries, in any order and one at a time, into the linkage result. Its memory is
 * the summaries' (series × 2 × bootstrapTailSize numbers), not the B replicates of every series.
 * A range seen twice (a redelivered chunk) is counted once; overlapping ranges, a summary of
 * another plan, or missing replicates at the end are refused.
 */
export class BootstrapMerge {
  private readonly tail: number;
  private readonly counts: { correlations: number; drivers: number };
  private readonly ranges = new Map<number, number>();
  private correlations: SeriesSummary[];
  private drivers: SeriesSummary[];

  constructor(private readonly plan: LinkagePlan) {
    this.tail = bootstrapTailSize(plan.request.bootstrap, plan.request.confidence);
    this.counts = seriesCounts(plan);
    const empty = (): SeriesSummary => ({ count: 0, smallest: [], largest: [] });
    this.correlations = Array.from({ length: this.counts.correlations }, empty);
    this.drivers = Array.from({ length: this.counts.drivers }, empty);
  }

  /** Adds one chunk's summary; returns false when that range was already added. */
  add(summary: BootstrapChunkSummary): boolean {
    const { from, to } = summary;
    if (!Number.isInteger(from) || !Number.isInteger(to) || from < 0 || to <= from || to > this.plan.request.bootstrap) {
      throw new SymError(
        "invalid-argument",
        `bootstrap chunk ${from}–${to} is outside the ${this.plan.request.bootstrap} replicates of this linkage`,
      );
    }
    if (this.ranges.get(from) === to) return false; // a queue delivers at least once
    for (const [start, end] of this.ranges) {
      if (from < end && start < to) throw new SymError("invalid-argument", `bootstrap chunk ${from}–${to} overlaps chunk ${start}–${end}`);
    }
    const length = to - from;
    const shaped = (series: SeriesSummary[], count: number) =>
      series.length === count && series.every((one) => one.count <= length && one.smallest.length + one.largest.length <= one.count);
    if (!shaped(summary.correlations, this.counts.correlations) || !shaped(summary.drivers, this.counts.drivers)) {
      throw new SymError("shape-mismatch", `bootstrap chunk ${from}–${to} does not match this linkage (another request or plan?)`);
    }
    this.correlations = this.correlations.map((merged, index) => mergeSeriesSummaries(merged, summary.correlations[index], this.tail));
    this.drivers = this.drivers.map((merged, index) => mergeSeriesSummaries(merged, summary.drivers[index], this.tail));
    this.ranges.set(from, to);
    return true;
  }

  /** The linkage result, once the chunks cover every replicate. */
  complete(): LinkageResult {
    const covered = [...this.ranges].reduce((sum, [from, to]) => sum + (to - from), 0);
    if (covered !== this.plan.request.bootstrap) {
      const sorted = [...this.ranges].sort((a, b) => a[0] - b[0]);
      let expected = 0;
      for (const [from, to] of sorted) {
        if (from !== expected) throw new SymError("invalid-argument", `bootstrap chunks do not cover replicates ${expected}–${from - 1}`);
        expected = to;
      }
      throw new SymError("invalid-argument", `bootstrap chunks cover ${covered} of ${this.plan.request.bootstrap} replicates`);
    }
    return linkageResult(this.plan, this.correlations, this.drivers);
  }
}
