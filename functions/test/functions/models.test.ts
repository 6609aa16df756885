import { DEFAULT_MODEL, defaultModel } from "@symmetry/engine";
import { getModel } from "../../src/functions/getModel";
import { getModelVersion } from "../../src/functions/getModelVersion";
import { listModelVersions } from "../../src/functions/listModelVersions";
import { putModel } from "../../src/functions/putModel";
import { ADMIN_KEY, READ_KEY, useAzurite } from "../support/azurite";
import { call, header } from "../support/requests";

useAzurite({ SYM_MAX_PAYLOAD_BYTES: "200000" });

const admin = { "x-sym-key": ADMIN_KEY };
const reader = { "x-sym-key": READ_KEY };

function modelNamed(id: string, name = "Acme barometer") {
  return { ...defaultModel(), id, name: { fr: name, en: name } };
}

describe("model endpoints against Azurite", () => {
  it("serves the embedded default model with an ETag, and 304 when it has not changed", async () => {
    const response = await call(getModel, "GET", "/api/models/default", { params: { id: "default" }, headers: reader });
    expect(response.status).toBe(200);
    expect(response.jsonBody).toEqual(DEFAULT_MODEL);
    const etag = header(response, "ETag");
    expect(etag).toMatch(/^".+"$/);
    const again = await call(getModel, "GET", "/api/models/default", {
      params: { id: "default" },
      headers: { ...reader, "If-None-Match": etag! },
    });
    expect(again.status).toBe(304);
  });

  it("answers 404 with {error, details} for an unknown model and 400 for an invalid id", async () => {
    const missing = await call(getModel, "GET", "/api/models/nobody", { params: { id: "nobody" }, headers: reader });
    expect(missing.status).toBe(404);
    expect(missing.jsonBody).toEqual({ error: "model-not-found", details: expect.stringContaining("nobody") });
    const invalid = await call(getModel, "GET", "/api/models/Bad%20Id", { params: { id: "Bad Id" }, headers: reader });
    expect(invalid.status).toBe(400);
  });

  it("creates with If-None-Match: *, refuses a second create with 409, updates with If-Match and keeps every version", async () => {
    const created = await call(putModel, "PUT", "/api/models/acme", {
      params: { id: "acme" },
      headers: { ...admin, "If-None-Match": "*" },
      body: modelNamed("acme"),
    });
    expect(created.status).toBe(201);
    expect(created.jsonBody.version).toBe(1);
    const firstEtag = header(created, "ETag")!;

    const duplicate = await call(putModel, "PUT", "/api/models/acme", {
      params: { id: "acme" },
      headers: { ...admin, "If-None-Match": "*" },
      body: modelNamed("acme"),
    });
    expect(duplicate.status).toBe(409);

    const read = await call(getModel, "GET", "/api/models/acme", { params: { id: "acme" }, headers: reader });
    expect(read.status).toBe(200);
    expect(header(read, "ETag")).toBe(firstEtag);
    expect(read.jsonBody.name.en).toBe("Acme barometer");

    const updated = await call(putModel, "PUT", "/api/models/acme", {
      params: { id: "acme" },
      headers: { ...admin, "If-Match": firstEtag },
      body: modelNamed("acme", "Acme v2"),
    });
    expect(updated.status).toBe(200);
    expect(updated.jsonBody.version).toBe(2);
    expect(header(updated, "ETag")).not.toBe(firstEtag);

    // Another analyst still holding the first ETag must not overwrite version 2.
    const stale = await call(putModel, "PUT", "/api/models/acme", {
      params: { id: "acme" },
      headers: { ...admin, "If-Match": firstEtag },
      body: modelNamed("acme", "Lost update"),
    });
    expect(stale.status).toBe(412);
    expect(stale.jsonBody.error).toBe("precondition-failed");

    const unconditional = await call(putModel, "PUT", "/api/models/acme", {
      params: { id: "acme" },
      headers: admin,
      body: modelNamed("acme", "Blind write"),
    });
    expect(unconditional.status).toBe(428);

    const versions = await call(listModelVersions, "GET", "/api/models/acme/versions", { params: { id: "acme" }, headers: reader });
    expect(versions.jsonBody.versions.map((entry: { version: number }) => entry.version)).toEqual([1, 2]);
    const first = await call(getModelVersion, "GET", "/api/models/acme/versions/1", {
      params: { id: "acme", version: "1" },
      headers: reader,
    });
    expect(first.jsonBody.name.en).toBe("Acme barometer");
    const current = await call(getModel, "GET", "/api/models/acme", { params: { id: "acme" }, headers: reader });
    expect(current.jsonBody.name.en).toBe("Acme v2");
  });

  it("lets exactly one of two concurrent updates with the same ETag win", async () => {
    const created = await call(putModel, "PUT", "/api/models/race", {
      params: { id: "race" },
      headers: { ...admin, "If-None-Match": "*" },
      body: modelNamed("race"),
    });
    const etag = header(created, "ETag")!;
    const attempts = await Promise.all(
      ["one", "two", "three"].map((name) =>
        call(putModel, "PUT", "/api/models/race", {
          params: { id: "race" },
          headers: { ...admin, "If-Match": etag },
          body: modelNamed("race", name),
        }),
      ),
    );
    expect(attempts.map((response) => response.status).sort()).toEqual([200, 412, 412]);
  });

  it("needs the admin key to write: 401 without a key or with an unknown one, 403 with the read key", async () => {
    const body = modelNamed("guarded");
    const params = { id: "guarded" };
    expect((await call(putModel, "PUT", "/api/models/guarded", { params, headers: { "If-None-Match": "*" }, body })).status).toBe(401);
    expect(
      (
        await call(putModel, "PUT", "/api/models/guarded", {
          params,
          headers: { "If-None-Match": "*", "x-sym-key": "not-a-key-at-all-xxxxxx" },
          body,
        })
      ).status,
    ).toBe(401);
    const forbidden = await call(putModel, "PUT", "/api/models/guarded", {
      params,
      headers: { "If-None-Match": "*", "x-sym-key": READ_KEY },
      body,
    });
    expect(forbidden.status).toBe(403);
    expect(forbidden.jsonBody.error).toBe("forbidden");
  });

  it("needs a key to read a model, even the default one", async () => {
    expect((await call(getModel, "GET", "/api/models/default", { params: { id: "default" } })).status).toBe(401);
    expect((await call(listModelVersions, "GET", "/api/models/acme/versions", { params: { id: "acme" } })).status).toBe(401);
    expect((await call(getModelVersion, "GET", "/api/models/acme/versions/1", { params: { id: "acme", version: "1" } })).status).toBe(401);
  });

  it("refuses a model whose confidentiality threshold is under 5, on create and on update", async () => {
    const weak = { ...modelNamed("weak"), thresholds: { ...modelNamed("weak").thresholds, minGroupSize: 1 } };
    const refused = await call(putModel, "PUT", "/api/models/weak", {
      params: { id: "weak" },
      headers: { ...admin, "If-None-Match": "*" },
      body: weak,
    });
    expect(refused.status).toBe(400);
    expect(refused.jsonBody.details).toEqual([
      expect.objectContaining({ path: "thresholds.minGroupSize", message: expect.stringContaining("cannot be below 5") }),
    ]);
    const created = await call(putModel, "PUT", "/api/models/weak", {
      params: { id: "weak" },
      headers: { ...admin, "If-None-Match": "*" },
      body: modelNamed("weak"),
    });
    expect(created.status).toBe(201);
    const lowered = await call(putModel, "PUT", "/api/models/weak", {
      params: { id: "weak" },
      headers: { ...admin, "If-Match": header(created, "ETag")! },
      body: { ...weak, thresholds: { ...weak.thresholds, minGroupSize: 4 } },
    });
    expect(lowered.status).toBe(400);
  });

  it("answers 400 on malformed JSON, wrong types and unknown fields, with the issues' paths", async () => {
    const params = { id: "broken" };
    const headers = { ...admin, "If-None-Match": "*" };
    const malformed = await call(putModel, "PUT", "/api/models/broken", { params, headers, body: '{"id": "broken",' });
    expect(malformed.status).toBe(400);
    expect(malformed.jsonBody.error).toBe("invalid-json");

    const wrongType = await call(putModel, "PUT", "/api/models/broken", {
      params,
      headers,
      body: { ...modelNamed("broken"), dimensions: "eleven" },
    });
    expect(wrongType.status).toBe(400);
    expect(wrongType.jsonBody.details).toEqual(expect.arrayContaining([expect.objectContaining({ path: "dimensions" })]));

    const unknownField = await call(putModel, "PUT", "/api/models/broken", {
      params,
      headers,
      body: { ...modelNamed("broken"), colour: "blue" },
    });
    expect(unknownField.status).toBe(400);
    expect(JSON.stringify(unknownField.jsonBody.details)).toContain("colour");

    const otherId = await call(putModel, "PUT", "/api/models/broken", { params, headers, body: modelNamed("elsewhere") });
    expect(otherId.status).toBe(400);
  });

  it("answers 413 for a body over SYM_MAX_PAYLOAD_BYTES and 405 for the read-only default model", async () => {
    const oversized = {
      ...modelNamed("huge"),
      journeyMoments: Array.from({ length: 4000 }, (_, index) => ({
        id: `moment-${index}`,
        label: { fr: "x".repeat(20), en: "y".repeat(20) },
      })),
    };
    const response = await call(putModel, "PUT", "/api/models/huge", {
      params: { id: "huge" },
      headers: { ...admin, "If-None-Match": "*" },
      body: oversized,
    });
    expect(response.status).toBe(413);
    const readOnly = await call(putModel, "PUT", "/api/models/default", {
      params: { id: "default" },
      headers: { ...admin, "If-Match": "*" },
      body: modelNamed("default"),
    });
    expect(readOnly.status).toBe(405);
  });
});
