import type { Services } from "../services";
import type { JobRecord } from "../storage/jobStore";
import { finish, isTerminal, type Log } from "./completion";
import { withConflictRetries } from "./conflicts";
import type { FanOutJobKind, JobRunContext } from "./kind";

/**
 * Fan-out over the queue, for kinds that implement FanOutJobKind:
 *
 * 1. The job's own message `{jobId}` splits the work (`kind.split`), records the layout on the
 *    job (chunk count and size), then enqueues `{jobId, chunk}` for every chunk not recorded done.
 *    A redelivery finds the layout and re-sends the pending chunks: extra messages are harmless
 *    (chunks are idempotent), and nothing it does contends with running chunks, which never write
 *    the job's state.
 * 2. Any worker takes a chunk message, computes the chunk and writes its result blob (a
 *    redelivered chunk overwrites it with the same value), then records the chunk done in its own
 *    entity beside the job (JobStore.recordChunkDone): no hot row, however many chunks finish
 *    together. Progress is counted from those records when the job is read.
 * 3. A delivery that finds every chunk recorded claims the merge with an ETag-conditional update
 *    of the job (`mergeClaim`, retried with backoff and jitter on conflicts): exactly one delivery
 *    wins, and it streams the chunk results into the kind's merge, writes the result and completes
 *    the job (itself conditional: `finish`). If the merger dies, the redelivery of its own message
 *    (same message id, higher dequeue count) takes the claim over; a claim older than the function
 *    timeout can be taken over by any delivery of a chunk of the job.
 */

/** A merger silent for longer than host.json's functionTimeout (10 min) is presumed dead. */
export const MERGE_CLAIM_STALE_MS = 10 * 60 * 1000;
/** Chunk messages sent at once. */
const SENDS_IN_PARALLEL = 32;

/** Progress of a fan-out job: done chunks over all chunks, 99 at most until it has succeeded. */
export function chunkProgress(done: number, total: number): number {
  if (total <= 0) return 0;
  return Math.min(99, Math.floor((100 * Math.min(done, total)) / total));
}

/** Handles the job's own message: split, record the layout, enqueue the pending chunks (or merge at once if there are none). */
export async function fanOutJob(
  services: Services,
  job: JobRecord,
  kind: FanOutJobKind,
  payload: unknown,
  context: JobRunContext,
  log: Log,
): Promise<void> {
  let current = job;
  if (current.chunks === undefined) {
    const layout = kind.split(payload, context);
    const recorded = await withConflictRetries(`job ${job.id}: recording its chunks`, async () => {
      const latest = (await services.jobs.get(job.id)) ?? current;
      if (isTerminal(latest) || latest.chunks !== undefined) return latest;
      return services.jobs.update(latest, { chunks: layout.count, chunkSize: layout.size, progress: 0 });
    });
    if (isTerminal(recorded)) return;
    current = recorded;
  }
  const count = current.chunks!;
  if (count === 0) {
    await mergeAndComplete(services, current, kind, payload, context, log);
    return;
  }
  const done = new Set(await services.jobs.chunksDone(job.id));
  const pending = Array.from({ length: count }, (_, index) => index).filter((index) => !done.has(index));
  for (let start = 0; start < pending.length; start += SENDS_IN_PARALLEL) {
    await Promise.all(pending.slice(start, start + SENDS_IN_PARALLEL).map((chunk) => services.queue.send({ jobId: job.id, chunk })));
  }
  log(`job ${job.id} fanned out: ${pending.length} of ${count} chunk(s) of ${current.chunkSize} enqueued`);
  if (pending.length === 0) await claimAndMerge(services, job.id, kind, payload, undefined, context, log);
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
function mayTakeOver(claim: string | undefined, claimedAt: Date, delivery: DeliveryIdentity | undefined): boolean {
  if (claim === undefined || Date.now() - claimedAt.getTime() > MERGE_CLAIM_STALE_MS) return true;
  if (!delivery) return false;
  const separator = claim.lastIndexOf("#");
  return claim.slice(0, separator) === delivery.messageId && Number(claim.slice(separator + 1)) < delivery.dequeueCount;
}

/**
 * Claims the merge of a job whose chunks are all done, then runs it. The claim is one
 * ETag-conditional update of the job, retried with backoff on conflicts: two deliveries never
 * both win. Without a delivery identity (the split's redelivery) only an unclaimed or stale merge
 * is taken.
 */
async function claimAndMerge(
  services: Services,
  jobId: string,
  kind: FanOutJobKind,
  payload: unknown,
  delivery: DeliveryIdentity | undefined,
  context: JobRunContext,
  log: Log,
): Promise<void> {
  const claimer = delivery ?? { messageId: `split-${jobId}`, dequeueCount: 1 };
  const merger = await withConflictRetries(`job ${jobId}: claiming the merge`, async () => {
    const current = await services.jobs.get(jobId);
    if (!current || isTerminal(current) || current.chunks === undefined) return undefined;
    if (current.mergeClaim !== undefined && !mayTakeOver(current.mergeClaim, current.updatedAt, delivery)) return undefined;
    if (current.mergeClaim !== undefined) log(`job ${jobId}: the merge claimed by an earlier delivery did not complete; taking it over`);
    return services.jobs.update(current, { mergeClaim: claimOf(claimer), progress: 99 });
  });
  if (!merger) return;
  log(`job ${jobId}: all ${merger.chunks} chunk(s) done; merging`);
  await mergeAndComplete(services, merger, kind, payload, context, log);
}

async function mergeAndComplete(
  services: Services,
  job: JobRecord,
  kind: FanOutJobKind,
  payload: unknown,
  context: JobRunContext,
  log: Log,
): Promise<void> {
  const count = job.chunks ?? 0;
  const merge = kind.startMerge(payload, context);
  await services.jobData.forEachChunk(job.id, count, (index, chunk) => merge.add(index, chunk));
  const result = await merge.complete();
  // Result first, state second: a crash in between leaves the job running, and the redelivery of
  // the merger's message rewrites the same result before completing it.
  await services.jobData.writeResult(job.id, result);
  if (await finish(services, job, { status: "succeeded" }, log)) {
    // Merged results are all the job needs now; its time to live would keep them for hours.
    await services.jobData
      .deleteChunks(job.id)
      .catch((error: unknown) =>
        log(`job ${job.id}: chunk results not deleted yet (${error instanceof Error ? error.message : String(error)}); cleanup will`),
      );
  }
}

/** Handles one delivery of a chunk message: compute, store, record, and merge if every chunk is done. */
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
  await services.jobs.recordChunkDone(job.id, index);
  const done = await services.jobs.chunksDone(job.id);
  if (done.length < job.chunks) return;
  await claimAndMerge(services, job.id, kind, payload, delivery, context, log);
}
