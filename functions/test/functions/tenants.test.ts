import { BlobServiceClient } from "@azure/storage-blob";
import { TableClient } from "@azure/data-tables";
import { QueueClient } from "@azure/storage-queue";
import { DEFAULT_MODEL } from "@symmetry/engine";
import { createKey } from "../../src/functions/createKey";
import { deleteBenchmark } from "../../src/functions/deleteBenchmark";
import { getActions } from "../../src/functions/getActions";
import { getBenchmark } from "../../src/functions/getBenchmark";
import { getJob } from "../../src/functions/getJob";
import { getModel } from "../../src/functions/getModel";
import { getModelVersion } from "../../src/functions/getModelVersion";
import { getMyBenchmark } from "../../src/functions/getMyBenchmark";
import { health } from "../../src/functions/health";
import { jobWorker } from "../../src/functions/jobWorker";
import { listKeys } from "../../src/functions/listKeys";
import { listModelVersions } from "../../src/functions/listModelVersions";
import { postBenchmark } from "../../src/functions/postBenchmark";
import { putActions } from "../../src/functions/putActions";
import { putModel } from "../../src/functions/putModel";
import { revokeKey } from "../../src/functions/revokeKey";
import { submitJob } from "../../src/functions/submitJob";
import { httpRoutes } from "../../src/routes";
import {
  ACTION_CONTAINER,
  BENCHMARK_TABLE,
  IDEMPOTENCY_TABLE,
  JOB_CONTAINER,
  JOB_QUEUE,
  JOB_TABLE,
  KEY_TABLE,
  MODEL_CONTAINER,
  QUOTA_TABLE,
} from "../../src/storage/names";
import { syntheticPopulation } from "../support/aggregates";
import { useAzurite } from "../support/azurite";
import { call, context } from "../support/requests";

/**
 * Two organisations on one API: acme stores a model, runs a job, contributes to pools and creates
 * a key; globex, with keys of every role, tries each route on acme's things. Another tenant's
 * things are as unknown as missing ones (404, or a refused precondition), nothing of acme's
 * changes, and no byte is written by a refused call. `default` is shared and read-only.
 */

const ROLES = ["admin", "contribute", "read"] as const;
const keyOf = (tenant: string, role: string) => `${tenant}-${role}-tenants-test-key-0123456789abcdef`;
const azurite = useAzurite({
  SYM_KEYS: JSON.stringify(["acme", "globex"].flatMap((tenant) => ROLES.map((role) => ({ key: keyOf(tenant, role), role, tenant })))),
});
const as = (tenant: string, role: (typeof ROLES)[number]) => ({ "x-sym-key": keyOf(tenant, role) });

const MODEL_ID = "acme-model";
const employees = syntheticPopulation("employees", 60, 1, 0.4);
const customers = syntheticPopulation("customers", 80, 2);
const modelNamed = (id: string) => ({ ...DEFAULT_MODEL, id, name: { en: `Model ${id}`, fr: `Modèle ${id}` } });
const plan = {
  version: 1,
  actions: [
    { dimension: "recognition", scope: { kind: "all" }, owner: "HR", due: null, status: "planned", text: "Thank-you notes", wave: null },
  ],
};
const contribution = { sector: "retail", wave: "2025", n: 40, dimensions: { culture: 61.5 }, enps: 10, nps: 20 };

/** Every entity, blob and queued message of the account, with its ETag: what a refused call must leave as it was. */
async function storageSnapshot(): Promise<string[]> {
  const connection = azurite().connectionString;
  const lines: string[] = [];
  for (const name of [JOB_TABLE, IDEMPOTENCY_TABLE, BENCHMARK_TABLE, QUOTA_TABLE, KEY_TABLE]) {
    const table = TableClient.fromConnectionString(connection, name, { allowInsecureConnection: true });
    for await (const entity of table.listEntities()) lines.push(`${name} ${entity.partitionKey} ${entity.rowKey} ${entity.etag}`);
  }
  const blobs = BlobServiceClient.fromConnectionString(connection);
  for (const name of [MODEL_CONTAINER, JOB_CONTAINER, ACTION_CONTAINER]) {
    for await (const blob of blobs.getContainerClient(name).listBlobsFlat()) lines.push(`${name} ${blob.name} ${blob.properties.etag}`);
  }
  const queued = await new QueueClient(connection, JOB_QUEUE).getProperties();
  lines.push(`queue ${queued.approximateMessagesCount}`);
  return lines.sort();
}

async function getPool(tenant: string, id: string) {
  const { HttpRequest } = await import("@azure/functions");
  const request = new HttpRequest({
    method: "GET",
    url: `http://localhost:7071/api/benchmarks/${id}?sector=retail`,
    headers: as(tenant, "read"),
    params: { id },
  });
  return (await getBenchmark(request, context("getBenchmark"))) as { status: number; jsonBody: any };
}

/** acme's things, made in the first test. */
const acme: { etag?: string; jobId?: string; keyId?: string; machineKey?: string; actionsEtag?: string } = {};

describe("two tenants on one API", () => {
  it("sets up acme: a stored model, a finished job, contributions and a machine key", async () => {
    const created = await call(putModel, "PUT", `/api/models/${MODEL_ID}`, {
      params: { id: MODEL_ID },
      headers: { ...as("acme", "admin"), "If-None-Match": "*" },
      body: modelNamed(MODEL_ID),
    });
    expect(created.status).toBe(201);
    acme.etag = (created.headers as Record<string, string>).ETag;
    for (const id of [MODEL_ID, "default"]) {
      const actions = await call(putActions, "PUT", `/api/actions/${id}`, {
        params: { id },
        headers: { ...as("acme", "admin"), "If-None-Match": "*" },
        body: plan,
      });
      expect(actions.status).toBe(201);
      acme.actionsEtag = (actions.headers as Record<string, string>).ETag;
    }
    const job = await call(submitJob, "POST", "/api/jobs", {
      headers: { ...as("acme", "read"), "Idempotency-Key": "shared-idempotency-key" },
      body: { kind: "barometer", payload: { employees, customers, modelId: MODEL_ID } },
    });
    expect(job.status).toBe(202);
    acme.jobId = job.jsonBody.id;
    await deliverAll();
    expect(
      (await call(getJob, "GET", `/api/jobs/${acme.jobId}`, { headers: as("acme", "read"), params: { id: acme.jobId! } })).jsonBody.status,
    ).toBe("succeeded");
    for (const id of [MODEL_ID, "default"]) {
      const posted = await call(postBenchmark, "POST", `/api/benchmarks/${id}`, {
        headers: as("acme", "contribute"),
        params: { id },
        body: contribution,
      });
      expect(posted.status).toBe(201);
    }
    const key = await call(createKey, "POST", "/api/keys", { headers: as("acme", "admin"), body: { name: "nightly", role: "read" } });
    expect(key.status).toBe(201);
    acme.keyId = key.jsonBody.id;
    acme.machineKey = key.jsonBody.key;
  });

  it("answers globex 404 (or a refused precondition) on every route that names acme's things, and writes nothing", async () => {
    const before = await storageSnapshot();
    // The snapshot sees acme's model, job, contributions and key.
    for (const store of [MODEL_CONTAINER, JOB_TABLE, BENCHMARK_TABLE, KEY_TABLE, ACTION_CONTAINER])
      expect(before.some((line) => line.startsWith(`${store} `))).toBe(true);
    const id = MODEL_ID;
    const attempts: [string, () => Promise<{ status?: number; jsonBody?: any }>, number][] = [
      ["getModel", () => call(getModel, "GET", `/api/models/${id}`, { headers: as("globex", "admin"), params: { id } }), 404],
      [
        "listModelVersions",
        () => call(listModelVersions, "GET", `/api/models/${id}/versions`, { headers: as("globex", "admin"), params: { id } }),
        404,
      ],
      [
        "getModelVersion",
        () =>
          call(getModelVersion, "GET", `/api/models/${id}/versions/1`, { headers: as("globex", "admin"), params: { id, version: "1" } }),
        404,
      ],
      [
        "putModel with acme's ETag",
        () =>
          call(putModel, "PUT", `/api/models/${id}`, {
            params: { id },
            headers: { ...as("globex", "admin"), "If-Match": acme.etag! },
            body: modelNamed(id),
          }),
        412,
      ],
      [
        "putModel blind (If-Match: *)",
        () =>
          call(putModel, "PUT", `/api/models/${id}`, {
            params: { id },
            headers: { ...as("globex", "admin"), "If-Match": "*" },
            body: modelNamed(id),
          }),
        412,
      ],
      [
        "putModel with a threshold under 5",
        () =>
          call(putModel, "PUT", `/api/models/${id}`, {
            params: { id },
            headers: { ...as("globex", "admin"), "If-Match": "*" },
            body: { ...modelNamed(id), thresholds: { ...DEFAULT_MODEL.thresholds, minGroupSize: 1 } },
          }),
        400,
      ],
      ["getActions", () => call(getActions, "GET", `/api/actions/${id}`, { headers: as("globex", "admin"), params: { id } }), 404],
      [
        "getActions on default (acme's plan there)",
        () => call(getActions, "GET", "/api/actions/default", { headers: as("globex", "admin"), params: { id: "default" } }),
        404,
      ],
      [
        "putActions with acme's ETag",
        () =>
          call(putActions, "PUT", `/api/actions/${id}`, {
            params: { id },
            headers: { ...as("globex", "admin"), "If-Match": acme.actionsEtag! },
            body: plan,
          }),
        404,
      ],
      [
        "putActions on default with acme's ETag",
        () =>
          call(putActions, "PUT", "/api/actions/default", {
            params: { id: "default" },
            headers: { ...as("globex", "admin"), "If-Match": acme.actionsEtag! },
            body: plan,
          }),
        412,
      ],
      [
        "getJob",
        () => call(getJob, "GET", `/api/jobs/${acme.jobId}`, { headers: as("globex", "admin"), params: { id: acme.jobId! } }),
        404,
      ],
      [
        "postBenchmark",
        () =>
          call(postBenchmark, "POST", `/api/benchmarks/${id}`, { headers: as("globex", "contribute"), params: { id }, body: contribution }),
        404,
      ],
      ["getBenchmark", () => getPool("globex", id), 404],
      [
        "getMyBenchmark",
        () => call(getMyBenchmark, "GET", `/api/benchmarks/${id}/mine`, { headers: as("globex", "read"), params: { id } }),
        404,
      ],
      [
        "deleteBenchmark",
        () => call(deleteBenchmark, "DELETE", `/api/benchmarks/${id}`, { headers: as("globex", "contribute"), params: { id } }),
        404,
      ],
      [
        "deleteBenchmark on default (acme's row there)",
        () =>
          call(deleteBenchmark, "DELETE", "/api/benchmarks/default", { headers: as("globex", "contribute"), params: { id: "default" } }),
        404,
      ],
      [
        "getMyBenchmark on default",
        () => call(getMyBenchmark, "GET", "/api/benchmarks/default/mine", { headers: as("globex", "read"), params: { id: "default" } }),
        404,
      ],
      [
        "revokeKey",
        () => call(revokeKey, "DELETE", `/api/keys/${acme.keyId}`, { headers: as("globex", "admin"), params: { id: acme.keyId! } }),
        404,
      ],
      [
        "putModel default",
        () =>
          call(putModel, "PUT", "/api/models/default", {
            params: { id: "default" },
            headers: { ...as("globex", "admin"), "If-Match": "*" },
            body: DEFAULT_MODEL,
          }),
        405,
      ],
    ];
    const answers: Record<string, number | undefined> = {};
    for (const [name, attempt] of attempts) answers[name] = (await attempt()).status;
    expect(answers).toEqual(Object.fromEntries(attempts.map(([name, , status]) => [name, status])));
    // Listing keys shows globex's own only (none), never acme's.
    const keys = await call(listKeys, "GET", "/api/keys", { headers: as("globex", "admin") });
    expect(keys.status).toBe(200);
    expect(JSON.stringify(keys.jsonBody)).not.toContain(acme.keyId!);
    expect(JSON.stringify(keys.jsonBody)).not.toContain("acme");
    // Health names no tenant.
    expect(JSON.stringify((await call(health, "GET", "/api/health")).jsonBody)).not.toContain("acme");
    expect(await storageSnapshot()).toEqual(before);
  });

  it("leaves acme's things as they were", async () => {
    const model = await call(getModel, "GET", `/api/models/${MODEL_ID}`, { headers: as("acme", "read"), params: { id: MODEL_ID } });
    expect(model.status).toBe(200);
    expect((model.headers as Record<string, string>).ETag).toBe(acme.etag);
    expect(
      (await call(getMyBenchmark, "GET", `/api/benchmarks/${MODEL_ID}/mine`, { headers: as("acme", "read"), params: { id: MODEL_ID } }))
        .status,
    ).toBe(200);
    expect(
      (await call(getMyBenchmark, "GET", "/api/benchmarks/default/mine", { headers: as("acme", "read"), params: { id: "default" } }))
        .status,
    ).toBe(200);
    // acme's machine key still works.
    expect(
      (await call(getModel, "GET", `/api/models/${MODEL_ID}`, { headers: { "x-sym-key": acme.machineKey! }, params: { id: MODEL_ID } }))
        .status,
    ).toBe(200);
  });

  it("gives globex its own job for acme's Idempotency-Key and model id, which fails as an unknown model", async () => {
    const job = await call(submitJob, "POST", "/api/jobs", {
      headers: { ...as("globex", "read"), "Idempotency-Key": "shared-idempotency-key" },
      body: { kind: "barometer", payload: { employees, customers, modelId: MODEL_ID } },
    });
    expect(job.status).toBe(202);
    expect(job.jsonBody.id).not.toBe(acme.jobId);
    await deliverAll();
    const failed = await call(getJob, "GET", `/api/jobs/${job.jsonBody.id}`, {
      headers: as("globex", "read"),
      params: { id: job.jsonBody.id },
    });
    expect(failed.jsonBody).toMatchObject({ status: "failed", error: { code: "unknown-model" } });
    expect(
      (await call(getJob, "GET", `/api/jobs/${job.jsonBody.id}`, { headers: as("acme", "read"), params: { id: job.jsonBody.id } })).status,
    ).toBe(404);
  });

  it("shares default: both read it, neither can change it, and both contribute to its one pool", async () => {
    for (const tenant of ["acme", "globex"]) {
      const read = await call(getModel, "GET", "/api/models/default", { headers: as(tenant, "read"), params: { id: "default" } });
      expect(read.status).toBe(200);
      expect(read.jsonBody.id).toBe("default");
    }
    expect(
      (
        await call(putModel, "PUT", "/api/models/default", {
          params: { id: "default" },
          headers: { ...as("acme", "admin"), "If-None-Match": "*" },
          body: DEFAULT_MODEL,
        })
      ).status,
    ).toBe(405);
    expect(
      (
        await call(postBenchmark, "POST", "/api/benchmarks/default", {
          headers: as("globex", "contribute"),
          params: { id: "default" },
          body: contribution,
        })
      ).status,
    ).toBe(201);
    // One pool for default: two organisations in it (under 10, so nothing is published and no count is given).
    expect((await getPool("acme", "default")).jsonBody).toEqual({ error: "not enough organisations", details: { required: 10 } });
    // globex's model of the same id is its own, with its own pool.
    expect(
      (
        await call(putModel, "PUT", `/api/models/${MODEL_ID}`, {
          params: { id: MODEL_ID },
          headers: { ...as("globex", "admin"), "If-None-Match": "*" },
          body: modelNamed(MODEL_ID),
        })
      ).status,
    ).toBe(201);
    expect(
      (await call(getMyBenchmark, "GET", `/api/benchmarks/${MODEL_ID}/mine`, { headers: as("globex", "read"), params: { id: MODEL_ID } }))
        .status,
    ).toBe(404);
  });

  it("covers every HTTP route of the app", () => {
    const covered = [
      "health",
      "getModel",
      "putModel",
      "getActions",
      "putActions",
      "listModelVersions",
      "getModelVersion",
      "submitJob",
      "getJob",
      "postBenchmark",
      "getBenchmark",
      "deleteBenchmark",
      "getMyBenchmark",
      "createKey",
      "listKeys",
      "revokeKey",
    ];
    expect(Object.keys(httpRoutes).sort()).toEqual(covered.sort());
  });
});

/** Runs every queued job message through the worker, as the queue trigger would. */
async function deliverAll(): Promise<void> {
  const queue = new QueueClient(azurite().connectionString, JOB_QUEUE);
  for (;;) {
    const received = (await queue.receiveMessages({ numberOfMessages: 1, visibilityTimeout: 5 })).receivedMessageItems[0];
    if (!received) return;
    await queue.deleteMessage(received.messageId, received.popReceipt);
    await jobWorker(JSON.parse(Buffer.from(received.messageText, "base64").toString("utf8")), context("jobWorker", { dequeueCount: 1 }));
  }
}
