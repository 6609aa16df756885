import { QueueClient } from "@azure/storage-queue";
import { DEFAULT_MODEL, PopulationAccumulator } from "@symmetry/engine";
import { getJob } from "../../src/functions/getJob";
import { jobWorker } from "../../src/functions/jobWorker";
import { submitJob } from "../../src/functions/submitJob";
import { JOB_QUEUE } from "../../src/storage/names";
import { syntheticPopulation } from "../support/aggregates";
import { READ_KEY, useAzurite } from "../support/azurite";
import { call, context } from "../support/requests";

/**
 * A barometer job's result never states the count of a hidden group (docs/domain.md#confidentiality: the exact count of
 * a hidden group is a figure too): a unit of 3 employees and a manager of 2 come back as
 * `n: null, suppressed: true`, through the real queue and table storage (Azurite).
 */
const azurite = useAzurite();
const reader = { "x-sym-key": READ_KEY };

function employeesWithSmallGroups() {
  const dimensions = DEFAULT_MODEL.dimensions.slice(0, 2);
  const accumulator = new PopulationAccumulator({
    population: "employees",
    scale: { min: 1, max: 5 },
    items: dimensions.map((dimension, column) => ({ column, dimension: dimension.id, reversed: false })),
    recommendationColumn: dimensions.length,
  });
  const rows: [string, string, number][] = [
    ...Array.from({ length: 20 }, (_, index): [string, string, number] => ["Large", index < 18 ? "Ann" : "Bob", index % 11]),
    ...Array.from({ length: 3 }, (_, index): [string, string, number] => ["Small", "Cy", 10 - index]),
  ];
  for (const [unit, manager, recommendation] of rows) accumulator.addRow([3, 4, recommendation], unit, manager);
  return accumulator.result();
}

it("a barometer job result shows hidden units and managers as n null, suppressed true", async () => {
  const employees = employeesWithSmallGroups();
  const customers = syntheticPopulation("customers", 40, 2);
  const submitted = await call(submitJob, "POST", "/api/jobs", {
    headers: reader,
    body: { kind: "barometer", payload: { employees, customers } },
  });
  expect(submitted.status).toBe(202);
  const queue = new QueueClient(azurite().connectionString, JOB_QUEUE);
  let message: unknown;
  for (let attempt = 0; attempt < 20 && message === undefined; attempt++) {
    const received = (await queue.receiveMessages({ numberOfMessages: 1 })).receivedMessageItems[0];
    if (received) {
      await queue.deleteMessage(received.messageId, received.popReceipt);
      message = JSON.parse(Buffer.from(received.messageText, "base64").toString("utf8"));
    } else await new Promise((resolve) => setTimeout(resolve, 50));
  }
  await jobWorker(message, context("jobWorker", { dequeueCount: 1 }));
  const done = await call(getJob, "GET", `/api/jobs/${submitted.jsonBody.id}`, { headers: reader, params: { id: submitted.jsonBody.id } });
  expect(done.jsonBody.status).toBe("succeeded");
  const { units, managers } = done.jsonBody.result as { units: unknown[]; managers: unknown[] };
  // Small (3) is under 5; Large is hidden with it, else total − Large would give Small away.
  expect(units).toEqual([
    { unit: "Large", n: null, enps: null, suppressed: true },
    { unit: "Small", n: null, enps: null, suppressed: true },
  ]);
  expect(managers).toContainEqual({ unit: "Bob", n: null, enps: null, suppressed: true });
  expect(managers).toContainEqual({ unit: "Cy", n: null, enps: null, suppressed: true });
  expect(JSON.stringify(done.jsonBody.result)).not.toMatch(/"n":\s*[23][,}]/);
});
