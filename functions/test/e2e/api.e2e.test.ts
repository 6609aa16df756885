import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { computeBarometer, DEFAULT_MODEL, defaultModel, runLinkage } from "@symmetry/engine";
import { startAzurite, type RunningAzurite } from "../../scripts/azurite";
import { buildIfStale, DEV_HOST_ENTRY, root } from "../../scripts/build";
import { syntheticPopulation } from "../support/aggregates";
import { apiClient, waitForJob } from "../support/api";
import { linkageRequest, syntheticUnits } from "../support/linkage";
import { startLocalApi, stopLocalApi, type LocalApi } from "../support/localApi";
import { alive, freePort, spawnCollecting, type Spawned } from "../support/processes";

/**
 * End to end over HTTP on loopback: first `npm run start:api` as a user runs it (Azurite + dev
 * host), then the dev host alone on a test Azurite to kill it mid-job and to load it.
 */

const ADMIN_KEY = "e2e-admin-key-0123456789abcdefghijklm";
const READ_KEY = "e2e-read-key-0123456789abcdefghijklmn";
const admin = { "x-sym-key": ADMIN_KEY };
const reader = { "x-sym-key": READ_KEY };
const employees = syntheticPopulation("employees", 40, 11, 0.5);
const customers = syntheticPopulation("customers", 50, 12);
const expectedBarometer = JSON.parse(JSON.stringify(computeBarometer(employees, customers, { model: DEFAULT_MODEL })));

const appEnvironment = {
  SYM_ADMIN_KEY: ADMIN_KEY,
  SYM_READ_KEY: READ_KEY,
  SYM_KEYS: "",
  SYM_TEST_FAULTS: "1",
  SYM_MAX_PAYLOAD_BYTES: "262144",
  SYM_LINKAGE_CHUNK_REPLICATES: "250",
  // The load test submits 500 jobs from 50 concurrent clients of one tenant (10 in sequence each), through the quota's
  // shards: a bucket of 1,000 and 500 active jobs admit them all.
  SYM_JOBS_PER_MINUTE: "1000",
  SYM_MAX_CONCURRENT_JOBS: "500",
  // The load test's barometer jobs are I/O-bound: the batches of the default host.json (2, for
  // CPU-bound chunks) are raised for it by app setting, as on Azure.
  AzureFunctionsJobHost__extensions__queues__batchSize: "16",
  AzureFunctionsJobHost__extensions__queues__newBatchThreshold: "8",
};

/** Log lines in which the worker reports a job as succeeded, per job id. */
function completionsById(output: string): Map<string, number> {
  const counts = new Map<string, number>();
  for (const match of output.matchAll(/"message":"job ([A-Za-z0-9_-]+) succeeded after/g))
    counts.set(match[1], (counts.get(match[1]) ?? 0) + 1);
  return counts;
}

beforeAll(() => {
  buildIfStale();
}, 180_000);

describe("npm run start:api", () => {
  let localApi: LocalApi | undefined;
  let api: Spawned;
  let request: ReturnType<typeof apiClient>;

  beforeAll(async () => {
    localApi = await startLocalApi({ environment: appEnvironment, readyTimeoutMs: 60_000, stopSignal: "SIGKILL" });
    api = localApi.process;
    request = apiClient(localApi.origin);
  }, 90_000);

  afterAll(async () => stopLocalApi(localApi));

  it("reports healthy storage and the app version", async () => {
    const health = await request("GET", "/api/health");
    expect(health.status).toBe(200);
    expect(health.body).toEqual({
      status: "ok",
      version: JSON.parse(readFileSync(path.join(root, "package.json"), "utf8")).version,
      storage: { blob: "ok", queue: "ok", table: "ok" },
    });
  });

  it("creates, reads and updates a model with ETags: 428 without a precondition, 412 on a stale ETag, 409 on a second create", async () => {
    const model = { ...defaultModel(), id: "e2e", name: { fr: "Essai", en: "Trial" } };
    expect((await request("PUT", "/api/models/e2e", { headers: admin, body: model })).status).toBe(428);
    const created = await request("PUT", "/api/models/e2e", { headers: { ...admin, "If-None-Match": "*" }, body: model });
    expect(created.status).toBe(201);
    expect((await request("PUT", "/api/models/e2e", { headers: { ...admin, "If-None-Match": "*" }, body: model })).status).toBe(409);
    const read = await request("GET", "/api/models/e2e", { headers: reader });
    expect(read.status).toBe(200);
    const etag = read.headers.get("etag")!;
    expect(etag).toBe(created.headers.get("etag"));
    const updated = await request("PUT", "/api/models/e2e", {
      headers: { ...admin, "If-Match": etag },
      body: { ...model, name: { fr: "Essai 2", en: "Trial 2" } },
    });
    expect(updated.status).toBe(200);
    expect(updated.body.version).toBe(2);
    const stale = await request("PUT", "/api/models/e2e", { headers: { ...admin, "If-Match": etag }, body: model });
    expect(stale.status).toBe(412);
    expect(stale.body).toEqual({ error: "precondition-failed", details: expect.any(String) });
    expect((await request("GET", "/api/models/e2e/versions", { headers: reader })).body.versions).toHaveLength(2);
    expect((await request("GET", "/api/models/unknown-model", { headers: reader })).status).toBe(404);
  });

  it("answers 401 without a key and 403 with the read key on a write", async () => {
    const model = { ...defaultModel(), id: "locked" };
    expect((await request("PUT", "/api/models/locked", { headers: { "If-None-Match": "*" }, body: model })).status).toBe(401);
    expect((await request("PUT", "/api/models/locked", { headers: { ...reader, "If-None-Match": "*" }, body: model })).status).toBe(403);
    expect((await request("POST", "/api/jobs", { body: { kind: "barometer", payload: { employees, customers } } })).status).toBe(401);
  });

  it("answers 400 on malformed JSON, wrong types and unknown fields, 413 on an oversized body", async () => {
    const malformed = await request("POST", "/api/jobs", { headers: reader, body: '{"kind": "barometer", "payload": ' });
    expect(malformed.status).toBe(400);
    expect(malformed.body.error).toBe("invalid-json");
    const wrongType = await request("POST", "/api/jobs", {
      headers: reader,
      body: { kind: "barometer", payload: { employees: { ...employees, recommendation: "many" }, customers } },
    });
    expect(wrongType.status).toBe(400);
    expect(wrongType.body.details[0].path).toBe("payload.employees.recommendation");
    const unknownField = await request("POST", "/api/jobs", {
      headers: reader,
      body: { kind: "barometer", payload: { employees, customers }, priority: "high" },
    });
    expect(unknownField.status).toBe(400);
    expect(JSON.stringify(unknownField.body.details)).toContain("priority");
    const oversized = await request("POST", "/api/jobs", {
      headers: reader,
      body: { kind: "barometer", payload: { employees, customers, notes: "x".repeat(300_000) } },
    });
    expect(oversized.status).toBe(413);
    expect(oversized.body.error).toBe("payload-too-large");
  });

  it("runs a barometer job to succeeded with the engine's result", async () => {
    const submitted = await request("POST", "/api/jobs", {
      headers: reader,
      body: { kind: "barometer", payload: { employees, customers } },
    });
    expect(submitted.status).toBe(202);
    expect(submitted.headers.get("location")).toBe(`/api/jobs/${submitted.body.id}`);
    const job = await waitForJob(request, submitted.body.id, READ_KEY, 30_000);
    expect(job.status).toBe("succeeded");
    expect(job.result).toEqual(expectedBarometer);
  });

  it("stops Azurite and the API on SIGTERM", async () => {
    const group = api.process.pid!;
    const launcher = Number((await api.waitFor(/launcher pid (\d+)/))[1]);
    process.kill(launcher, "SIGTERM");
    const deadline = Date.now() + 15_000;
    while (alive(-group) && Date.now() < deadline) await new Promise((resolve) => setTimeout(resolve, 100));
    expect(api.output()).toContain("SIGTERM: stopping the API and Azurite");
    expect(alive(-group)).toBe(false); // npm, the launcher, Azurite and the dev host are all gone
  }, 30_000);
});

describe("dev host on Azurite: crash recovery, poison, load", () => {
  let azurite: RunningAzurite;
  let appRoot: string;
  const hosts: Spawned[] = [];
  let port: number;
  let request: ReturnType<typeof apiClient>;

  /** Starts the compiled dev host with app root `appRoot` (its host.json) on `port`. */
  async function startHost(): Promise<Spawned> {
    const host = spawnCollecting(process.execPath, [DEV_HOST_ENTRY], {
      cwd: appRoot,
      env: {
        ...process.env,
        ...appEnvironment,
        AzureWebJobsStorage: azurite.connectionString,
        SYM_API_PORT: String(port),
        SYM_DEVHOST_LEASE_SECONDS: "2",
        SYM_DEVHOST_WORKERS: "2",
      },
    });
    hosts.push(host);
    await host.waitFor(/listening on/, 30_000);
    return host;
  }

  beforeAll(async () => {
    azurite = await startAzurite();
    port = await freePort();
    request = apiClient(`http://127.0.0.1:${port}`);
    // A host.json of the same shape as the repository's, with shorter delays so retries are quick.
    appRoot = mkdtempSync(path.join(tmpdir(), "sym-devhost-"));
    const hostJson = JSON.parse(readFileSync(path.join(root, "host.json"), "utf8"));
    hostJson.extensions.queues = {
      ...hostJson.extensions.queues,
      maxPollingInterval: "00:00:00.5",
      visibilityTimeout: "00:00:00",
      maxDequeueCount: 3,
    };
    writeFileSync(path.join(appRoot, "host.json"), JSON.stringify(hostJson));
  }, 60_000);

  afterAll(async () => {
    for (const host of hosts) if (host.process.exitCode === null && host.process.signalCode === null) host.process.kill("SIGKILL");
    await azurite?.stop();
    rmSync(appRoot, { recursive: true, force: true });
  });

  it("finishes a job exactly once after the dev host is SIGKILLed while running it", async () => {
    const first = await startHost();
    const submitted = await request("POST", "/api/jobs", {
      headers: reader,
      body: { kind: "barometer", payload: { employees, customers }, testFault: { delayMs: 3000 } },
    });
    expect(submitted.status).toBe(202);
    const id = submitted.body.id as string;
    await first.waitFor(new RegExp(`job ${id} running`), 15_000);
    first.process.kill("SIGKILL");
    await first.exited();
    expect((await startHostAndRead(id)).status).toBe("running");

    const job = await waitForJob(request, id, READ_KEY, 40_000);
    expect(job.status).toBe("succeeded");
    expect(job.attempts).toBe(2);
    expect(job.result).toEqual(expectedBarometer);
    const output = hosts.map((host) => host.output()).join("\n");
    expect(completionsById(output).get(id)).toBe(1);
  }, 90_000);

  /** Restarts the host and reads the job straight away (still `running`: the lease has not expired). */
  async function startHostAndRead(id: string) {
    await startHost();
    return (await request("GET", `/api/jobs/${id}`, { headers: reader })).body;
  }

  it("ends a job failed with a reason after maxDequeueCount deliveries, and its message reaches the poison queue", async () => {
    const submitted = await request("POST", "/api/jobs", {
      headers: reader,
      body: { kind: "barometer", payload: { employees, customers }, testFault: { failAttempts: 99 } },
    });
    const job = await waitForJob(request, submitted.body.id, READ_KEY, 30_000);
    expect(job.status).toBe("failed");
    expect(job.attempts).toBe(3);
    expect(job.error.code).toBe("retries-exhausted");
    // The API gives the code's fixed sentence; the exception's text stays on the job row.
    expect(job.error.message).toBe("the job failed on every delivery and was given up");
    const host = hosts[hosts.length - 1];
    await host.waitFor(new RegExp(`"function":"jobPoison".*job ${submitted.body.id} already failed`), 10_000);
  }, 60_000);

  it("completes 500 jobs from 50 concurrent clients of 10 sequential submissions each exactly once, and measures throughput and model read latency", async () => {
    const model = { ...defaultModel(), id: "load" };
    expect((await request("PUT", "/api/models/load", { headers: { ...admin, "If-None-Match": "*" }, body: model })).status).toBe(201);
    const host = hosts[hosts.length - 1];
    const clients = 50;
    const jobsPerClient = 10;
    const ids: string[] = [];
    const started = Date.now();
    let submitting = true;

    const latencies: number[] = [];
    const readers = Array.from({ length: 2 }, async () => {
      while (submitting) {
        const before = performance.now();
        const response = await request("GET", "/api/models/load", { headers: reader });
        latencies.push(performance.now() - before);
        expect(response.status).toBe(200);
      }
    });
    await Promise.all(
      Array.from({ length: clients }, async (_, client) => {
        for (let index = 0; index < jobsPerClient; index++) {
          const response = await request("POST", "/api/jobs", {
            headers: { ...reader, "Idempotency-Key": `load-${client}-${index}` },
            body: { kind: "barometer", payload: { employees, customers } },
          });
          expect(response.status).toBe(202);
          ids.push(response.body.id);
        }
      }),
    );
    // Model reads go on while the queue drains; the worker's log tells when every job is done.
    const everyJobLogged = () => {
      const counts = completionsById(host.output());
      return ids.every((id) => counts.has(id));
    };
    const deadline = Date.now() + 150_000;
    while (!everyJobLogged() && Date.now() < deadline) await new Promise((resolve) => setTimeout(resolve, 200));
    submitting = false;
    await Promise.all(readers);
    const results: any[] = [];
    for (let start = 0; start < ids.length; start += 25) {
      results.push(
        ...(await Promise.all(
          ids
            .slice(start, start + 25)
            .map((id) => request("GET", `/api/jobs/${id}`, { headers: reader }).then((response) => response.body)),
        )),
      );
    }

    expect(new Set(ids).size).toBe(clients * jobsPerClient);
    expect(results.every((job) => job.status === "succeeded")).toBe(true);
    expect(results.every((job) => JSON.stringify(job.result) === JSON.stringify(expectedBarometer))).toBe(true);
    const completions = completionsById(host.output());
    expect(ids.every((id) => completions.get(id) === 1)).toBe(true);

    const lastCompletion = Math.max(...results.map((job) => Date.parse(job.completedAt)));
    const seconds = (lastCompletion - started) / 1000;
    const sorted = [...latencies].sort((a, b) => a - b);
    const p95 = sorted[Math.min(sorted.length - 1, Math.ceil(0.95 * sorted.length) - 1)];
    const median = sorted[Math.floor(sorted.length / 2)];
    const line = `load: ${ids.length} jobs from ${clients} clients in ${seconds.toFixed(2)} s = ${(ids.length / seconds).toFixed(1)} jobs/s; GET /api/models/{id} under load: ${latencies.length} requests, median ${median.toFixed(1)} ms, p95 ${p95.toFixed(1)} ms`;
    process.stdout.write(`${line}\n`);
    mkdirSync(path.join(root, "test-artifacts"), { recursive: true });
    writeFileSync(path.join(root, "test-artifacts", "api-load.txt"), `${new Date().toISOString()} ${line}\n`);
    expect(latencies.length).toBeGreaterThan(20);
  }, 300_000);

  describe("linkage jobs on two worker threads", () => {
    const linkagePayload = linkageRequest(syntheticUnits(120, 5), 2000, 3);
    const expectedLinkage = JSON.parse(JSON.stringify(runLinkage(linkagePayload)));
    const chunkLines = (output: string, id: string) => [
      ...output.matchAll(new RegExp(`"worker":(\\d+),"message":"job ${id} chunk (\\d+) running`, "g")),
    ];

    it("fans a linkage job out over both threads and returns runLinkage's result, with progress along the way", async () => {
      const host = hosts[hosts.length - 1];
      const submitted = await request("POST", "/api/jobs", { headers: reader, body: { kind: "linkage", payload: linkagePayload } });
      expect(submitted.status).toBe(202);
      const id = submitted.body.id as string;
      const progress = new Set<number>();
      let job: any;
      for (const deadline = Date.now() + 60_000; Date.now() < deadline; await new Promise((resolve) => setTimeout(resolve, 50))) {
        job = (await request("GET", `/api/jobs/${id}`, { headers: reader })).body;
        progress.add(job.progress);
        if (job.status === "succeeded" || job.status === "failed") break;
      }
      expect(job).toMatchObject({ status: "succeeded", progress: 100, chunks: { total: 8, done: 8 } });
      expect(job.result).toEqual(expectedLinkage);
      expect([...progress].some((value) => value > 0 && value < 100)).toBe(true);
      const lines = chunkLines(host.output(), id);
      expect(new Set(lines.map((line) => line[2])).size).toBe(8);
      expect(new Set(lines.map((line) => line[1]))).toEqual(new Set(["0", "1"]));
    }, 90_000);

    it("finishes a linkage job with the same numbers after the dev host is SIGKILLed mid-chunks", async () => {
      const victim = hosts[hosts.length - 1];
      const submitted = await request("POST", "/api/jobs", {
        headers: reader,
        body: { kind: "linkage", payload: linkagePayload, testFault: { delayMs: 700 } },
      });
      const id = submitted.body.id as string;
      await victim.waitFor(new RegExp(`job ${id} chunk \\d+ running`), 20_000);
      victim.process.kill("SIGKILL");
      await victim.exited();
      await startHost();
      const job = await waitForJob(request, id, READ_KEY, 60_000);
      expect(job.status).toBe("succeeded");
      expect(job.result).toEqual(expectedLinkage);
      const output = hosts.map((host) => host.output()).join("\n");
      expect(completionsById(output).get(id)).toBe(1);
    }, 90_000);
  });
});
