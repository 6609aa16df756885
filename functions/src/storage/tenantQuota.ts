import type { TableClient } from "@azure/data-tables";
import { StoreConflict, storageStatus } from "./errors";

/** What a tenant may submit: a token bucket of jobs per minute and a ceiling of jobs not yet finished. */
export interface QuotaLimits {
  /** Bucket size and refill: this many jobs at once, then one every 60 / jobsPerMinute seconds. */
  readonly jobsPerMinute: number;
  /** Jobs queued or running at the same time. */
  readonly concurrentJobs: number;
}

export type Admission =
  | { readonly admitted: true }
  | { readonly admitted: false; readonly reason: "rate" | "concurrency"; readonly retryAfterSeconds: number; readonly message: string };

/** A job the quota still counts as active: its id and when it was admitted. */
interface ActiveJob {
  readonly id: string;
  readonly at: number;
}

interface QuotaEntity {
  partitionKey: string;
  rowKey: string;
  tokens: number;
  refilledAt: number;
  /** JSON of ActiveJob[] (at most `concurrentJobs` entries). */
  active: string;
}

/**
 * What the job store says about an admitted job: "missing" both before the admitting submission
 * has created it and after a submission that died between admission and creation.
 */
export type ActiveJobState = "active" | "finished" | "missing";

/**
 * How long an admitted job may stay missing from the job store before its slot is freed: as long
 * as a submission can run between admission and creating the job, host.json's functionTimeout of
 * 10 minutes (the caller has its answer or a timeout after 230 s, but the execution may go on:
 * "Function app timeout duration", learn.microsoft.com/azure/azure-functions/functions-scale).
 * A slot is never freed under a submission still in flight.
 */
export const MISSING_JOB_GRACE_MS = 10 * 60_000;

/** Whether a listed job still takes a slot. */
export function stillCounts(state: ActiveJobState, ageMs: number): boolean {
  return state === "active" || (state === "missing" && ageMs <= MISSING_JOB_GRACE_MS);
}

/**
 * Tokens after `elapsedMs` of refill at `jobsPerMinute`, capped at the bucket size (token bucket,
 * as in RFC 2697's committed burst, one token per job).
 */
export function refilledTokens(tokens: number, elapsedMs: number, jobsPerMinute: number): number {
  return Math.min(jobsPerMinute, tokens + (Math.max(0, elapsedMs) * jobsPerMinute) / 60_000);
}

/** Seconds until one token is back (Retry-After), at least 1. */
export function secondsUntilToken(tokens: number, jobsPerMinute: number): number {
  return Math.max(1, Math.ceil(((1 - tokens) * 60) / jobsPerMinute));
}

/** Most shards of a tenant's quota: enough to spread a burst of submissions, few enough to scan. */
export const MAX_QUOTA_SHARDS = 8;

/**
 * Jobs a minute each shard must at least have. A refused submission's Retry-After is the soonest
 * token of any shard, and a shard refills at its own share of the rate: small quotas stay in one
 * entity, so their answers are exactly those of a single bucket.
 */
export const MIN_JOBS_PER_MINUTE_PER_SHARD = 15;

/** One shard's share of a tenant's limits. */
export interface ShardLimits {
  readonly jobsPerMinute: number;
  readonly concurrentJobs: number;
}

/**
 * Splits a tenant's limits over shards so that their sums are exactly the tenant's: whole tokens
 * and whole slots, the first shards taking one more of each when the split is uneven, and any
 * fraction of a token a minute on the first shard.
 */
export function shardLimits(limits: QuotaLimits): ShardLimits[] {
  const { jobsPerMinute, concurrentJobs } = limits;
  const count = Math.max(1, Math.min(MAX_QUOTA_SHARDS, Math.floor(jobsPerMinute / MIN_JOBS_PER_MINUTE_PER_SHARD), concurrentJobs));
  const wholeJobs = Math.floor(jobsPerMinute);
  const split = (total: number, index: number) => Math.floor(total / count) + (index < total % count ? 1 : 0);
  return Array.from({ length: count }, (_, index) => ({
    jobsPerMinute: split(wholeJobs, index) + (index === 0 ? jobsPerMinute - wholeJobs : 0),
    concurrentJobs: split(concurrentJobs, index),
  }));
}

/** A shard's own answer: the tenant-level message is written once, when every shard refused. */
interface ShardRefusal {
  readonly reason: "rate" | "concurrency";
  readonly retryAfterSeconds: number;
}

type ShardOutcome = "admitted" | "conflict" | ShardRefusal;

/**
 * Per-tenant admission of jobs in table storage (partition = tenant). The tenant's token bucket
 * and its ceiling of active jobs are split over a few shard entities whose limits add up to the
 * tenant's: a submission starts at a random shard and moves on when that one is empty, full or
 * being updated by another submission, so a burst of one tenant's submissions no longer queues on
 * one entity (a single entity serves about one conditional update per round trip, and losers of
 * an ETag race must re-read it). It is refused only when every shard refuses. Each shard is
 * updated with an ETag condition, so two submissions never take the same last token or slot.
 * Jobs are never "released": a full shard prunes its list by asking `jobState` about its
 * entries, so a worker that dies cannot leak a slot.
 */
export class TableTenantQuota {
  private readonly shards: ShardLimits[];

  constructor(
    private readonly table: TableClient,
    private readonly limits: QuotaLimits,
    private readonly jobState: (jobId: string) => Promise<ActiveJobState>,
    private readonly random: () => number = Math.random,
  ) {
    this.shards = shardLimits(limits);
  }

  /**
   * Admits `jobId` for `tenant` now, or says when to retry. Throws StoreConflict("stale") when no
   * shard admitted it and at least one changed under it: the caller retries with backoff.
   */
  async admit(tenant: string, jobId: string, now = Date.now()): Promise<Admission> {
    const first = Math.floor(this.random() * this.shards.length);
    const refusals: ShardRefusal[] = [];
    let conflicted = false;
    for (let step = 0; step < this.shards.length; step++) {
      const index = (first + step) % this.shards.length;
      const outcome = await this.admitInShard(tenant, index, jobId, now);
      if (outcome === "admitted") return { admitted: true };
      if (outcome === "conflict") conflicted = true;
      else refusals.push(outcome);
    }
    if (conflicted) throw new StoreConflict("stale", `the quota of tenant ${tenant} changed concurrently`);
    return this.refusal(refusals);
  }

  /** The tenant-level answer when every shard refused: concurrency first, else the soonest token. */
  private refusal(refusals: ShardRefusal[]): Admission {
    const { jobsPerMinute, concurrentJobs } = this.limits;
    if (refusals.some((refusal) => refusal.reason === "concurrency")) {
      return {
        admitted: false,
        reason: "concurrency",
        retryAfterSeconds: 5,
        message: `this tenant already has ${concurrentJobs} jobs queued or running, the limit (setting SYM_MAX_CONCURRENT_JOBS); retry when one finishes`,
      };
    }
    const retryAfterSeconds = Math.min(...refusals.map((refusal) => refusal.retryAfterSeconds));
    return {
      admitted: false,
      reason: "rate",
      retryAfterSeconds,
      message: `this tenant submitted more than ${jobsPerMinute} jobs a minute (setting SYM_JOBS_PER_MINUTE); retry in ${retryAfterSeconds} s`,
    };
  }

  private async admitInShard(tenant: string, index: number, jobId: string, now: number): Promise<ShardOutcome> {
    const { jobsPerMinute, concurrentJobs } = this.shards[index]!;
    const rowKey = `jobs-${index}`;
    let entity: (QuotaEntity & { etag?: string }) | undefined;
    try {
      entity = await this.table.getEntity<QuotaEntity>(tenant, rowKey);
    } catch (error) {
      if (storageStatus(error) !== 404) throw error;
    }
    const tokens = entity ? refilledTokens(entity.tokens, now - entity.refilledAt, jobsPerMinute) : jobsPerMinute;
    let active: ActiveJob[] = entity ? (JSON.parse(entity.active) as ActiveJob[]) : [];
    if (active.length >= concurrentJobs) {
      const states = await Promise.all(active.map((job) => this.jobState(job.id)));
      active = active.filter((job, position) => stillCounts(states[position]!, now - job.at));
    }
    if (active.length >= concurrentJobs) return { reason: "concurrency", retryAfterSeconds: 5 };
    if (tokens < 1) return { reason: "rate", retryAfterSeconds: secondsUntilToken(tokens, jobsPerMinute) };
    const next: QuotaEntity = {
      partitionKey: tenant,
      rowKey,
      tokens: tokens - 1,
      refilledAt: now,
      active: JSON.stringify([...active, { id: jobId, at: now }]),
    };
    try {
      if (entity) await this.table.updateEntity(next, "Replace", { etag: entity.etag });
      else await this.table.createEntity(next);
    } catch (error) {
      if (storageStatus(error) === 412 || storageStatus(error) === 409) return "conflict";
      throw error;
    }
    return "admitted";
  }
}
