import { randomUUID } from "node:crypto";
import { describeIssues, isSymError } from "@symmetry/engine";
import type { Services } from "../services";
import { StoreConflict } from "../storage/errors";
import { JobMessageSchema } from "../storage/jobQueue";
import type { JobError, JobRecord } from "../storage/jobStore";
import { finish, isTerminal, type Log } from "./completion";
import { withConflictRetries } from "./conflicts";
import { fanOutJob, runChunk } from "./fanOut";
import { isFanOutKind, JobFailure, type JobRunContext } from "./kind";
import { findJobKind } from "./registry";
import { TestFaultSchema } from "./request";

export type { Log } from "./completion";

/** A delivery of a queue message, as the queue trigger sees it. */
export interface Delivery {
  readonly message: unknown;
  /** 1 on the first delivery (trigger metadata `dequeueCount`). */
  readonly dequeueCount: number;
  /** Queue message id (trigger metadata `id`): the same on every redelivery of one message. */
  readonly messageId?: string;
}
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** Parses a queue message: the trigger hands over parsed JSON, or the text when it is not JSON. */
function parseMessage(message: unknown) {
  let value = message;
  if (typeof message === "string") {
    try {
      value = JSON.parse(message);
    } catch {
      return undefined;
    }
  }
  const parsed = JobMessageSchema.safeParse(value);
  return parsed.success ? parsed.data : undefined;
}

/**
 * Marks a job running for this delivery; returns the fresh state, or undefined to stop. A
 * redelivered split may meet a merge claim or an attempts update on the same entity: conflicts
 * are retried with backoff and jitter (conflicts.ts).
 */
async function start(services: Services, jobId: string, dequeueCount: number, log: Log): Promise<JobRecord | undefined> {
  return withConflictRetries(`job ${jobId}: starting`, async () => {
    const job = await services.jobs.get(jobId);
    if (!job) {
      log(`job ${jobId} not found (expired or never created); message dropped`);
      return undefined;
    }
    if (isTerminal(job)) {
      log(`job ${jobId} already ${job.status}; duplicate delivery ignored`);
      return undefined;
    }
    return services.jobs.update(job, {
      status: "running",
      attempts: Math.max(job.attempts, dequeueCount),
      startedAt: job.startedAt ?? new Date(),
    });
  });
}

/**
 * The state of the job a chunk message belongs to, or undefined to drop the message. Chunks do
 * not rewrite the job's status (the split made it `running`), so parallel chunks do not contend
 * for its ETag; only a delivery count above the job's attempts is recorded, best effort.
 */
async function chunkJob(services: Services, jobId: string, dequeueCount: number, log: Log): Promise<JobRecord | undefined> {
  const job = await services.jobs.get(jobId);
  if (!job) {
    log(`job ${jobId} not found (expired or never created); chunk message dropped`);
    return undefined;
  }
  if (isTerminal(job)) return undefined; // another chunk failed the job, or a duplicate after completion
  if (dequeueCount > job.attempts) {
    try {
      return await services.jobs.update(job, { attempts: dequeueCount });
    } catch (error) {
      if (!(error instanceof StoreConflict)) throw error;
    }
  }
  return job;
}

function failureOf(error: unknown): JobError | undefined {
  if (error instanceof JobFailure) return { code: error.code, message: error.message };
  // Engine errors are deterministic (a bad aggregate stays bad): fail now, do not retry.
  if (isSymError(error)) return { code: error.code, message: error.message };
  return undefined;
}

/**
 * Processes one delivery of a job message, idempotently (queue delivery is at-least-once).
 *
 * - Unknown or finished jobs: the message is dropped.
 * - Fan-out kinds (jobs/fanOut.ts): the job's own message splits it and enqueues its chunks; a
 *   `{jobId, chunk}` message computes one chunk, and the delivery finishing the last one merges.
 * - Deterministic failures (invalid payload, unknown model, engine errors): `failed` at once.
 * - Other errors (storage, crashes): rethrown so the host redelivers after the visibility
 *   timeout; the error is kept on the job, and the last allowed delivery (`maxDequeueCount`)
 *   marks the job `failed` with it before the host moves the message to the poison queue.
 */
export async function processJobDelivery(services: Services, delivery: Delivery, log: Log): Promise<void> {
  const message = parseMessage(delivery.message);
  if (!message) {
    log("job message is not {jobId, chunk?}; dropped");
    return;
  }
  const chunk = message.chunk;
  let job: JobRecord | undefined;
  try {
    job =
      chunk === undefined
        ? await start(services, message.jobId, delivery.dequeueCount, log)
        : await chunkJob(services, message.jobId, delivery.dequeueCount, log);
  } catch (error) {
    // Storage trouble or a state that kept changing: the same retry and last-delivery rules as the work itself.
    await recordTransientFailure(services, message.jobId, delivery, chunk, error, log);
    throw error;
  }
  if (!job) return;
  const subject = chunk === undefined ? `job ${job.id}` : `job ${job.id} chunk ${chunk}`;
  log(`${subject} running (kind ${job.kind}, attempt ${delivery.dequeueCount})`);

  let latest = job;
  const context: JobRunContext = {
    jobId: job.id,
    tenant: job.tenant,
    models: services.models,
    settings: services.settings,
    log: (line) => log(`job ${job.id}: ${line}`),
    reportProgress: async (percent) => {
      try {
        latest = await services.jobs.update(latest, { progress: Math.max(0, Math.min(99, Math.round(percent))) });
      } catch (error) {
        if (!(error instanceof StoreConflict)) throw error;
      }
    },
  };

  try {
    const kind = findJobKind(job.kind);
    if (!kind) throw new JobFailure("unknown-kind", `job kind "${job.kind}" is not registered`);
    await applyTestFault(services, job, delivery.dequeueCount, chunk !== undefined);
    const parsed = kind.payloadSchema.safeParse(await services.jobData.readPayload(job.id));
    if (!parsed.success) {
      throw new JobFailure(
        "invalid-payload",
        describeIssues(parsed.error)
          .map((issue) => `${issue.path}: ${issue.message}`)
          .join("; "),
      );
    }
    if (isFanOutKind(kind)) {
      if (chunk === undefined) await fanOutJob(services, job, kind, parsed.data, context, log);
      else
        await runChunk(
          services,
          job,
          kind,
          parsed.data,
          chunk,
          { messageId: delivery.messageId ?? randomUUID(), dequeueCount: delivery.dequeueCount },
          context,
          log,
        );
      return;
    }
    if (chunk !== undefined) throw new JobFailure("unknown-chunk", `job kind "${job.kind}" has no chunks`);
    const result = await kind.run(parsed.data, context);
    // Result first, state second: a crash in between leaves the job running, and the
    // redelivery rewrites the same result before completing it.
    await services.jobData.writeResult(job.id, result);
    await finish(services, latest, { status: "succeeded" }, log);
  } catch (error) {
    const failure = failureOf(error);
    const current = (await services.jobs.get(job.id)) ?? latest;
    if (failure) {
      await finish(services, current, { status: "failed", error: failure }, log);
      return;
    }
    await recordTransientFailure(services, job.id, delivery, chunk, error, log, current);
    throw error;
  }
}

/**
 * A failure another delivery may not repeat: kept on the job as `lastError` for the final reason,
 * or, on the last allowed delivery (`maxDequeueCount`), the job ends `failed` with it before the
 * host moves the message to the poison queue.
 */
async function recordTransientFailure(
  services: Services,
  jobId: string,
  delivery: Delivery,
  chunk: number | undefined,
  error: unknown,
  log: Log,
  known?: JobRecord,
): Promise<void> {
  const current = known ?? (await services.jobs.get(jobId).catch(() => undefined));
  if (!current) return;
  const reason = error instanceof Error ? `${error.name}: ${error.message}` : String(error);
  const where = chunk === undefined ? "" : ` on chunk ${chunk}`;
  const subject = chunk === undefined ? `job ${jobId}` : `job ${jobId} chunk ${chunk}`;
  if (delivery.dequeueCount >= services.settings.queues.maxDequeueCount) {
    await finish(
      services,
      current,
      {
        status: "failed",
        error: { code: "retries-exhausted", message: `gave up after ${delivery.dequeueCount} attempts${where}; last error: ${reason}` },
      },
      log,
    ).catch(() => undefined);
  } else {
    await services.jobs.update(current, { lastError: `${reason}${where}` }).catch(() => undefined);
    log(`${subject} attempt ${delivery.dequeueCount} failed; it will be retried`);
  }
}

async function applyTestFault(services: Services, job: JobRecord, dequeueCount: number, isChunk: boolean): Promise<void> {
  if (!services.settings.testFaults || !job.testFault) return;
  const fault = TestFaultSchema.parse(JSON.parse(job.testFault));
  if (fault.delayMs) await sleep(fault.delayMs);
  const failUpTo = isChunk ? fault.failChunkAttempts : fault.failAttempts;
  if (failUpTo !== undefined && dequeueCount <= failUpTo) {
    throw new Error(`test fault: failure injected on attempt ${dequeueCount}`);
  }
}

/**
 * Handles a message the host moved to the poison queue: the job ran out of deliveries (its
 * worker crashed or kept failing), so it ends `failed` with the last error seen, never stuck
 * `running` or `queued`.
 */
export async function processPoisonDelivery(services: Services, delivery: Delivery, log: Log): Promise<void> {
  const message = parseMessage(delivery.message);
  if (!message) {
    log("poison message is not {jobId, chunk?}; dropped");
    return;
  }
  const job = await services.jobs.get(message.jobId);
  if (!job) {
    log(`poison message for job ${message.jobId}, which no longer exists; dropped`);
    return;
  }
  const detail = job.lastError ? `; last error: ${job.lastError}` : "; the worker stopped without reporting an error (crash or timeout)";
  const where = message.chunk === undefined ? "" : ` of chunk ${message.chunk}`;
  await finish(
    services,
    job,
    {
      status: "failed",
      error: {
        code: "retries-exhausted",
        message: `gave up after ${Math.max(job.attempts, services.settings.queues.maxDequeueCount)} deliveries${where}${detail}`,
      },
    },
    log,
  );
}
