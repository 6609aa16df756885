import { SymError } from "../errors";
import { bootstrapChunk, type BootstrapChunk } from "./bootstrap";
import { BootstrapMerge, seriesCounts, summariseBootstrapChunk } from "./bootstrapMerge";
import { planLinkage, type LinkagePlan } from "./plan";
import type { LinkageRequest, LinkageResult } from "./schemas";

/**
 * Cross-unit linkage (docs/domain.md#correlation): correlations of employee metrics with outcomes (Pearson,
 * Spearman, Fisher-z CI, p, Benjamini–Hochberg q, percentile bootstrap over units), quartile
 * comparison (as in Gallup's Q12 meta-analyses), key drivers by relative weights, and the money
 * value of eNPS through turnover. The bootstrap runs in chunks of replicates that any worker can
 * compute and any order can merge: same seed, same numbers, however the job is split.
 *
 * This module is the facade; the parts live in plan.ts (validation and preparation), bootstrap.ts
 * (replicates), bootstrapMerge.ts (chunk summaries and their merge), rows.ts (result rows) and
 * turnover.ts (turnover money).
 */

export { planLinkage, type LinkagePlan } from "./plan";
export { bootstrapChunk, bootstrapRanges, type BootstrapChunk } from "./bootstrap";
export { BootstrapMerge, summariseBootstrapChunk, type BootstrapChunkSummary } from "./bootstrapMerge";

/** Completes a linkage from its plan and every bootstrap chunk (in any order; a range given twice counts once). */
export function completeLinkage(plan: LinkagePlan, chunks: readonly BootstrapChunk[]): LinkageResult {
  const merge = new BootstrapMerge(plan);
  for (const chunk of chunks) {
    const { correlations, drivers } = seriesCounts(plan);
    const length = chunk.to - chunk.from;
    const shaped = (series: (number | null)[][], count: number) =>
      series.length === count && series.every((values) => values.length === length);
    if (!shaped(chunk.correlations, correlations) || !shaped(chunk.drivers, drivers)) {
      throw new SymError(
        "shape-mismatch",
        `bootstrap chunk ${chunk.from}–${chunk.to} does not match this linkage (another request or plan?)`,
      );
    }
    if (length > 0) merge.add(summariseBootstrapChunk(plan, chunk));
  }
  return merge.complete();
}

/** Runs a whole linkage in this thread. */
export function runLinkage(input: LinkageRequest): LinkageResult {
  const plan = planLinkage(input);
  return completeLinkage(plan, [bootstrapChunk(plan, 0, plan.request.bootstrap)]);
}
