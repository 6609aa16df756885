import { defaultModel } from "@symmetry/engine";
import { deleteBenchmark } from "../../src/functions/deleteBenchmark";
import { getBenchmark } from "../../src/functions/getBenchmark";
import { getMyBenchmark } from "../../src/functions/getMyBenchmark";
import { postBenchmark } from "../../src/functions/postBenchmark";
import { putModel } from "../../src/functions/putModel";
import { READ_KEY, useAzurite } from "../support/azurite";
import { call, logLines } from "../support/requests";
import reference from "../fixtures/benchmark-pool.json";

/** Expected percentiles: the published-percentile rule in numpy on the same contributions (fixtures/make_benchmark_pool.py). */

/** Fourteen contributors (org-0 … org-13) and org-14, which contributes nothing. */
const organisations = Array.from({ length: 15 }, (_, index) => ({
  key: `org-${index}-contribute-key-0123456789abcdef`,
  role: "contribute",
  tenant: `org-${index}`,
}));
const readers = organisations.map((organisation) => ({
  key: `${organisation.tenant}-read-key-0123456789abcdefghijk`,
  role: "read",
  tenant: organisation.tenant,
}));
const modelAdmin = { key: "org-1-model-admin-key-0123456789abcdef", role: "admin", tenant: "org-1" };
useAzurite({ SYM_KEYS: JSON.stringify([...organisations, ...readers, modelAdmin]) });

const adminOf = (index: number) => ({ "x-sym-key": organisations[index].key });
const readerOf = (index: number) => ({ "x-sym-key": readers[index].key });

function post(index: number, body: unknown, model = "default") {
  return call(postBenchmark, "POST", `/api/benchmarks/${model}`, { headers: adminOf(index), params: { id: model }, body });
}

async function pool(query: string, headers: Record<string, string> = readerOf(0), model = "default") {
  const { HttpRequest } = await import("@azure/functions");
  const { context } = await import("../support/requests");
  const request = new HttpRequest({
    method: "GET",
    url: `http://localhost:7071/api/benchmarks/${model}?${query}`,
    headers,
    params: { id: model },
  });
  return (await getBenchmark(request, context("getBenchmark"))) as { status: number; jsonBody: any };
}

function mine(index: number, model = "default") {
  return call(getMyBenchmark, "GET", `/api/benchmarks/${model}/mine`, { headers: readerOf(index), params: { id: model } });
}

function remove(index: number, model = "default", wave?: string) {
  const query = wave === undefined ? "" : `?wave=${wave}`;
  return call(deleteBenchmark, "DELETE", `/api/benchmarks/${model}${query}`, { headers: adminOf(index), params: { id: model } });
}

const retail = (figures: object) => ({ sector: "retail", wave: "2025", ...figures });

function expectSummary(actual: any, expected: any): void {
  expect(actual.organisations).toBe(expected.organisations);
  expect(Object.keys(actual.dimensions).sort()).toEqual(Object.keys(expected.dimensions).sort());
  // Whole points: equal, not close.
  expect(actual.dimensions).toEqual(expected.dimensions);
  expect(actual.enps).toEqual(expected.enps);
  expect(actual.nps).toEqual(expected.nps);
}

describe("anonymous benchmark pool against Azurite", () => {
  it("answers 'not enough organisations' without a count under 10 contributors, then the published percentiles with 10 and 14", async () => {
    for (let index = 0; index < 9; index++) expect((await post(index, retail(reference.contributions[index]))).status).toBe(201);
    const nine = await pool("sector=retail");
    expect(nine.status).toBe(409);
    expect(nine.jsonBody).toEqual({ error: "not enough organisations", details: { required: 10 } });

    expect((await post(9, retail(reference.contributions[9]))).status).toBe(201);
    const ten = await pool("sector=retail");
    expect(ten.status).toBe(200);
    expect(ten.jsonBody).toMatchObject({
      modelId: "default",
      sector: "retail",
      wave: null,
      minimumOrganisations: 10,
      percentiles: [10, 25, 50, 75, 90],
    });
    expectSummary(ten.jsonBody, reference.firstTen);
    expect(ten.jsonBody.nps).toBeNull(); // only 9 of the 10 gave an NPS
    expect(ten.jsonBody.dimensions.recognition).toBeUndefined(); // given by 9

    for (let index = 10; index < 14; index++) await post(index, retail(reference.contributions[index]));
    const replaced = await post(2, retail(reference.replacement));
    expect(replaced.status).toBe(200);
    const fourteen = await pool("sector=retail&wave=2025");
    expectSummary(fourteen.jsonBody, reference.allFourteen);
  });

  it("lets a contribution change once per wave and keeps a withdrawn one closed for its wave", async () => {
    const before = (await pool("sector=retail")).jsonBody;
    const again = await post(2, retail(reference.contributions[2]));
    expect(again).toMatchObject({ status: 409, jsonBody: { error: "contribution-locked" } });
    expect((await mine(2)).jsonBody.contributions[0].dimensions).toEqual(reference.replacement.dimensions);
    expect((await pool("sector=retail")).jsonBody).toEqual(before);
    // A new wave is a new contribution.
    expect((await post(2, { ...retail(reference.contributions[2]), wave: "2026" })).status).toBe(201);
    expect((await remove(2, "default", "2026")).status).toBe(204);
    const reposted = await post(2, { ...retail(reference.contributions[2]), wave: "2026" });
    expect(reposted).toMatchObject({ status: 409, jsonBody: { error: "contribution-withdrawn" } });
    expect((await remove(2, "default", "2026")).status).toBe(404);
    expect((await pool("sector=retail")).jsonBody).toEqual(before); // org-2 counts at 2025 again
  });

  it("never returns an organisation's row or name in the pool, and each organisation reads back only its own", async () => {
    const body = (await pool("sector=retail")).jsonBody;
    expect(JSON.stringify(body)).not.toMatch(/org-\d/);
    // Percentiles only: no list of contributions, no per-organisation field anywhere.
    expect(Object.keys(body).sort()).toEqual([
      "dimensions",
      "enps",
      "minimumOrganisations",
      "modelId",
      "nps",
      "organisations",
      "percentiles",
      "sector",
      "wave",
    ]);
    for (const figure of [...Object.values(body.dimensions), body.enps, body.nps]) {
      expect(Object.keys(figure as object).sort()).toEqual(["organisations", "p10", "p25", "p50", "p75", "p90"]);
    }
    const own = await mine(3);
    expect(own.status).toBe(200);
    expect(own.jsonBody.contributions).toHaveLength(1);
    expect(own.jsonBody.contributions[0]).toMatchObject({ organisation: "org-3", n: 5, dimensions: reference.contributions[3].dimensions });
    expect(JSON.stringify(own.jsonBody)).not.toMatch(/org-[^3]/);
    expect((await mine(14)).status).toBe(404); // org-14 has contributed nothing, and sees nothing of the others
  });

  it("deletes only the caller's own contribution, and says nothing of the count once under 10", async () => {
    expect((await remove(14)).status).toBe(404); // nothing of its own to delete; the others' rows are untouched
    expect((await pool("sector=retail")).jsonBody.organisations).toBe(14);
    expect((await remove(13)).status).toBe(204);
    expect((await mine(13)).status).toBe(404);
    expect((await mine(12)).status).toBe(200);
    expect((await pool("sector=retail")).jsonBody.organisations).toBe(13);
    for (const index of [12, 11, 10]) expect((await remove(index)).status).toBe(204);
    expect((await pool("sector=retail")).jsonBody.organisations).toBe(10);
    expect((await post(13, retail(reference.contributions[13]))).jsonBody.error).toBe("contribution-withdrawn");
    await remove(9);
    expect((await pool("sector=retail")).jsonBody).toEqual({ error: "not enough organisations", details: { required: 10 } });
  });

  it("keeps sectors and waves apart and counts an organisation once, at its latest wave", async () => {
    for (const index of [9, 10, 11, 12])
      expect((await post(index, { ...retail(reference.contributions[index]), wave: "2026" })).status).toBe(201);
    await post(0, { ...retail(reference.contributions[0]), wave: "2026" });
    expect((await pool("sector=retail")).jsonBody.organisations).toBe(13);
    expect((await pool("sector=retail&wave=2025")).jsonBody).toEqual({ error: "not enough organisations", details: { required: 10 } });
    expect((await pool("sector=retail&wave=2026")).jsonBody.details).toEqual({ required: 10 });
    expect((await pool("sector=hotels")).jsonBody.details).toEqual({ required: 10 });
    expect((await mine(0)).jsonBody.contributions.map((row: { wave: string }) => row.wave).sort()).toEqual(["2025", "2026"]);
  });

  it("refuses a contribution under the confidentiality threshold with 422 and the numbers", async () => {
    const response = await post(1, retail({ ...reference.contributions[1], n: 4 }));
    expect(response.status).toBe(422);
    expect(response.jsonBody).toEqual({
      error: "below-confidentiality-threshold",
      details: { message: "a benchmark contribution requires at least 5 employee respondents, got n = 4", required: 5, have: 4 },
    });
    // A stored model with a higher threshold raises it.
    const strict = { ...defaultModel(), id: "strict", thresholds: { ...defaultModel().thresholds, minGroupSize: 10 } };
    expect(
      (
        await call(putModel, "PUT", "/api/models/strict", {
          headers: { "x-sym-key": modelAdmin.key, "If-None-Match": "*" },
          params: { id: "strict" },
          body: strict,
        })
      ).status,
    ).toBe(201);
    const underStrict = await post(1, retail({ ...reference.contributions[1], n: 9 }), "strict");
    expect(underStrict.status).toBe(422);
    expect(underStrict.jsonBody.details.required).toBe(10);
  });

  it("validates bodies, queries, keys and models", async () => {
    const unknownField = await post(1, retail({ ...reference.contributions[1], respondents: [{ culture: 4 }] }));
    expect(unknownField.status).toBe(400);
    expect(JSON.stringify(unknownField.jsonBody.details)).toContain("respondents");
    const outOfRange = await post(1, retail({ ...reference.contributions[1], enps: 140 }));
    expect(outOfRange.jsonBody.details).toEqual([expect.objectContaining({ path: "enps" })]);
    const unknownDimension = await post(1, retail({ ...reference.contributions[1], dimensions: { astrology: 50 } }));
    expect(unknownDimension.status).toBe(400);
    expect(unknownDimension.jsonBody.details[0].message).toContain('"astrology" is not in the model');
    expect((await post(1, retail(reference.contributions[1]), "nowhere")).status).toBe(404);
    expect((await pool("wave=2025")).jsonBody).toEqual({
      error: "invalid-query",
      details: [{ path: "sector", message: expect.stringContaining("required") }],
    });
    expect((await pool("sector=a/b")).status).toBe(400);
    expect(
      (
        await call(postBenchmark, "POST", "/api/benchmarks/default", {
          headers: readerOf(1),
          params: { id: "default" },
          body: retail(reference.contributions[1]),
        })
      ).status,
    ).toBe(403);
    expect(
      (
        await call(postBenchmark, "POST", "/api/benchmarks/default", {
          params: { id: "default" },
          body: retail(reference.contributions[1]),
        })
      ).status,
    ).toBe(401);
    expect((await pool("sector=retail", {})).status).toBe(401);
    expect(
      (await call(deleteBenchmark, "DELETE", "/api/benchmarks/default", { headers: { "x-sym-key": READ_KEY }, params: { id: "default" } }))
        .status,
    ).toBe(403);
  });

  it("logs tenants and models, never figures", async () => {
    logLines.length = 0;
    await post(1, retail({ ...reference.contributions[1], dimensions: { culture: 43.21 } }));
    expect(logLines.join("\n")).toContain("org-1");
    expect(logLines.join("\n")).not.toContain("43.21");
  });
});
