import { readFileSync } from "node:fs";
import * as path from "node:path";
import { defaultModel } from "@symmetry/engine";
import type { ActionPlan } from "@symmetry/engine/actions";
import { getActions } from "../../src/functions/getActions";
import { putActions } from "../../src/functions/putActions";
import { putModel } from "../../src/functions/putModel";
import { ADMIN_KEY, OTHER_TENANT_KEY, READ_KEY, useAzurite } from "../support/azurite";
import { call, header, logLines } from "../support/requests";

useAzurite();

const admin = { "x-sym-key": ADMIN_KEY };
const reader = { "x-sym-key": READ_KEY };
const otherTenant = { "x-sym-key": OTHER_TENANT_KEY };
// The sample plan the generator writes for the two-wave samples.
const plan = JSON.parse(
  readFileSync(path.join(__dirname, "..", "..", "..", "samples", "en", "waves", "actions.json"), "utf8"),
) as ActionPlan;

function put(id: string, headers: Record<string, string>, body: unknown = plan) {
  return call(putActions, "PUT", `/api/actions/${id}`, { params: { id }, headers, body });
}
function get(id: string, headers: Record<string, string>) {
  return call(getActions, "GET", `/api/actions/${id}`, { params: { id }, headers });
}

describe("action plan endpoints against Azurite", () => {
  beforeAll(async () => {
    const created = await call(putModel, "PUT", "/api/models/plans", {
      params: { id: "plans" },
      headers: { ...admin, "If-None-Match": "*" },
      body: { ...defaultModel(), id: "plans" },
    });
    expect(created.status).toBe(201);
  });

  it("creates with If-None-Match: *, reads back with its ETag and 304, replaces with If-Match and refuses a stale ETag", async () => {
    expect((await get("plans", reader)).status).toBe(404);
    const created = await put("plans", { ...admin, "If-None-Match": "*" });
    expect(created.status).toBe(201);
    const etag = header(created, "ETag")!;
    expect(etag).toMatch(/^".+"$/);
    expect((await put("plans", { ...admin, "If-None-Match": "*" })).status).toBe(409);

    const read = await get("plans", reader);
    expect(read.status).toBe(200);
    expect(read.jsonBody).toEqual(plan);
    expect(header(read, "ETag")).toBe(etag);
    expect(
      (await call(getActions, "GET", "/api/actions/plans", { params: { id: "plans" }, headers: { ...reader, "If-None-Match": etag } }))
        .status,
    ).toBe(304);

    const changed = { ...plan, actions: plan.actions.map((action) => ({ ...action, status: "done" as const })) };
    const replaced = await put("plans", { ...admin, "If-Match": etag }, changed);
    expect(replaced.status).toBe(200);
    expect(header(replaced, "ETag")).not.toBe(etag);
    // A colleague still holding the first ETag must not overwrite the change.
    const stale = await put("plans", { ...admin, "If-Match": etag }, plan);
    expect(stale.status).toBe(412);
    expect(stale.jsonBody.error).toBe("precondition-failed");
    expect((await get("plans", reader)).jsonBody).toEqual(changed);
  });

  it("keeps plans per tenant: another tenant neither reads nor overwrites them, and has its own for the default model", async () => {
    expect((await get("plans", otherTenant)).status).toBe(404);
    expect((await put("plans", { ...otherTenant, "If-None-Match": "*" })).status).toBe(404);
    expect((await put("default", { ...otherTenant, "If-None-Match": "*" })).status).toBe(201);
    expect((await put("default", { ...admin, "If-None-Match": "*" }, { version: 1, actions: [] })).status).toBe(201);
    expect((await get("default", otherTenant)).jsonBody).toEqual(plan);
    expect((await get("default", admin)).jsonBody).toEqual({ version: 1, actions: [] });
  });

  it("refuses a missing precondition, a reader, an invalid plan with its path, an unknown model, and logs no action text", async () => {
    expect((await put("plans", admin)).status).toBe(428);
    expect((await put("plans", { ...admin, "If-Match": "*" })).status).toBe(400);
    expect((await put("plans", { ...reader, "If-None-Match": "*" })).status).toBe(403);
    const invalid = await put(
      "nobody",
      { ...admin, "If-None-Match": "*" },
      { version: 1, actions: [{ ...plan.actions[0], due: "2025-02-30" }] },
    );
    expect(invalid.status).toBe(400);
    expect(JSON.stringify(invalid.jsonBody)).toContain("actions.0.due");
    expect((await put("nobody", { ...admin, "If-None-Match": "*" })).status).toBe(404);
    expect((await put("missing-plan", { ...admin, "If-Match": '"0x1"' })).status).toBe(404);
    const texts = plan.actions.flatMap((action) => [action.text, action.owner]);
    expect(logLines.some((line) => line.includes("action plan of model plans"))).toBe(true);
    expect(logLines.filter((line) => texts.some((text) => line.includes(text)))).toEqual([]);
  });
});
