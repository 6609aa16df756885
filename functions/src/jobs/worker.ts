import { describeIssues, isSymError } from "../../../shared/src";
import type { Services } from "../services";
import { StoreConflict } from "../storage/errors";
import { JobMessageSchema } from "../storage/jobQueue";
import type { JobError, JobRecord } from "../storage/jobStore";
import { JobFailure, type JobRunContext } from "./kind";
import { findJobKind } from "./registry";
import { TestFaultSchema } from "./request";

/** A delivery of a queue message, as the queue trigger sees it. */
export interface Delivery {
  readonly message: unknown;
  /** 1 on the first delivery (trigger metadata `dequeueCount`). */
  readonly dequeueCount: number;
}

export type Log = (message: string) => void;

const isTerminal = (job: JobRecord) => job.status === "succeeded" || job.status === "failed";
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
 * Moves a job to a terminal state once. The update is conditional on the ETag the worker last
 * saw: when another delivery of the same message got there first, the state is re-read and left
 * alone if terminal, so a job is completed exactly once however many times it is delivered.
 * Returns false when someone else completed it.
 */
async function finish(services: Services, job: JobRecord, outcome: { status: "succeeded" } | { status: "failed"; error: JobError }, log: Log): Promise<boolean> {
  let current = job;
  for (let attempt = 0; attempt < 5; attempt++) {
    if (isTerminal(current)) {
      log(`job ${job.id} already ${current.status}; duplicate delivery ignored`);
      return false;
    }
    try {
      await services.jobs.update(current, {
        status: outcome.status,
        progress: outcome.status === "succeeded" ? 100 : current.progress,
        completedAt: new Date(),
        error: outcome.status === "failed" ? outcome.error : undefined,
      });
      log(`job ${job.id} ${outcome.status} after ${current.attempts} attempt(s)${outcome.status === "failed" ? ` (${outcome.error.code})` : ""}`);
      return true;
    } catch (error) {
      if (!(error instanceof StoreConflict)) throw error;
      const reread = await services.jobs.get(job.id);
      if (!reread) return false;
      current = reread;
    }
  }
  throw new Error(`job ${job.id} could not be completed: its state kept changing`);
}

/** Marks a job running for this delivery; returns the fresh state, or undefined to stop. */
async function start(services: Services, jobId: string, dequeueCount: number, log: Log): Promise<JobRecord | undefined> {
  for (let attempt = 0; attempt < 5; attempt++) {
    const job = await services.jobs.get(jobId);
    if (!job) {
      log(`job ${jobId} not found (expired or never created); message dropped`);
      return undefined;
    }
    if (isTerminal(job)) {
      log(`job ${jobId} already ${job.status}; duplicate delivery ignored`);
      return undefined;
    }
    try {
      return await services.jobs.update(job, { status: "running", attempts: Math.max(job.attempts, dequeueCount), startedAt: job.startedAt ?? new Date() });
    } catch (error) {
      if (!(error instanceof StoreConflict)) throw error;
    }
  }
  throw new Error(`job ${jobId} could not be started: its state kept changing`);
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
  const job = await start(services, message.jobId, delivery.dequeueCount, log);
  if (!job) return;
  log(`job ${job.id} running (kind ${job.kind}, attempt ${delivery.dequeueCount})`);

  let latest = job;
  const context: JobRunContext = {
    jobId: job.id,
    models: services.models,
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
    await applyTestFault(services, job, delivery.dequeueCount);
    const parsed = kind.payloadSchema.safeParse(await services.jobData.readPayload(job.id));
    if (!parsed.success) {
      throw new JobFailure("invalid-payload", describeIssues(parsed.error).map((issue) => `${issue.path}: ${issue.message}`).join("; "));
    }
    if (message.chunk !== undefined) {
      if (!kind.runChunk) throw new JobFailure("unknown-chunk", `job kind "${job.kind}" has no chunks`);
      await kind.runChunk(parsed.data, message.chunk, context);
      return;
    }
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
    const reason = error instanceof Error ? `${error.name}: ${error.message}` : String(error);
    if (delivery.dequeueCount >= services.settings.queues.maxDequeueCount) {
      await finish(services, current, { status: "failed", error: { code: "retries-exhausted", message: `gave up after ${delivery.dequeueCount} attempts; last error: ${reason}` } }, log);
    } else {
      await services.jobs.update(current, { lastError: reason }).catch(() => undefined);
      log(`job ${job.id} attempt ${delivery.dequeueCount} failed; it will be retried`);
    }
    throw error;
  }
}

async function applyTestFault(services: Services, job: JobRecord, dequeueCount: number): Promise<void> {
  if (!services.settings.testFaults || !job.testFault) return;
  const fault = TestFaultSchema.parse(JSON.parse(job.testFault));
  if (fault.delayMs) await sleep(fault.delayMs);
  if (fault.failAttempts !== undefined && dequeueCount <= fault.failAttempts) {
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
  await finish(services, job, { status: "failed", error: { code: "retries-exhausted", message: `gave up after ${Math.max(job.attempts, services.settings.queues.maxDequeueCount)} deliveries${detail}` } }, log);
}
