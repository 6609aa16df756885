import type { Services } from "../services";
import { StoreConflict } from "../storage/errors";
import type { JobRecord } from "../storage/jobStore";
import { finish, isTerminal, type Log } from "./completion";
import type { FanOutJobKind, JobRunContext } from "./kind";

/**
 * Fan-out over the queue (issue 7), for kinds that implement FanOutJobKind:
 *
 * 1. The job's own message `{jobId}` splits the work (`kind.split`), records the layout on the
 *    job (chunk count and size, a "0" per chunk in `chunksDone`), then enqueues `{jobId, chunk}`
 *    for every chunk. A redelivery finds the layout and re-sends the chunks not yet done (extra
 *    messages are harmless: chunks are idempotent).
 * 2. Any worker takes a chunk message, computes the chunk and writes its result blob (a
 *    redelivered chunk overwrites it with the same value), then flips its "0" to "1" with an
 *    ETag-conditional update of the job; progress is done / all chunks.
 * 3. The update that flips the last "0" also records its delivery as `mergeClaim`: exactly one
 *    delivery wins it, and that delivery reads every chunk, merges, writes the result and
 *    completes the job (itself conditional: `finish`). If the merger dies, the redelivery of its
 *    own message (same message id, higher dequeue count) takes the claim over and merges; a claim
 *    older than the function timeout can be taken over by any delivery of a chunk of the job.
 */

/** A merger silent for longer than host.json's functionTimeout (10 min) is presumed dead. */
export const MERGE_CLAIM_STALE_MS = 10 * 60 * 1000;
/** Chunk messages sent at once. */
const SENDS_IN_PARALLEL = 32;
const CONFLICT_RETRIES = 50;

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));
/** Backoff between conflicting updates, with jitter so racing workers spread out. */
const backoff = (attempt: number) => sleep(Math.min(200, 5 * 2 ** Math.min(attempt, 5)) * (0.5 + Math.random()));

/** Progress of a fan-out job: done chunks over all chunks, 99 at most until it has succeeded. */
export function chunkProgress(chunksDone: string): number {
  if (chunksDone.length === 0) return 0;
  const done = [...chunksDone].filter((flag) => flag === "1").length;
  return Math.min(99, Math.floor((100 * done) / chunksDone.length));
}

/** Handles the job's own message: split, record the layout, enqueue the chunks (or merge at once if there are none). */
export async function fanOutJob(services: Services, job: JobRecord, kind: FanOutJobKind, payload: unknown, context: JobRunContext, log: Log): Promise<void> {
  let current = job;
  if (current.chunks === undefined) {
    const layout = kind.split(payload, context);
    for (let attempt = 0; current.chunks === undefined; attempt++) {
      try {
        current = await services.jobs.update(current, { chunks: layout.count, chunkSize: layout.size, chunksDone: "0".repeat(layout.count), progress: 0 });
      } catch (error) {
        if (!(error instanceof StoreConflict) || attempt >= CONFLICT_RETRIES) throw error;
        const reread = await services.jobs.get(job.id);
        if (!reread || isTerminal(reread)) return;
        current = reread;
      }
    }
  }
  const count = current.chunks!;
  if (count === 0) {
    await mergeAndComplete(services, current, kind, payload, context, log);
    return;
  }
  const pending = Array.from({ length: count }, (_, index) => index).filter((index) => current.chunksDone?.[index] !== "1");
  for (let start = 0; start < pending.length; start += SENDS_IN_PARALLEL) {
    await Promise.all(pending.slice(start, start + SENDS_IN_PARALLEL).map((chunk) => services.queue.send({ jobId: job.id, chunk })));
  }
  log(`job ${job.id} fanned out: ${pending.length} of ${count} chunk(s) of ${current.chunkSize} enqueued`);
}

/** Who runs a merge: one delivery of one queue message. */
export interface DeliveryIdentity {
  readonly messageId: string;
  readonly dequeueCount: number;
}

const claimOf = (delivery: DeliveryIdentity) => `${delivery.messageId}#${delivery.dequeueCount}`;

/**
 * Whether `delivery` may take over a merge claimed earlier: it is a later delivery of the very
 * message that claimed it (the platform redelivers a message only when its earlier delivery
 * crashed or timed out), or the claim is older than the function timeout.
 */
function mayTakeOver(claim: string | undefined, claimedAt: Date, delivery: DeliveryIdentity): boolean {
  if (claim === undefined || Date.now() - claimedAt.getTime() > MERGE_CLAIM_STALE_MS) return true;
  const separator = claim.lastIndexOf("#");
  return claim.slice(0, separator) === delivery.messageId && Number(claim.slice(separator + 1)) < delivery.dequeueCount;
}

/**
 * Marks chunk `index` done. Returns the job state to merge from when this delivery must run the
 * merge (it completed the last chunk, or it takes over the claim of a dead merger), undefined
 * otherwise. Every decision is an ETag-conditional update, so two deliveries never both win.
 */
async function markChunkDone(services: Services, jobId: string, index: number, delivery: DeliveryIdentity, log: Log): Promise<JobRecord | undefined> {
  for (let attempt = 0; attempt < CONFLICT_RETRIES; attempt++) {
    const current = await services.jobs.get(jobId);
    if (!current || isTerminal(current) || current.chunksDone === undefined) return undefined;
    const flags = current.chunksDone;
    const next = `${flags.slice(0, index)}1${flags.slice(index + 1)}`;
    const allDone = !next.includes("0");
    let patch: { chunksDone?: string; progress?: number; mergeClaim?: string };
    if (flags[index] !== "1") {
      patch = { chunksDone: next, progress: chunkProgress(next), ...(allDone ? { mergeClaim: claimOf(delivery) } : {}) };
    } else if (allDone && mayTakeOver(current.mergeClaim, current.updatedAt, delivery)) {
      log(`job ${jobId}: the merge claimed by an earlier delivery did not complete; taking it over`);
      patch = { mergeClaim: claimOf(delivery) };
    } else {
      return undefined; // a redelivered chunk: its blob was rewritten with the same numbers
    }
    try {
      const updated = await services.jobs.update(current, patch);
      return allDone ? updated : undefined;
    } catch (error) {
      if (!(error instanceof StoreConflict)) throw error;
      await backoff(attempt);
    }
  }
  throw new Error(`job ${jobId}: chunk ${index} could not be recorded, the job kept changing`);
}

async function mergeAndComplete(services: Services, job: JobRecord, kind: FanOutJobKind, payload: unknown, context: JobRunContext, log: Log): Promise<void> {
  const chunks = await services.jobData.readChunks(job.id, job.chunks ?? 0);
  const result = await kind.merge(payload, chunks, context);
  // Result first, state second: a crash in between leaves the job running, and the redelivery of
  // the merger's message rewrites the same result before completing it.
  await services.jobData.writeResult(job.id, result);
  await finish(services, job, { status: "succeeded" }, log);
}

/** Handles one delivery of a chunk message: compute, store, record, and merge if it was the last. */
export async function runChunk(
  services: Services,
  job: JobRecord,
  kind: FanOutJobKind,
  payload: unknown,
  index: number,
  delivery: DeliveryIdentity,
  context: JobRunContext,
  log: Log,
): Promise<void> {
  if (job.chunks === undefined || job.chunkSize === undefined || index >= job.chunks) {
    log(`job ${job.id} has no chunk ${index}; message dropped`);
    return;
  }
  const result = await kind.runChunk(payload, { index, size: job.chunkSize }, context);
  await services.jobData.writeChunk(job.id, index, result);
  const merger = await markChunkDone(services, job.id, index, delivery, log);
  if (!merger) return;
  log(`job ${job.id}: all ${job.chunks} chunk(s) done; merging`);
  await mergeAndComplete(services, merger, kind, payload, context, log);
}
