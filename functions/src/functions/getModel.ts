import type { HttpRequest, HttpResponseInit } from "@azure/functions";
import { DEFAULT_MODEL } from "@symmetry/engine";
import { authorize } from "../http/auth";
import { DEFAULT_MODEL_ETAG } from "../http/defaultModel";
import { withErrors } from "../http/handler";
import { modelIdParameter } from "../http/modelRequest";
import { errorResponse, jsonResponse } from "../http/responses";
import { registerHttp } from "../register";
import { services } from "../services";

function matches(ifNoneMatch: string | null, etag: string): boolean {
  return ifNoneMatch !== null && ifNoneMatch.split(",").some((candidate) => candidate.trim() === etag || candidate.trim() === "*");
}

/**
 * `GET /api/models/{id}` (Barometer.Read): the model of the caller's tenant with its `ETag` (send
 * it back in `If-Match` to update); 304 when `If-None-Match` names the current ETag; 404 for an
 * unknown id or another tenant's model. The id `default` always answers the embedded default
 * model, shared by every tenant.
 */
export const getModel = withErrors(async (request: HttpRequest): Promise<HttpResponseInit> => {
  const current = await services();
  const caller = await authorize(request, current, "Barometer.Read");
  const id = modelIdParameter(request);
  const stored = id === DEFAULT_MODEL.id ? { model: DEFAULT_MODEL, etag: DEFAULT_MODEL_ETAG } : await current.models.get(caller.tenant, id);
  if (!stored) return errorResponse(404, "model-not-found", `model "${id}" does not exist`);
  const headers = { ETag: stored.etag, "Cache-Control": "private, no-cache" };
  if (matches(request.headers.get("if-none-match"), stored.etag)) return { status: 304, headers };
  return jsonResponse(200, stored.model, headers);
});

registerHttp("getModel", getModel);
