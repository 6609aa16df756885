import type { HttpRequest, HttpResponseInit } from "@azure/functions";
import { authorize } from "../http/auth";
import { withErrors } from "../http/handler";
import { ifNoneMatchNames, modelOfTenantExists } from "../http/actionsRequest";
import { modelIdParameter } from "../http/modelRequest";
import { errorResponse, jsonResponse } from "../http/responses";
import { registerHttp } from "../register";
import { services } from "../services";

/**
 * `GET /api/actions/{modelId}` (Barometer.Read): the action plan of a model of the caller's tenant
 * (`{version: 1, actions: […]}`, the document the workbook keeps in its part
 * `urn:symmetry-barometer:actions:1`) with its `ETag`; 304 when `If-None-Match` names it; 404 when
 * the model is not the tenant's or has no plan yet.
 */
export const getActions = withErrors(async (request: HttpRequest): Promise<HttpResponseInit> => {
  const current = await services();
  const caller = await authorize(request, current, "Barometer.Read");
  const id = modelIdParameter(request);
  if (!(await modelOfTenantExists(current, caller.tenant, id)))
    return errorResponse(404, "model-not-found", `model "${id}" does not exist`);
  const stored = await current.actions.get(caller.tenant, id);
  if (!stored) return errorResponse(404, "actions-not-found", `model "${id}" has no action plan yet`);
  const headers = { ETag: stored.etag, "Cache-Control": "private, no-cache" };
  if (ifNoneMatchNames(request.headers.get("if-none-match"), stored.etag)) return { status: 304, headers };
  return jsonResponse(200, stored.plan, headers);
});

registerHttp("getActions", getActions);
