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

/**
 * Per-tenant admission of jobs, one table entity per tenant (partition = tenant), updated with
 * ETag conditions so concurrent submissions of one tenant never both take the last token. Jobs
 * are never "released": the active list is pruned by asking `isFinished` about its entries when it
 * is full, so a worker that dies cannot leak a slot.
 */
export class TableTenantQuota {
  constructor(
    private readonly table: TableClient,
    private readonly limits: QuotaLimits,
    private readonly isFinished: (jobId: string) => Promise<boolean>,
  ) {}

  /** Admits `jobId` for `tenant` now, or says when to retry; conflicting updates are retried by the caller's `retry`. */
  async admit(tenant: string, jobId: string, now = Date.now()): Promise<Admission> {
    const { jobsPerMinute, concurrentJobs } = this.limits;
    let entity: (QuotaEntity & { etag?: string }) | undefined;
    try {
      entity = await this.table.getEntity<QuotaEntity>(tenant, "jobs");
    } catch (error) {
      if (storageStatus(error) !== 404) throw error;
    }
    const tokens = entity ? refilledTokens(entity.tokens, now - entity.refilledAt, jobsPerMinute) : jobsPerMinute;
    let active: ActiveJob[] = entity ? (JSON.parse(entity.active) as ActiveJob[]) : [];
    if (active.length >= concurrentJobs) {
      const finished = await Promise.all(active.map((job) => this.isFinished(job.id)));
      active = active.filter((_, index) => !finished[index]);
    }
    if (active.length >= concurrentJobs) {
      return {
        admitted: false,
        reason: "concurrency",
        retryAfterSeconds: 5,
        message: `this tenant already has ${active.length} jobs queued or running, the limit (setting SYM_MAX_CONCURRENT_JOBS); retry when one finishes`,
      };
    }
    if (tokens < 1) {
      const retryAfterSeconds = secondsUntilToken(tokens, jobsPerMinute);
      return {
        admitted: false,
        reason: "rate",
        retryAfterSeconds,
        message: `this tenant submitted more than ${jobsPerMinute} jobs a minute (setting SYM_JOBS_PER_MINUTE); retry in ${retryAfterSeconds} s`,
      };
    }
    const next: QuotaEntity = {
      partitionKey: tenant,
      rowKey: "jobs",
      tokens: tokens - 1,
      refilledAt: now,
      active: JSON.stringify([...active, { id: jobId, at: now }]),
    };
    try {
      if (entity) await this.table.updateEntity(next, "Replace", { etag: entity.etag });
      else await this.table.createEntity(next);
    } catch (error) {
      if (storageStatus(error) === 412 || storageStatus(error) === 409)
        throw new StoreConflict("stale", `the quota of tenant ${tenant} changed concurrently`);
      throw error;
    }
    return { admitted: true };
  }
}
