/**
 * Per-tenant admission of jobs (functions/src/storage/tenantQuota.ts), against Azurite: a token
 * bucket of SYM_JOBS_PER_MINUTE and a ceiling of SYM_MAX_CONCURRENT_JOBS jobs queued or running,
 * each a 429 with Retry-After; tenants do not share a quota; a finished job frees its slot.
 */
import { QueueClient } from "@azure/storage-queue";
import { jobWorker } from "../../src/functions/jobWorker";
import { submitJob } from "../../src/functions/submitJob";
import { refilledTokens, secondsUntilToken } from "../../src/storage/tenantQuota";
import { JOB_QUEUE } from "../../src/storage/names";
import { OTHER_TENANT_KEY, READ_KEY, useAzurite } from "../support/azurite";
import { syntheticPopulation } from "../support/aggregates";
import { call, context, header } from "../support/requests";

const azurite = useAzurite({ SYM_JOBS_PER_MINUTE: "3", SYM_MAX_CONCURRENT_JOBS: "2" });

const payload = { employees: syntheticPopulation("employees", 40, 1), customers: syntheticPopulation("customers", 40, 2) };
const submit = (key: string, headers: Record<string, string> = {}) =>
  call(submitJob, "POST", "/api/jobs", { headers: { "x-sym-key": key, ...headers }, body: { kind: "barometer", payload } });

/** Runs the queued job messages of the job queue (the jobs then finish). */
async function runQueuedJobs(): Promise<void> {
  const queue = new QueueClient(azurite().connectionString, JOB_QUEUE);
  for (;;) {
    const { receivedMessageItems } = await queue.receiveMessages({ numberOfMessages: 32, visibilityTimeout: 60 });
    if (receivedMessageItems.length === 0) return;
    for (const item of receivedMessageItems) {
      await jobWorker(
        JSON.parse(Buffer.from(item.messageText, "base64").toString("utf8")),
        context("jobWorker", { dequeueCount: 1, id: item.messageId }),
      );
      await queue.deleteMessage(item.messageId, item.popReceipt);
    }
  }
}

describe("token bucket arithmetic", () => {
  it("refills jobsPerMinute / 60 tokens a second up to the bucket size, and says when the next comes", () => {
    expect(refilledTokens(0, 20_000, 3)).toBeCloseTo(1, 12);
    expect(refilledTokens(2.5, 3_600_000, 3)).toBe(3);
    expect(secondsUntilToken(0, 3)).toBe(20);
    expect(secondsUntilToken(0.5, 3)).toBe(10);
    expect(secondsUntilToken(0.999, 60)).toBe(1);
  });
});

describe("POST /api/jobs per-tenant quota", () => {
  it("answers 429 with Retry-After over the concurrent jobs, then over the jobs per minute; other tenants are not affected", async () => {
    expect((await submit(READ_KEY)).status).toBe(202);
    expect((await submit(READ_KEY)).status).toBe(202);
    const crowded = await submit(READ_KEY, { "Idempotency-Key": "third-job" });
    expect(crowded.status).toBe(429);
    expect(crowded.jsonBody).toMatchObject({ error: "too-many-active-jobs" });
    expect(crowded.jsonBody.details).toContain("SYM_MAX_CONCURRENT_JOBS");
    expect(Number(header(crowded, "Retry-After"))).toBeGreaterThanOrEqual(1);

    // Another tenant has its own bucket.
    expect((await submit(OTHER_TENANT_KEY)).status).toBe(202);

    // Finished jobs free their slots; the third token of the minute is still there.
    await runQueuedJobs();
    const third = await submit(READ_KEY, { "Idempotency-Key": "third-job" });
    expect(third.status).toBe(202); // the refused request released its Idempotency-Key
    await runQueuedJobs();

    const fourth = await submit(READ_KEY);
    expect(fourth.status).toBe(429);
    expect(fourth.jsonBody).toMatchObject({ error: "too-many-jobs" });
    const retryAfter = Number(header(fourth, "Retry-After"));
    expect(retryAfter).toBeGreaterThanOrEqual(1);
    expect(retryAfter).toBeLessThanOrEqual(20); // one token every 20 s at 3 a minute
  });

  it("never admits more than the bucket holds when submissions race", async () => {
    const results = await Promise.all(Array.from({ length: 6 }, () => submit(OTHER_TENANT_KEY)));
    // The other tenant used 1 of its 3 tokens above and has 1 active job at most: at most 2 more.
    expect(results.filter((result) => result.status === 202).length).toBeLessThanOrEqual(2);
    expect(results.filter((result) => result.status === 429).length).toBeGreaterThanOrEqual(4);
  });
});
