import type { Services } from "../services";
import { StoreConflict } from "../storage/errors";
import type { Log } from "./worker";

/** How long a job may sit `queued` before its message is presumed lost and sent again. */
export const LOST_MESSAGE_AFTER_MS = 10 * 60 * 1000;

/**
 * Housekeeping run by the timer trigger:
 * - deletes jobs past their time to live (state, payload, result, idempotency key);
 * - re-sends the message of jobs still `queued` long after creation (a request that died between
 *   storing the job and enqueueing it), at most once per LOST_MESSAGE_AFTER_MS for each job (its
 *   `resentAt`, set by a conditional update, so two runs never both re-send), looking only at jobs
 *   created within their time to live. A redundant message is harmless: the worker is idempotent.
 */
export async function cleanUpJobs(services: Services, now: Date, log: Log): Promise<{ deleted: number; requeued: number }> {
  let deleted = 0;
  for await (const job of services.jobs.expired(now)) {
    await services.jobData.delete(job.id);
    if (job.idempotencyKey) await services.jobs.releaseIdempotencyKey(job.tenant, job.idempotencyKey);
    await services.jobs.delete(job.id);
    deleted += 1;
    log(`job ${job.id} expired; deleted`);
  }
  let requeued = 0;
  const oldestLive = new Date(now.getTime() - services.settings.jobTtlHours * 3600_000);
  for await (const job of services.jobs.queuedBefore(new Date(now.getTime() - LOST_MESSAGE_AFTER_MS), oldestLive)) {
    if (job.expiresAt <= now) continue;
    // Once per interval: a job still queued because the queue is long must not gain a message per run.
    if (job.resentAt && now.getTime() - job.resentAt.getTime() < LOST_MESSAGE_AFTER_MS) continue;
    try {
      await services.jobs.update(job, { resentAt: now });
    } catch (error) {
      if (error instanceof StoreConflict) continue; // started meanwhile, or another cleanup run re-sent it
      throw error;
    }
    await services.queue.send({ jobId: job.id });
    requeued += 1;
    log(`job ${job.id} still queued after ${Math.round(LOST_MESSAGE_AFTER_MS / 60000)} min; message sent again`);
  }
  return { deleted, requeued };
}
