import {
  checkLinkageLimits,
  bootstrapChunk,
  BootstrapMerge,
  summariseBootstrapChunk,
  bootstrapRanges,
  LinkageRequestSchema,
  planLinkage,
  type BootstrapChunkSummary,
  type LinkagePlan,
  type LinkageLimits,
  type LinkageResult,
  type ParsedLinkageRequest,
} from "@symmetry/engine";
import { defineFanOutJobKind, type ChunkLayout } from "./kind";

/** A job never splits into more chunks than this, whatever the chunk size setting says. */
export const MAX_LINKAGE_CHUNKS = 1000;

/**
 * Payload of a `linkage` job: the engine's `LinkageRequest` (unit aggregates only; the schema is
 * strict, so respondent rows are refused). Its `minN` cannot go below the 5 employees of docs/domain.md#confidentiality
 * (the engine's floor, `CONFIDENTIALITY_FLOOR`): no caller obtains figures built on smaller units.
 */
export const LinkagePayloadSchema = LinkageRequestSchema;

/**
 * Plans of the jobs this process worked on last: chunks of one job delivered to the same worker
 * skip re-planning. `bootstrapChunk` reloads the plan's columns for every replicate and runs
 * synchronously, so a cached plan gives the same numbers as a fresh one.
 */
const recentPlans = new Map<string, LinkagePlan>();
const RECENT_PLANS = 4;

function planOf(jobId: string, request: ParsedLinkageRequest, limits: LinkageLimits): LinkagePlan {
  let plan = recentPlans.get(jobId);
  if (!plan) {
    plan = planLinkage(request, limits);
    recentPlans.set(jobId, plan);
    if (recentPlans.size > RECENT_PLANS) recentPlans.delete(recentPlans.keys().next().value!);
  }
  return plan;
}

/** Chunk size: the setting, raised when B would otherwise make more than MAX_LINKAGE_CHUNKS chunks. */
export function linkageChunkLayout(replicates: number, chunkReplicates: number): ChunkLayout {
  const size = Math.max(chunkReplicates, Math.ceil(replicates / MAX_LINKAGE_CHUNKS), 1);
  return { count: bootstrapRanges(replicates, size).length, size };
}

/**
 * The `linkage` kind: cross-unit linkage by the engine (shared/src/linkage), its
 * bootstrap fanned out over the queue. `split` plans the request (every input error — unknown
 * metric, too few units, constant column — fails the job here, before any chunk is enqueued) and
 * cuts the B replicates into `bootstrapRanges` of SYM_LINKAGE_CHUNK_REPLICATES; each chunk is
 * `bootstrapChunk` on its range, stored as its summary (`summariseBootstrapChunk`); the merge folds
 * the summaries with `BootstrapMerge`. Replicates are seeded one by one and the summaries keep every
 * order statistic the intervals read, so the result equals `runLinkage` on the same request however
 * it is split.
 */
export const linkageJob = defineFanOutJobKind<ParsedLinkageRequest, LinkageResult, BootstrapChunkSummary>({
  payloadSchema: LinkagePayloadSchema,
  checkLimits(request, settings) {
    checkLinkageLimits(request, settings.linkageLimits);
  },
  split(request, context) {
    planOf(context.jobId, request, context.settings.linkageLimits);
    return linkageChunkLayout(request.bootstrap, context.settings.linkageChunkReplicates);
  },
  async runChunk(request, chunk, context) {
    const range = bootstrapRanges(request.bootstrap, chunk.size)[chunk.index];
    if (!range) throw new Error(`chunk ${chunk.index} is outside the job's ${request.bootstrap} replicates`);
    const plan = planOf(context.jobId, request, context.settings.linkageLimits);
    // Only the summary leaves the worker: the few order statistics each interval needs.
    return summariseBootstrapChunk(plan, bootstrapChunk(plan, range.from, range.to));
  },
  startMerge(request, context) {
    const merge = new BootstrapMerge(planOf(context.jobId, request, context.settings.linkageLimits));
    return {
      add: (_index, summary) => void merge.add(summary),
      complete: async () => {
        const result = merge.complete();
        recentPlans.delete(context.jobId);
        return result;
      },
    };
  },
});
