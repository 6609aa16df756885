import { computeTrend, DEFAULT_MODEL, PopulationAccumulator, wavePopulationsFromUnits, type PopulationAggregate } from "@symmetry/engine";
import { getJob } from "../../src/functions/getJob";
import { jobWorker } from "../../src/functions/jobWorker";
import { submitJob } from "../../src/functions/submitJob";
import { seededRandom } from "../support/seededRandom";
import { READ_KEY, useAzurite } from "../support/azurite";
import { call, context } from "../support/requests";

/**
 * The `trend` job kind against Azurite: unit aggregates per wave in, the engine's `computeTrend`
 * out; respondent-level or pooled fields are refused by the strict schema.
 */
useAzurite({});
const reader = { "x-sym-key": READ_KEY };

/** Two waves of synthetic answers over four units; wave 2026 shifts employees' answers up. */
function wavesOf(population: "employees" | "customers", seed: number): PopulationAggregate {
  const random = seededRandom(seed);
  const dimensions = DEFAULT_MODEL.dimensions.slice(0, 3);
  const accumulator = new PopulationAccumulator({
    population,
    scale: { min: 1, max: 5 },
    items: dimensions.map((dimension, column) => ({ column, dimension: dimension.id, reversed: false })),
    recommendationColumn: dimensions.length,
  });
  for (const [wave, shift] of [
    ["2025", 0],
    ["2026", population === "employees" ? 1 : 0],
  ] as const) {
    for (let row = 0; row < 80; row++) {
      const values = dimensions.map(() => Math.min(5, Math.max(1, Math.round(1 + random() * 3 + shift))));
      values.push(Math.floor(random() * 11));
      accumulator.addRow(values, `unit-${row % 4}`, undefined, wave);
    }
  }
  return accumulator.result();
}

async function runJob(payload: unknown) {
  const submitted = await call(submitJob, "POST", "/api/jobs", { headers: reader, body: { kind: "trend", payload } });
  if (submitted.status !== 202) return { submitted };
  const { id } = submitted.jsonBody;
  await jobWorker({ jobId: id }, context("jobWorker", { dequeueCount: 1 }));
  const done = await call(getJob, "GET", `/api/jobs/${id}`, { headers: reader, params: { id } });
  return { submitted, done };
}

describe("trend job", () => {
  const employees = wavesOf("employees", 3);
  const customers = wavesOf("customers", 4);

  it("returns the engine's trend on unit aggregates per wave", async () => {
    const { done } = await runJob({ employees: { waves: employees.waves }, customers: { waves: customers.waves }, language: "fr" });
    expect(done!.jsonBody.status).toBe("succeeded");
    const e = wavePopulationsFromUnits(employees);
    const c = wavePopulationsFromUnits(customers);
    const expected = computeTrend(
      ["2025", "2026"].map((wave) => ({ wave, employees: e.get(wave)!, customers: c.get(wave)! })),
      { model: DEFAULT_MODEL, language: "fr" },
    );
    expect(done!.jsonBody.result).toEqual(JSON.parse(JSON.stringify(expected)));
    // The unit-per-wave totals are the rows' totals (every row here has a unit).
    expect(done!.jsonBody.result.waves[1].employees.n).toBe(80);
    expect(done!.jsonBody.result.changes[0].dimensions[0].employeeChange.change).toBeGreaterThan(0);
  });

  it("refuses pooled population fields (strict schema: unit aggregates per wave only)", async () => {
    const { submitted } = await runJob({ employees, customers: { waves: customers.waves } });
    expect(submitted.status).toBe(400);
    expect(JSON.stringify(submitted.jsonBody)).toContain("payload.employees");
  });

  it("fails a single wave with the engine's code and the API's fixed sentence for it", async () => {
    const single = { "2025": employees.waves["2025"] };
    const { done } = await runJob({ employees: { waves: single }, customers: { waves: { "2025": customers.waves["2025"] } } });
    expect(done!.jsonBody.status).toBe("failed");
    // The engine's own message names the wave labels; the API gives the code and its fixed sentence only.
    expect(done!.jsonBody.error).toEqual({ code: "too-few-values", message: "there are too few values for the analysis" });
  });
});
