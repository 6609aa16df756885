import { QueueClient } from "@azure/storage-queue";
import { runLinkage } from "@symmetry/engine";
import { getJob } from "../../src/functions/getJob";
import { jobPoison } from "../../src/functions/jobPoison";
import { jobWorker } from "../../src/functions/jobWorker";
import { submitJob } from "../../src/functions/submitJob";
import { services } from "../../src/services";
import { resetSettings } from "../../src/settings";
import { JOB_QUEUE } from "../../src/storage/names";
import { OTHER_TENANT_KEY, READ_KEY, useAzurite } from "../support/azurite";
import { linkageRequest, syntheticUnits } from "../support/linkage";
import { call, context, logLines } from "../support/requests";

const azurite = useAzurite({ SYM_TEST_FAULTS: "1", SYM_MAX_PAYLOAD_BYTES: "2000000" });

const reader = { "x-sym-key": READ_KEY };
const units = syntheticUnits(60, 11);
/** The engine in one thread: what every split of the job must reproduce (JSON, as the API returns it). */
const request = linkageRequest(units, 600);
const expected = JSON.parse(JSON.stringify(runLinkage(request)));

interface QueuedMessage {
  message: { jobId: string; chunk?: number };
  id: string;
  dequeueCount: number;
}

function queue(): QueueClient {
  return new QueueClient(azurite().connectionString, JOB_QUEUE);
}

/** Takes every message now on the job queue, as the trigger would receive them. */
async function takeMessages(): Promise<QueuedMessage[]> {
  const taken: QueuedMessage[] = [];
  for (;;) {
    const received = (await queue().receiveMessages({ numberOfMessages: 32, visibilityTimeout: 60 })).receivedMessageItems;
    if (received.length === 0) return taken;
    for (const item of received) {
      await queue().deleteMessage(item.messageId, item.popReceipt);
      taken.push({
        message: JSON.parse(Buffer.from(item.messageText, "base64").toString("utf8")),
        id: item.messageId,
        dequeueCount: item.dequeueCount,
      });
    }
  }
}

function deliver(queued: QueuedMessage, dequeueCount = queued.dequeueCount) {
  return jobWorker(queued.message, context("jobWorker", { dequeueCount, id: queued.id }));
}

async function submit(payload: unknown, extra: Record<string, unknown> = {}) {
  return call(submitJob, "POST", "/api/jobs", { headers: reader, body: { kind: "linkage", payload, ...extra } });
}

async function status(id: string, headers: Record<string, string> = reader) {
  return call(getJob, "GET", `/api/jobs/${id}`, { headers, params: { id } });
}

function withChunkSize(replicates: number): void {
  process.env.SYM_LINKAGE_CHUNK_REPLICATES = String(replicates);
  resetSettings();
}

/** Submits a linkage job and delivers its own message: the job is split and its chunks are on the queue. */
async function submitAndSplit(payload: unknown, extra: Record<string, unknown> = {}): Promise<{ id: string; chunks: QueuedMessage[] }> {
  const submitted = await submit(payload, extra);
  expect(submitted.status).toBe(202);
  const [own] = await takeMessages();
  expect(own.message).toEqual({ jobId: submitted.jsonBody.id });
  await deliver(own);
  return { id: submitted.jsonBody.id, chunks: await takeMessages() };
}

afterEach(() => withChunkSize(1000));

describe("linkage jobs fanned out over the queue (Azurite)", () => {
  it.each([
    [1000, 1],
    [250, 3],
    [70, 9],
  ])("equals runLinkage on the same request with chunks of %i replicates (%i chunks)", async (chunkReplicates, chunkCount) => {
    withChunkSize(chunkReplicates);
    const { id, chunks } = await submitAndSplit(request);
    expect(chunks.map((queued) => queued.message)).toEqual(Array.from({ length: chunkCount }, (_, chunk) => ({ jobId: id, chunk })));
    // Chunks run in any order: here last to first, two at a time.
    const reversed = [...chunks].reverse();
    for (let start = 0; start < reversed.length; start += 2)
      await Promise.all(reversed.slice(start, start + 2).map((queued) => deliver(queued)));
    const done = (await status(id)).jsonBody;
    expect(done).toMatchObject({ kind: "linkage", status: "succeeded", progress: 100, chunks: { total: chunkCount, done: chunkCount } });
    expect(done.result).toEqual(expected);
    expect(done.result.correlations).toHaveLength(2 * 3 * 2);
    expect(done.result.drivers.length).toBeGreaterThan(0);
    expect(done.result.correlations.every((row: { bootLow: number | null }) => row.bootLow !== null)).toBe(true);
  });

  it("shows progress as done chunks over all chunks while the chunks run", async () => {
    withChunkSize(150);
    const { id, chunks } = await submitAndSplit(request);
    expect(chunks).toHaveLength(4);
    expect((await status(id)).jsonBody).toMatchObject({ status: "running", progress: 0, chunks: { total: 4, done: 0 } });
    await deliver(chunks[0]);
    expect((await status(id)).jsonBody).toMatchObject({ status: "running", progress: 25, chunks: { total: 4, done: 1 } });
    await deliver(chunks[2]);
    await deliver(chunks[1]);
    expect((await status(id)).jsonBody).toMatchObject({ status: "running", progress: 75, chunks: { total: 4, done: 3 } });
    await deliver(chunks[3]);
    expect((await status(id)).jsonBody).toMatchObject({ status: "succeeded", progress: 100 });
  });

  it("merges exactly once when every chunk arrives twice, concurrently", async () => {
    withChunkSize(100);
    const { id, chunks } = await submitAndSplit(request);
    logLines.length = 0;
    // A redelivered split re-sends the chunks not yet done: each chunk then has two messages.
    await Promise.all(chunks.flatMap((queued) => [deliver(queued), deliver({ ...queued, id: `${queued.id}-resent` })]));
    const merges = logLines.filter((line) => line.includes(`job ${id}: all 6 chunk(s) done; merging`));
    const completions = logLines.filter((line) => line.includes(`job ${id} succeeded`));
    expect(merges).toHaveLength(1);
    expect(completions).toHaveLength(1);
    expect((await status(id)).jsonBody.result).toEqual(expected);
    // A late duplicate after completion changes nothing.
    await deliver(chunks[0], 3);
    expect(logLines.filter((line) => line.includes(`job ${id} succeeded`))).toHaveLength(1);
  });

  it("lets the redelivered message of a merger that crashed finish the merge, and no other delivery", async () => {
    withChunkSize(200);
    const { id, chunks } = await submitAndSplit(request);
    await deliver(chunks[0]);
    await deliver(chunks[1]);
    // The last chunk's worker wrote its blob, won the merge and died before merging.
    const current = await services();
    const { bootstrapChunk, planLinkage, summariseBootstrapChunk } = await import("@symmetry/engine");
    const plan = planLinkage(request);
    await current.jobData.writeChunk(id, 2, summariseBootstrapChunk(plan, bootstrapChunk(plan, 400, 600)));
    await current.jobs.recordChunkDone(id, 2);

    await current.jobs.update((await current.jobs.get(id))!, { mergeClaim: "message-of-the-dead-merger#1" });

    await deliver({ ...chunks[2], id: "a-different-message" }, 1);
    await deliver({ ...chunks[2], id: "message-of-the-dead-merger" }, 1);
    expect((await status(id)).jsonBody.status).toBe("running");
    await deliver({ ...chunks[2], id: "message-of-the-dead-merger" }, 2);
    const done = (await status(id)).jsonBody;
    expect(done.status).toBe("succeeded");
    expect(done.result).toEqual(expected);
  });

  it("fails the job with the chunk and its last error when a chunk exhausts its retries", async () => {
    withChunkSize(300);
    const { maxDequeueCount } = (await services()).settings.queues;
    const { id, chunks } = await submitAndSplit(request, { testFault: { failChunkAttempts: 99 } });
    expect(chunks).toHaveLength(2);
    for (let attempt = 1; attempt < maxDequeueCount; attempt++) {
      await expect(deliver(chunks[1], attempt)).rejects.toThrow("test fault");
      expect((await status(id)).jsonBody.status).toBe("running");
    }
    await expect(deliver(chunks[1], maxDequeueCount)).rejects.toThrow("test fault");
    const failed = (await status(id)).jsonBody;
    expect(failed.status).toBe("failed");
    expect(failed.error.code).toBe("retries-exhausted");
    expect(failed.error).toEqual({ code: "retries-exhausted", message: "the job failed on every delivery and was given up" });
    expect((await (await services()).jobs.get(id))!.error!.message).toMatch(
      new RegExp(`gave up after ${maxDequeueCount} attempts on chunk 1; last error: .*test fault`),
    );
    // The other chunk arriving afterwards is dropped, and so is the poison message.
    await deliver(chunks[0]);
    await jobPoison(chunks[1].message, context("jobPoison", { dequeueCount: 1 }));
    expect((await status(id)).jsonBody).toMatchObject({ status: "failed", error: { code: "retries-exhausted" } });
  });

  it("fails a chunk's job from the poison queue with the chunk named when its worker kept crashing", async () => {
    withChunkSize(300);
    const { id, chunks } = await submitAndSplit(request);
    await jobPoison(chunks[0].message, context("jobPoison", { dequeueCount: 1 }));
    const failed = (await status(id)).jsonBody;
    expect(failed.status).toBe("failed");
    expect((await (await services()).jobs.get(id))!.error!.message).toContain("of chunk 0");
  });

  it("fails at once, before any chunk is enqueued, when the engine refuses the request", async () => {
    const constant = units.map((unit) => ({ ...unit, metrics: { ...unit.metrics, culture: 50 } }));
    const { id, chunks } = await submitAndSplit(linkageRequest(constant, 600));
    expect(chunks).toHaveLength(0);
    const failed = (await status(id)).jsonBody;
    expect(failed).toMatchObject({ status: "failed", error: { code: "zero-variance" } });
    expect((await (await services()).jobs.get(id))!.error!.message).toContain('"culture"');

    const tooFew = await submitAndSplit(linkageRequest(units.slice(0, 3), 600));
    expect(tooFew.chunks).toHaveLength(0);
    expect((await status(tooFew.id)).jsonBody.error.code).toBe("too-few-values");
  });

  it("completes without chunks when no bootstrap is asked for", async () => {
    const noBootstrap = linkageRequest(units, 0);
    const { id, chunks } = await submitAndSplit(noBootstrap);
    expect(chunks).toHaveLength(0);
    const done = (await status(id)).jsonBody;
    expect(done).toMatchObject({ status: "succeeded", chunks: { total: 0, done: 0 } });
    expect(done.result).toEqual(JSON.parse(JSON.stringify(runLinkage(noBootstrap))));
  });

  it("refuses respondent rows, unknown fields and a threshold under 5 with 400 and the path", async () => {
    const withRespondents = await submit({ ...request, respondents: [{ unit: "U0001", enps: 9 }] });
    expect(withRespondents.status).toBe(400);
    expect(JSON.stringify(withRespondents.jsonBody.details)).toContain("respondents");
    const rowInUnit = await submit({ ...request, units: [{ ...units[0], answers: [1, 2, 3] }, ...units.slice(1)] });
    expect(rowInUnit.status).toBe(400);
    expect(rowInUnit.jsonBody.details).toEqual(expect.arrayContaining([expect.objectContaining({ path: "payload.units.0" })]));
    const lowered = await submit({ ...request, minN: 2 });
    expect(lowered.status).toBe(400);
    expect(lowered.jsonBody.details).toEqual([
      { path: "payload.minN", message: expect.stringContaining("confidentiality threshold of 5") },
    ]);
    expect(await takeMessages()).toHaveLength(0);
  });

  it("keeps a linkage job to its tenant and deletes its chunk blobs when it expires", async () => {
    withChunkSize(300);
    const { id, chunks } = await submitAndSplit(request);
    for (const queued of chunks) await deliver(queued);
    expect((await status(id, { "x-sym-key": OTHER_TENANT_KEY })).status).toBe(404);
    const current = await services();
    await current.jobData.delete(id);
    await expect(current.jobData.forEachChunk(id, 2, () => undefined)).rejects.toMatchObject({ statusCode: 404 });
    await expect(current.jobData.readResult(id)).rejects.toMatchObject({ statusCode: 404 });
  });
});
