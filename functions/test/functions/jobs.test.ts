import { QueueClient } from "@azure/storage-queue";
import { computeBarometer, DEFAULT_MODEL } from "@symmetry/engine";
import { getJob } from "../../src/functions/getJob";
import { jobCleanup } from "../../src/functions/jobCleanup";
import { jobPoison } from "../../src/functions/jobPoison";
import { jobWorker } from "../../src/functions/jobWorker";
import { putModel } from "../../src/functions/putModel";
import { submitJob } from "../../src/functions/submitJob";
import { services } from "../../src/services";
import { JOB_QUEUE } from "../../src/storage/names";
import { syntheticPopulation } from "../support/aggregates";
import { ADMIN_KEY, OTHER_TENANT_KEY, READ_KEY, useAzurite } from "../support/azurite";
import { call, context, header, logLines } from "../support/requests";

const azurite = useAzurite({ SYM_TEST_FAULTS: "1", SYM_MAX_PAYLOAD_BYTES: "100000" });

const reader = { "x-sym-key": READ_KEY };
const employees = syntheticPopulation("employees", 60, 1, 0.4);
const customers = syntheticPopulation("customers", 80, 2);

async function submit(body: unknown, headers: Record<string, string> = reader) {
  return call(submitJob, "POST", "/api/jobs", { headers, body });
}

/** Takes the next message off the job queue as the trigger would receive it (base64 JSON). */
async function nextMessage(): Promise<{ message: unknown; raw: string; dequeueCount: number }> {
  const queue = new QueueClient(azurite().connectionString, JOB_QUEUE);
  for (let attempt = 0; attempt < 20; attempt++) {
    const received = (await queue.receiveMessages({ numberOfMessages: 1, visibilityTimeout: 1 })).receivedMessageItems[0];
    if (received) {
      await queue.deleteMessage(received.messageId, received.popReceipt);
      const raw = Buffer.from(received.messageText, "base64").toString("utf8");
      return { message: JSON.parse(raw), raw, dequeueCount: received.dequeueCount };
    }
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
  throw new Error("no message on the job queue");
}

async function deliver(message: unknown, dequeueCount = 1) {
  return jobWorker(message, context("jobWorker", { dequeueCount }));
}

async function status(id: string, headers: Record<string, string> = reader) {
  return call(getJob, "GET", `/api/jobs/${id}`, { headers, params: { id } });
}

describe("job endpoints and worker against Azurite", () => {
  it("queues a barometer job with only its id on the queue, runs it, and returns the engine's result", async () => {
    const response = await submit({ kind: "barometer", payload: { employees, customers, language: "fr" } });
    expect(response.status).toBe(202);
    const { id, status: initial } = response.jsonBody;
    expect(initial).toBe("queued");
    expect(id).toMatch(/^[A-Za-z0-9_-]{22}$/);
    expect(header(response, "Location")).toBe(`/api/jobs/${id}`);

    const { message, raw } = await nextMessage();
    expect(message).toEqual({ jobId: id });
    expect(raw.length).toBeLessThan(100);

    expect((await status(id)).jsonBody.status).toBe("queued");
    await deliver(message);
    const done = await status(id);
    expect(done.jsonBody).toMatchObject({ id, kind: "barometer", status: "succeeded", progress: 100, attempts: 1 });
    const expected = computeBarometer(employees, customers, { model: DEFAULT_MODEL, language: "fr" });
    expect(done.jsonBody.result).toEqual(JSON.parse(JSON.stringify(expected)));
    expect(done.jsonBody.result.dimensions.length).toBeGreaterThan(0);
  });

  it("completes a job once when its message is delivered twice", async () => {
    const { jsonBody } = await submit({ kind: "barometer", payload: { employees, customers } });
    const { message } = await nextMessage();
    logLines.length = 0;
    await Promise.all([deliver(message, 1), deliver(message, 2)]);
    await deliver(message, 3);
    const completions = logLines.filter((line) => line.includes(`job ${jsonBody.id} succeeded`));
    expect(completions).toHaveLength(1);
    expect((await status(jsonBody.id)).jsonBody.status).toBe("succeeded");
  });

  it("returns the same job for a retried Idempotency-Key and 409 when the key comes with another request", async () => {
    const headers = { ...reader, "Idempotency-Key": "workbook-42-run-7" };
    const first = await submit({ kind: "barometer", payload: { employees, customers } }, headers);
    const retry = await submit({ kind: "barometer", payload: { employees, customers } }, headers);
    expect(retry.status).toBe(202);
    expect(retry.jsonBody.id).toBe(first.jsonBody.id);
    expect(header(retry, "Idempotent-Replayed")).toBe("true");
    const other = await submit({ kind: "barometer", payload: { employees, customers, language: "fr" } }, headers);
    expect(other.status).toBe(409);
    await nextMessage(); // only one message was sent for the two accepted submissions
    const queue = new QueueClient(azurite().connectionString, JOB_QUEUE);
    expect((await queue.peekMessages()).peekedMessageItems).toHaveLength(0);
  });

  it("hides a job from other tenants and from callers without a key", async () => {
    const { jsonBody } = await submit({ kind: "barometer", payload: { employees, customers } });
    await nextMessage();
    expect((await status(jsonBody.id, { "x-sym-key": ADMIN_KEY })).status).toBe(200);
    expect((await status(jsonBody.id, { "x-sym-key": OTHER_TENANT_KEY })).status).toBe(404);
    expect((await status(jsonBody.id, {})).status).toBe(401);
    expect((await status("AAAAAAAAAAAAAAAAAAAAAA")).status).toBe(404);
  });

  it("rejects invalid requests with 400 and the path of each issue, and oversized ones with 413", async () => {
    const unknownKind = await submit({ kind: "astrology", payload: {} });
    expect(unknownKind.status).toBe(400);
    expect(unknownKind.jsonBody.details[0].path).toBe("kind");
    const unknownField = await submit({ kind: "barometer", payload: { employees, customers, colour: "blue" } });
    expect(unknownField.status).toBe(400);
    expect(JSON.stringify(unknownField.jsonBody.details)).toContain("colour");
    const wrongType = await submit({ kind: "barometer", payload: { employees: { ...employees, n: "sixty" }, customers } });
    expect(wrongType.jsonBody.details).toEqual(expect.arrayContaining([expect.objectContaining({ path: "payload.employees.n" })]));
    const malformed = await call(submitJob, "POST", "/api/jobs", { headers: reader, body: "{kind: barometer}" });
    expect(malformed.jsonBody.error).toBe("invalid-json");
    const huge = await submit({ kind: "barometer", payload: { employees, customers, padding: "x".repeat(150_000) } });
    expect(huge.status).toBe(413);
  });

  it("fails a job at once, without retries, when its model is unknown; refuses a confidentiality threshold under 5 with 400", async () => {
    const unknownModel = await submit({ kind: "barometer", payload: { employees, customers, modelId: "nowhere" } });
    await deliver((await nextMessage()).message);
    expect((await status(unknownModel.jsonBody.id)).jsonBody).toMatchObject({ status: "failed", error: { code: "unknown-model" } });

    // Under 5 is refused at the door by the shared schema; above 5 but under the model's own threshold, by the worker.
    const underFloor = await submit({ kind: "barometer", payload: { employees, customers, thresholds: { minGroupSize: 2 } } });
    expect(underFloor.status).toBe(400);
    expect(underFloor.jsonBody.details).toEqual([
      expect.objectContaining({ path: "payload.thresholds.minGroupSize", message: expect.stringContaining("cannot be below 5") }),
    ]);
    const strict = { ...DEFAULT_MODEL, id: "strict-jobs", thresholds: { ...DEFAULT_MODEL.thresholds, minGroupSize: 8 } };
    expect(
      (
        await call(putModel, "PUT", "/api/models/strict-jobs", {
          params: { id: "strict-jobs" },
          headers: { "x-sym-key": ADMIN_KEY, "If-None-Match": "*" },
          body: strict,
        })
      ).status,
    ).toBe(201);
    const lowered = await submit({
      kind: "barometer",
      payload: { employees, customers, modelId: "strict-jobs", thresholds: { minGroupSize: 6 } },
    });
    await deliver((await nextMessage()).message);
    const failed = (await status(lowered.jsonBody.id)).jsonBody;
    expect(failed).toMatchObject({
      status: "failed",
      error: { code: "threshold-below-model", message: "the job asks for a confidentiality threshold below its model's" },
    });
    // The recorded reason names the thresholds; the API gives the code and its fixed sentence only.
    expect(JSON.stringify(failed.error)).not.toMatch(/\b6\b|\b8\b/);
  });

  it("retries a failing worker and fails the job with the last error on the last allowed delivery", async () => {
    const { maxDequeueCount } = (await services()).settings.queues;
    const { jsonBody } = await submit({ kind: "barometer", payload: { employees, customers }, testFault: { failAttempts: 99 } });
    const { message } = await nextMessage();
    for (let attempt = 1; attempt < maxDequeueCount; attempt++) {
      await expect(deliver(message, attempt)).rejects.toThrow("test fault");
      expect((await status(jsonBody.id)).jsonBody.status).toBe("running");
    }
    await expect(deliver(message, maxDequeueCount)).rejects.toThrow("test fault");
    const final = (await status(jsonBody.id)).jsonBody;
    expect(final.status).toBe("failed");
    expect(final.error.code).toBe("retries-exhausted");
    // The reason is kept on the job for operators; the API serves the code's fixed sentence.
    expect(final.error.message).toBe("the job failed on every delivery and was given up");
    expect((await (await services()).jobs.get(jsonBody.id))!.error!.message).toContain(`after ${maxDequeueCount} attempts`);
  });

  it("fails a job whose message reached the poison queue after its worker crashed", async () => {
    const { jsonBody } = await submit({ kind: "barometer", payload: { employees, customers } });
    const { message } = await nextMessage();
    const store = (await services()).jobs;
    const job = (await store.get(jsonBody.id))!;
    await store.update(job, { status: "running", attempts: 5 }); // as left by a worker killed mid-run
    await jobPoison(message, context("jobPoison", { dequeueCount: 1 }));
    const final = (await status(jsonBody.id)).jsonBody;
    expect(final.status).toBe("failed");
    expect((await store.get(jsonBody.id))!.error!.message).toContain("crash");
  });

  it("refuses test faults when SYM_TEST_FAULTS is off", async () => {
    process.env.SYM_TEST_FAULTS = "0";
    (await import("../../src/settings")).resetSettings();
    try {
      const response = await submit({ kind: "barometer", payload: { employees, customers }, testFault: { delayMs: 10 } });
      expect(response.status).toBe(400);
      expect(response.jsonBody.details[0].path).toBe("testFault");
    } finally {
      process.env.SYM_TEST_FAULTS = "1";
      (await import("../../src/settings")).resetSettings();
    }
  });

  it("deletes expired jobs with their payload, result and idempotency key", async () => {
    const { jsonBody } = await submit(
      { kind: "barometer", payload: { employees, customers } },
      { ...reader, "Idempotency-Key": "expiring" },
    );
    await deliver((await nextMessage()).message);
    const current = await services();
    const later = new Date(Date.now() + (current.settings.jobTtlHours + 1) * 3600_000);
    const { cleanUpJobs } = await import("../../src/jobs/cleanup");
    const outcome = await cleanUpJobs(current, later, () => undefined);
    expect(outcome.deleted).toBeGreaterThanOrEqual(1);
    expect(await current.jobs.get(jsonBody.id)).toBeUndefined();
    await expect(current.jobData.readPayload(jsonBody.id)).rejects.toMatchObject({ statusCode: 404 });
    // The key is free again: the same request makes a new job.
    const again = await submit({ kind: "barometer", payload: { employees, customers } }, { ...reader, "Idempotency-Key": "expiring" });
    expect(again.jsonBody.id).not.toBe(jsonBody.id);
    await nextMessage();
    await jobCleanup(
      { isPastDue: false, schedule: { adjustForDST: false }, scheduleStatus: { last: "", next: "", lastUpdated: "" } },
      context("jobCleanup"),
    );
  });

  it("re-sends the message of a job still queued after 10 minutes once per interval, not on every run", async () => {
    const { jsonBody } = await submit({ kind: "barometer", payload: { employees, customers } });
    await nextMessage(); // the message is "lost": taken and never delivered
    const current = await services();
    const { cleanUpJobs, LOST_MESSAGE_AFTER_MS } = await import("../../src/jobs/cleanup");
    const resentOf = async (at: Date) => {
      await cleanUpJobs(current, at, () => undefined);
      const queue = new QueueClient(azurite().connectionString, JOB_QUEUE);
      let count = 0;
      for (;;) {
        const { receivedMessageItems } = await queue.receiveMessages({ numberOfMessages: 32, visibilityTimeout: 30 });
        if (receivedMessageItems.length === 0) return count;
        for (const item of receivedMessageItems) {
          await queue.deleteMessage(item.messageId, item.popReceipt);
          if (JSON.parse(Buffer.from(item.messageText, "base64").toString("utf8")).jobId === jsonBody.id) count += 1;
        }
      }
    };
    const first = new Date(Date.now() + LOST_MESSAGE_AFTER_MS + 1_000);
    expect(await resentOf(first)).toBe(1);
    expect(await resentOf(new Date(first.getTime() + 60_000))).toBe(0); // the next run, 1 min later
    expect(await resentOf(new Date(first.getTime() + LOST_MESSAGE_AFTER_MS + 1_000))).toBe(1); // one interval later
    expect((await current.jobs.get(jsonBody.id))!.status).toBe("queued");
  });

  it("never logs survey figures: worker log lines carry job ids and statuses only", async () => {
    logLines.length = 0;
    const { jsonBody } = await submit({ kind: "barometer", payload: { employees, customers } });
    await deliver((await nextMessage()).message);
    const text = logLines.join("\n");
    expect(text).toContain(jsonBody.id);
    const result = (await status(jsonBody.id)).jsonBody.result;
    for (const dimension of result.dimensions) {
      if (dimension.gap !== null) expect(text).not.toContain(String(dimension.gap).slice(0, 6));
    }
    expect(text).not.toMatch(/unit-\d|manager-\d/);
  });
});
