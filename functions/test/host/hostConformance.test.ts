/**
 * The function app as the Functions host runs it. A clean build is loaded by a stand-in of the
 * Node.js worker (support/functionsWorker.js: `@azure/functions-core` served as the worker's
 * `setupCoreModule` does, every file of package.json `main` required in turn, registration as the
 * worker's `registerFunction` checks it) and invoked through `@azure/functions`' own invocation
 * model with host-shaped data, against Azurite. A second part shows that the stand-in refuses
 * what the worker refuses.
 */
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { QueueClient } from "@azure/storage-queue";
import { runLinkage } from "@symmetry/engine";
import { cleanBuild, root } from "../../scripts/build";
import { httpRoutes, queueTriggers, timerTriggers } from "../../src/routes";
import { JOB_QUEUE } from "../../src/storage/names";
import { READ_KEY, useAzurite } from "../support/azurite";
import {
  httpResult,
  httpTrigger,
  misattributed,
  queueDelivery,
  routeRequest,
  startWorkerStandIn,
  timerTrigger,
  triggerOf,
  type WorkerStandIn,
} from "../support/hostStandIn";
import { linkageRequest, syntheticUnits } from "../support/linkage";

jest.setTimeout(240_000);

const azurite = useAzurite();
const scratch = fs.mkdtempSync(path.join(os.tmpdir(), "sym-host-"));
afterAll(() => fs.rmSync(scratch, { recursive: true, force: true }));

const rootPackage = JSON.parse(fs.readFileSync(path.join(root, "package.json"), "utf8")) as { main: string };

/** A function app directory as deployed: package.json (`main`), host.json, node_modules, and the given files. */
function appDirectory(name: string, main: string, files: Record<string, string> = {}): string {
  const directory = path.join(scratch, name);
  fs.mkdirSync(directory, { recursive: true });
  fs.writeFileSync(path.join(directory, "package.json"), JSON.stringify({ name, main }));
  fs.copyFileSync(path.join(root, "host.json"), path.join(directory, "host.json"));
  fs.symlinkSync(path.join(root, "node_modules"), path.join(directory, "node_modules"), "dir");
  for (const [file, content] of Object.entries(files)) {
    fs.mkdirSync(path.dirname(path.join(directory, file)), { recursive: true });
    fs.writeFileSync(path.join(directory, file), content);
  }
  return directory;
}

describe("the built function app in a stand-in of the Node.js worker", () => {
  let app: string;
  let worker: WorkerStandIn;
  const leftover = "dist/functions/src/functions/retiredFunction.js";

  beforeAll(async () => {
    // A file an older build left behind, registering a function that no longer exists.
    app = appDirectory("app", rootPackage.main, {
      [leftover]: `require("@azure/functions").app.http("retiredFunction", { handler: async () => ({ status: 410 }) });\n`,
    });
    cleanBuild(path.join(app, "dist"));
    worker = await startWorkerStandIn(app, {
      PATH: process.env.PATH,
      AzureWebJobsStorage: azurite().connectionString,
      SYM_READ_KEY: READ_KEY,
      SYM_LINKAGE_CHUNK_REPLICATES: "100",
    });
  });
  afterAll(async () => worker?.stop());

  it("the build emptied dist/ first: the leftover file is gone", () => {
    expect(fs.existsSync(path.join(app, leftover))).toBe(false);
  });

  it("no entry file requires another entry file", () => {
    const entries = fs.readdirSync(path.join(app, "dist/functions/src/functions")).filter((file) => file.endsWith(".js"));
    const stems = new Set(entries.map((file) => file.replace(/\.js$/, "")));
    const offenders = entries.flatMap((file) => {
      const code = fs.readFileSync(path.join(app, "dist/functions/src/functions", file), "utf8");
      return [...code.matchAll(/require\("\.\/([^"]+)"\)/g)]
        .filter((match) => stems.has(match[1].replace(/\.js$/, "")))
        .map((match) => `${file} requires ./${match[1]}`);
    });
    expect(offenders).toEqual([]);
  });

  it("loads every entry file without error, with the library's programming model", () => {
    expect(worker.indexed.loadErrors).toEqual([]);
    expect(worker.indexed.programmingModel).toMatch(/^@azure\/functions@4\./);
  });

  it("registers exactly the functions of the route table, each from its own file", () => {
    const names = worker.indexed.functions.map((fn) => fn.name).sort();
    expect(names).toEqual([...Object.keys(httpRoutes), ...Object.keys(queueTriggers), ...Object.keys(timerTriggers)].sort());
    expect(misattributed(worker.indexed)).toEqual([]);
  });

  it("registers each function with the route table's route, methods, authLevel, queue, connection and schedule", () => {
    const byName = Object.fromEntries(worker.indexed.functions.map((fn) => [fn.name, fn]));
    for (const [name, route] of Object.entries(httpRoutes)) {
      expect({ ...triggerOf(byName[name]), function: name }).toMatchObject({
        function: name,
        type: "httpTrigger",
        route: route.route,
        methods: [...route.methods],
        authLevel: route.authLevel,
      });
      expect(Object.values(byName[name].bindings).some((binding) => binding.direction === "out" && binding.type === "http")).toBe(true);
    }
    for (const [name, trigger] of Object.entries(queueTriggers)) {
      expect({ ...triggerOf(byName[name]), function: name }).toMatchObject({
        function: name,
        type: "queueTrigger",
        queueName: trigger.queueName,
        connection: trigger.connection,
      });
    }
    for (const [name, trigger] of Object.entries(timerTriggers)) {
      expect({ ...triggerOf(byName[name]), function: name }).toMatchObject({
        function: name,
        type: "timerTrigger",
        schedule: trigger.schedule,
      });
    }
  });

  async function http(method: string, pathAndQuery: string, headers: Record<string, string> = {}, body?: unknown) {
    const { name, params } = routeRequest(worker.indexed, method, pathAndQuery);
    return httpResult(await worker.invoke(name, httpTrigger(method, pathAndQuery, params, headers, body)));
  }

  /** Delivers every message on the job queue to jobWorker as the host would, deleting each on success. */
  async function drainJobQueue(): Promise<number> {
    const queue = new QueueClient(azurite().connectionString, JOB_QUEUE);
    let delivered = 0;
    for (;;) {
      const { receivedMessageItems } = await queue.receiveMessages({ numberOfMessages: 16, visibilityTimeout: 120 });
      if (receivedMessageItems.length === 0) return delivered;
      for (const message of receivedMessageItems) {
        const { trigger, triggerMetadata } = queueDelivery(message, "jobWorker");
        const outcome = await worker.invoke("jobWorker", trigger, triggerMetadata);
        if (outcome.error) throw new Error(`jobWorker failed: ${outcome.error}`);
        await queue.deleteMessage(message.messageId, message.popReceipt);
        delivered += 1;
      }
    }
  }

  it("answers GET /api/health through the library's HTTP conversion", async () => {
    const response = await http("GET", "/api/health");
    expect(response.status).toBe(200);
    expect(response.json).toMatchObject({ status: "ok", storage: { blob: "ok", queue: "ok", table: "ok" } });
    expect(response.headers["content-type"]).toMatch(/application\/json/);
  });

  it("runs a fanned-out linkage job to succeeded: POST, queue deliveries with host metadata, GET", async () => {
    const request = linkageRequest(syntheticUnits(40, 5), 300);
    const submitted = await http("POST", "/api/jobs", { "x-sym-key": READ_KEY }, { kind: "linkage", payload: request });
    expect(submitted.status).toBe(202);
    const delivered = await drainJobQueue();
    expect(delivered).toBe(1 + 3); // the job's own message, then its 3 chunks of 100 replicates
    const job = await http("GET", `/api/jobs/${submitted.json.id}`, { "x-sym-key": READ_KEY });
    expect(job.status).toBe(200);
    expect(job.json.status).toBe("succeeded");
    expect(job.json.attempts).toBe(1);
    expect(job.json.result).toEqual(JSON.parse(JSON.stringify(runLinkage(request))));
  });

  it("a message on the poison queue fails its job through jobPoison", async () => {
    const submitted = await http(
      "POST",
      "/api/jobs",
      { "x-sym-key": READ_KEY },
      { kind: "linkage", payload: linkageRequest(syntheticUnits(40, 6), 100) },
    );
    const message = {
      messageId: "poisoned-1",
      messageText: Buffer.from(JSON.stringify({ jobId: submitted.json.id })).toString("base64"),
      dequeueCount: 1,
      insertedOn: new Date(),
      expiresOn: new Date(Date.now() + 3600_000),
      nextVisibleOn: new Date(),
      popReceipt: "receipt",
    };
    const { trigger, triggerMetadata } = queueDelivery(message, "jobPoison");
    expect((await worker.invoke("jobPoison", trigger, triggerMetadata)).error).toBeUndefined();
    const job = await http("GET", `/api/jobs/${submitted.json.id}`, { "x-sym-key": READ_KEY });
    expect(job.json).toMatchObject({ status: "failed", error: { code: "retries-exhausted" } });
  });

  it("runs the cleanup timer from the host's timer payload", async () => {
    const outcome = await worker.invoke("jobCleanup", timerTrigger());
    expect(outcome.error).toBeUndefined();
    expect(outcome.logs?.some((line) => /job cleanup:/.test(line.message))).toBe(true);
  });
});

describe("the worker stand-in refuses what the Node.js worker refuses", () => {
  const register = (name: string) =>
    `require("@azure/functions").app.http(${JSON.stringify(name)}, { handler: async () => ({ status: 200 }) });\n`;

  it("a function registered twice (a leftover file with the same name): a load error", async () => {
    const app = appDirectory("duplicate", "dist/*.js", { "dist/a.js": register("health"), "dist/b.js": register("health") });
    const worker = await startWorkerStandIn(app, { PATH: process.env.PATH });
    await worker.stop();
    expect(worker.indexed.loadErrors).toEqual([{ file: "dist/b.js", message: 'A function with id "health" has already been registered.' }]);
  });

  it("an entry file requiring another: the function is attributed to the wrong file", async () => {
    const app = appDirectory("crossImport", "dist/*.js", {
      "dist/jobPoison.js": `require("./jobWorker");\n${register("jobPoison")}`,
      "dist/jobWorker.js": register("jobWorker"),
    });
    const worker = await startWorkerStandIn(app, { PATH: process.env.PATH });
    await worker.stop();
    expect(misattributed(worker.indexed)).toEqual(["jobWorker registered while loading jobPoison.js"]);
  });

  it("a main pattern matching no file: a load error", async () => {
    const app = appDirectory("empty", "dist/functions/*.js");
    const worker = await startWorkerStandIn(app, { PATH: process.env.PATH });
    await worker.stop();
    expect(worker.indexed.loadErrors[0].message).toMatch(/zero files/);
    expect(worker.indexed.functions).toEqual([]);
  });
});
