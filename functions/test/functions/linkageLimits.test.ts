/**
 * Linkage jobs over the work limits (shared/src/linkage/limits.ts) are refused at submission with
 * 400 `limit-exceeded` naming the field and the limit, and nothing is stored or queued. Each case
 * is one of the attacks found against the API: a 40 KB request of metric names, a driver job
 * with hundreds of predictors, 20,001 unit rows, and a total over the server's setting.
 */
import { QueueClient } from "@azure/storage-queue";
import { submitJob } from "../../src/functions/submitJob";
import { services } from "../../src/services";
import { JOB_QUEUE } from "../../src/storage/names";
import { READ_KEY, useAzurite } from "../support/azurite";
import { syntheticUnits } from "../support/linkage";
import { call } from "../support/requests";

const azurite = useAzurite({ SYM_MAX_PAYLOAD_BYTES: "8000000", SYM_MAX_BOOTSTRAP_WORK: "500000" });

const metrics = (prefix: string, count: number) => Array.from({ length: count }, (_, index) => `${prefix}${index}`);

async function submit(payload: unknown) {
  return call(submitJob, "POST", "/api/jobs", { headers: { "x-sym-key": READ_KEY }, body: { kind: "linkage", payload } });
}

async function queuedMessages(): Promise<number> {
  await services(); // creates the queue
  const properties = await new QueueClient(azurite().connectionString, JOB_QUEUE).getProperties();
  return properties.approximateMessagesCount ?? 0;
}

function unitsWith(names: string[], count: number) {
  return Array.from({ length: count }, (_, index) => ({
    unit: `U${index}`,
    employeesN: 10,
    metrics: Object.fromEntries(names.map((name, position) => [name, (index * 7 + position) % 13])),
  }));
}

describe("POST /api/jobs refuses linkage jobs over the work limits", () => {
  it("a 40 KB request with 120 x and 120 y metrics: 400 naming x and the 512-pair limit, nothing queued", async () => {
    const x = metrics("employee_metric_", 120);
    const y = metrics("customer_metric_", 120);
    const payload = { units: unitsWith([...x, ...y], 4), x, y, methods: ["pearson", "spearman"], bootstrap: 100_000 };
    expect(JSON.stringify(payload).length).toBeGreaterThan(20_000);
    const before = await queuedMessages();
    const response = await submit(payload);
    expect(response.status).toBe(400);
    expect(response.jsonBody.error).toBe("limit-exceeded");
    expect(response.jsonBody.details[0]).toMatchObject({ path: "payload.x", limit: 512, value: 28_800 });
    expect(response.jsonBody.details[0].message).toContain("512");
    expect(await queuedMessages()).toBe(before);
  });

  it("a driver job with 200 predictors: 400 naming drivers.predictors and its limit", async () => {
    const predictors = metrics("dimension_", 200);
    const response = await submit({
      units: unitsWith([...predictors, "nps"], 40),
      x: ["dimension_0"],
      y: ["nps"],
      bootstrap: 1000,
      drivers: { predictors },
    });
    expect(response.status).toBe(400);
    expect(response.jsonBody.details[0]).toMatchObject({ path: "payload.drivers.predictors", limit: 32, value: 200 });
  });

  it("a driver job over predictors × y × B: 400 naming drivers and 2,000,000", async () => {
    const predictors = metrics("dimension_", 20);
    const response = await submit({
      units: unitsWith([...predictors, "nps", "csat"], 40),
      x: ["dimension_0"],
      y: ["nps", "csat"],
      bootstrap: 100_000,
      drivers: { predictors },
    });
    expect(response.status).toBe(400);
    expect(response.jsonBody.details[0]).toMatchObject({ path: "payload.drivers", limit: 2_000_000, value: 4_000_000 });
  });

  it("20,001 unit rows: 400 naming units and 20,000", async () => {
    const response = await submit({ units: unitsWith(["enps", "nps"], 20_001), x: ["enps"], y: ["nps"], bootstrap: 10 });
    expect(response.status).toBe(400);
    expect(response.jsonBody.details[0]).toMatchObject({ path: "payload.units", limit: 20_000, value: 20_001 });
  });

  it("pairs × B over the server's SYM_MAX_BOOTSTRAP_WORK (500,000 here): 400 naming bootstrap and the setting's value", async () => {
    const response = await submit({
      units: syntheticUnits(40, 3),
      x: ["enps", "culture"],
      y: ["nps", "customer_score"],
      methods: ["pearson", "spearman"],
      bootstrap: 100_000,
    });
    expect(response.status).toBe(400);
    expect(response.jsonBody.details[0]).toMatchObject({ path: "payload.bootstrap", limit: 500_000, value: 800_000 });
  });

  it("accepts a job within every limit", async () => {
    const response = await submit({ units: syntheticUnits(40, 3), x: ["enps", "culture"], y: ["nps"], bootstrap: 1000, drivers: {} });
    expect(response.status).toBe(202);
  });
});
