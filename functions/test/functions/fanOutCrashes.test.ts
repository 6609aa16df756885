/**
 * A fan-out job cannot fail itself: every message is delivered twice (its duplicate after it was
 * handled), deliveries run in a seeded random order and up to three at once, and the worker
 * "crashes" once in every phase — mid-split, between a chunk's blob and its record, after its
 * record, after winning the merge, before and after writing the result. A crash aborts the
 * delivery at that point, as a killed process would, and the queue redelivers its message with a
 * higher dequeue count, as the trigger does after the lease. The job must end `succeeded` with the
 * engine's own result, merged once.
 */
import { QueueClient } from "@azure/storage-queue";
import { runLinkage } from "@symmetry/engine";
import { getJob } from "../../src/functions/getJob";
import { submitJob } from "../../src/functions/submitJob";
import { processJobDelivery } from "../../src/jobs/worker";
import { services, type Services } from "../../src/services";
import { resetSettings } from "../../src/settings";
import { JOB_QUEUE } from "../../src/storage/names";
import { READ_KEY, useAzurite } from "../support/azurite";
import { linkageRequest, syntheticUnits } from "../support/linkage";
import { call } from "../support/requests";
import { seededRandom } from "../support/seededRandom";

const azurite = useAzurite({ SYM_LINKAGE_CHUNK_REPLICATES: "100" });
jest.setTimeout(120_000);

class SimulatedCrash extends Error {}

interface CrashPoint {
  readonly phase: string;
  readonly method: string;
  readonly when: "before" | "after";
  /** Crash on the n-th matching call (1-based). */
  readonly nth?: number;
  readonly matches?: (args: unknown[]) => boolean;
  calls: number;
  fired: boolean;
}

/** The services with each crash point armed: the wrapped call throws once, before or after doing its work. */
function crashing(real: Services, points: CrashPoint[]): Services {
  const wrap = <T extends object>(target: T, owner: string, methods: string[]): T => {
    const wrapped = Object.create(target) as Record<string, unknown>;
    for (const method of methods) {
      const original = (target as Record<string, (...args: unknown[]) => Promise<unknown>>)[method].bind(target);
      wrapped[method] = async (...args: unknown[]) => {
        const armed = (when: "before" | "after") =>
          points.find((point) => {
            if (point.fired || point.method !== `${owner}.${method}` || point.when !== when || !(point.matches?.(args) ?? true))
              return false;
            point.calls += 1;
            return point.calls >= (point.nth ?? 1);
          });
        const before = armed("before");
        if (before) {
          before.fired = true;
          throw new SimulatedCrash(before.phase);
        }
        const result = await original(...args);
        const after = armed("after");
        if (after) {
          after.fired = true;
          throw new SimulatedCrash(after.phase);
        }
        return result;
      };
    }
    return wrapped as T;
  };
  return {
    ...real,
    jobs: wrap(real.jobs, "jobs", ["update", "recordChunkDone"]),
    jobData: wrap(real.jobData, "jobData", ["writeChunk", "writeResult"]),
    queue: wrap(real.queue, "queue", ["send"]),
  };
}

interface Pending {
  readonly message: { jobId: string; chunk?: number };
  readonly id: string;
  readonly dequeueCount: number;
  readonly duplicate: boolean;
}

async function takeMessages(): Promise<Pending[]> {
  const queue = new QueueClient(azurite().connectionString, JOB_QUEUE);
  const taken: Pending[] = [];
  for (;;) {
    const { receivedMessageItems } = await queue.receiveMessages({ numberOfMessages: 32, visibilityTimeout: 60 });
    if (receivedMessageItems.length === 0) return taken;
    for (const item of receivedMessageItems) {
      await queue.deleteMessage(item.messageId, item.popReceipt);
      taken.push({
        message: JSON.parse(Buffer.from(item.messageText, "base64").toString("utf8")),
        id: item.messageId,
        dequeueCount: 1,
        duplicate: false,
      });
    }
  }
}

afterAll(() => resetSettings());

describe("a linkage job with every message delivered twice and a crash in every phase", () => {
  it.each([11, 29])("ends succeeded with the engine's result (random order seed %i)", async (seed) => {
    const request = linkageRequest(syntheticUnits(50, seed), 600, seed);
    const expected = JSON.parse(JSON.stringify(runLinkage(request)));
    const points: CrashPoint[] = [
      { phase: "split, after sending 2 of 6 chunks", method: "queue.send", when: "before", nth: 3, calls: 0, fired: false },
      { phase: "chunk blob written, not recorded", method: "jobs.recordChunkDone", when: "before", calls: 0, fired: false },
      { phase: "chunk recorded, merge not yet claimed", method: "jobs.recordChunkDone", when: "after", nth: 3, calls: 0, fired: false },
      {
        phase: "merge claimed",
        method: "jobs.update",
        when: "after",
        matches: (args) => (args[1] as { mergeClaim?: string }).mergeClaim !== undefined,
        calls: 0,
        fired: false,
      },
      { phase: "merged, result not written", method: "jobData.writeResult", when: "before", calls: 0, fired: false },
      { phase: "result written, job not completed", method: "jobData.writeResult", when: "after", calls: 0, fired: false },
    ];
    const real = await services();
    const worker = crashing(real, points);
    const random = seededRandom(seed);
    const logs: string[] = [];

    const submitted = await call(submitJob, "POST", "/api/jobs", {
      headers: { "x-sym-key": READ_KEY },
      body: { kind: "linkage", payload: request },
    });
    expect(submitted.status).toBe(202);
    const id = submitted.jsonBody.id as string;
    const pending: Pending[] = await takeMessages();
    let deliveries = 0;
    while (pending.length > 0) {
      const batch = Array.from(
        { length: Math.min(pending.length, 1 + Math.floor(random() * 3)) },
        () => pending.splice(Math.floor(random() * pending.length), 1)[0],
      );
      await Promise.all(
        batch.map(async (delivery) => {
          deliveries += 1;
          try {
            await processJobDelivery(
              worker,
              { message: delivery.message, dequeueCount: delivery.dequeueCount, messageId: delivery.id },
              (line) => logs.push(line),
            );
            // Handled: at-least-once delivery brings it once more.
            if (!delivery.duplicate) pending.push({ ...delivery, dequeueCount: delivery.dequeueCount + 1, duplicate: true });
          } catch (error) {
            if (!(error instanceof SimulatedCrash)) throw error;
            // The process died: the message reappears when its lease ends.
            pending.push({ ...delivery, dequeueCount: delivery.dequeueCount + 1 });
          }
        }),
      );
      pending.push(...(await takeMessages()));
    }

    expect(points.filter((point) => !point.fired).map((point) => point.phase)).toEqual([]);
    const job = (await call(getJob, "GET", `/api/jobs/${id}`, { headers: { "x-sym-key": READ_KEY }, params: { id } })).jsonBody;
    expect(job.status).toBe("succeeded");
    expect(job.result).toEqual(expected);
    expect(logs.filter((line) => line.includes(`job ${id} succeeded`))).toHaveLength(1);
    expect(deliveries).toBeGreaterThanOrEqual(2 * 7);
  });
});
