import type { HttpRequest, HttpResponseInit, InvocationContext } from "@azure/functions";
import { DEFAULT_MODEL, ModelSchema } from "@symmetry/engine";
import { authorize } from "../http/auth";
import { readJsonBody } from "../http/body";
import { withErrors } from "../http/handler";
import { modelIdParameter } from "../http/modelRequest";
import { errorResponse, jsonResponse } from "../http/responses";
import { registerHttp } from "../register";
import { services } from "../services";
import { StoreConflict } from "../storage/errors";

const CONFLICT_STATUS = { exists: 409, stale: 412, missing: 412 } as const;
const CONFLICT_CODE = { exists: "model-exists", stale: "precondition-failed", missing: "precondition-failed" } as const;

/**
 * `PUT /api/models/{id}` (Model.Admin): creates or updates a model of the caller's tenant, validated by the shared
 * `ModelSchema` (400 with its issues). Optimistic concurrency as in RFC 9110:
 * `If-None-Match: *` creates (409 if the id exists), `If-Match: <etag>` updates (412 when the
 * ETag is stale), neither is 428. The server numbers versions (1, 2, …; the body's `version` is
 * replaced) and keeps every one. `default` is read-only (405).
 */
export const putModel = withErrors(async (request: HttpRequest, context: InvocationContext): Promise<HttpResponseInit> => {
  const current = await services();
  const { settings, models } = current;
  const caller = await authorize(request, current, "Model.Admin");
  const id = modelIdParameter(request);
  if (id === DEFAULT_MODEL.id) {
    return errorResponse(
      405,
      "read-only-model",
      `model "${id}" is the embedded default and cannot be changed; store yours under another id`,
      { Allow: "GET" },
    );
  }
  const ifMatch = request.headers.get("if-match");
  const ifNoneMatch = request.headers.get("if-none-match");
  if (ifMatch && ifNoneMatch)
    return errorResponse(400, "conflicting-preconditions", "send either If-Match (update) or If-None-Match: * (create), not both");
  if (!ifMatch && !ifNoneMatch) {
    return errorResponse(428, "precondition-required", "send If-Match: <ETag> to update a model or If-None-Match: * to create one");
  }
  if (ifNoneMatch && ifNoneMatch.trim() !== "*") return errorResponse(400, "invalid-precondition", "If-None-Match accepts only * on PUT");

  const model = await readJsonBody(request, ModelSchema, settings.maxPayloadBytes);
  if (model.id !== id)
    return errorResponse(400, "invalid-body", [{ path: "id", message: `the body's id "${model.id}" differs from the URL's "${id}"` }]);

  try {
    let stored;
    if (ifNoneMatch) {
      stored = await models.create(caller.tenant, model);
    } else {
      const etag = ifMatch!.trim();
      const existing = etag === "*" ? await models.get(caller.tenant, id) : undefined;
      if (etag === "*" && !existing)
        return errorResponse(412, "precondition-failed", `model "${id}" does not exist; send If-None-Match: * to create it`);
      stored = await models.update(caller.tenant, model, existing ? existing.etag : etag);
    }
    context.log(`model ${id} of tenant ${caller.tenant} stored as version ${stored.model.version} by ${caller.principal}`);
    const created = stored.model.version === 1;
    return jsonResponse(created ? 201 : 200, stored.model, { ETag: stored.etag, ...(created ? { Location: `/api/models/${id}` } : {}) });
  } catch (error) {
    if (error instanceof StoreConflict) return errorResponse(CONFLICT_STATUS[error.reason], CONFLICT_CODE[error.reason], error.message);
    throw error;
  }
});

registerHttp("putModel", putModel);
