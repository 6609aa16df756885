import type { Services } from "../services";
import type { Log } from "./worker";

/** How long a job may sit `queued` before its message is presumed lost and sent again. */
export const LOST_MESSAGE_AFTER_MS = 10 * 60 * 1000;

/**
 * Housekeeping run by the timer trigger:
 * - deletes jobs past their time to live (state, payload, result, idempotency key);
 * - re-sends the message of jobs still `queued` long after creation (a request that died between
 *   storing the job and enqueueing it). A redundant message is harmless: the worker is idempotent.
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
  for await (const job of services.jobs.queuedBefore(new Date(now.getTime() - LOST_MESSAGE_AFTER_MS))) {
    if (job.expiresAt <= now) continue;
    await services.queue.send({ jobId: job.id });
    requeued += 1;
    log(`job ${job.id} still queued after ${Math.round(LOST_MESSAGE_AFTER_MS / 60000)} min; message sent again`);
  }
  return { deleted, requeued };
}
