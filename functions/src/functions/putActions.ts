import type { HttpRequest, HttpResponseInit, InvocationContext } from "@azure/functions";
import { ActionPlanSchema } from "@symmetry/engine/actions";
import { authorize } from "../http/auth";
import { readJsonBody } from "../http/body";
import { withErrors } from "../http/handler";
import { modelOfTenantExists } from "../http/actionsRequest";
import { modelIdParameter } from "../http/modelRequest";
import { errorResponse, jsonResponse } from "../http/responses";
import { registerHttp } from "../register";
import { services } from "../services";
import { StoreConflict } from "../storage/errors";

const CONFLICT_STATUS = { exists: 409, stale: 412, missing: 412 } as const;
const CONFLICT_CODE = { exists: "actions-exist", stale: "precondition-failed", missing: "precondition-failed" } as const;

/**
 * `PUT /api/actions/{modelId}` (Model.Admin): stores the action plan of a model of the caller's
 * tenant, validated by the engine's `ActionPlanSchema` (400 with its issues). Optimistic
 * concurrency as for models (RFC 9110): `If-None-Match: *` creates (409 when a plan exists),
 * `If-Match: <etag>` replaces (412 when the ETag is stale), neither is 428; 404 when the model is
 * not the tenant's. The embedded `default` model may carry a plan of each tenant's own.
 */
export const putActions = withErrors(async (request: HttpRequest, context: InvocationContext): Promise<HttpResponseInit> => {
  const current = await services();
  const caller = await authorize(request, current, "Model.Admin");
  const id = modelIdParameter(request);
  const ifMatch = request.headers.get("if-match")?.trim();
  const ifNoneMatch = request.headers.get("if-none-match")?.trim();
  if (ifMatch && ifNoneMatch)
    return errorResponse(400, "conflicting-preconditions", "send either If-Match (replace) or If-None-Match: * (create), not both");
  if (!ifMatch && !ifNoneMatch)
    return errorResponse(428, "precondition-required", "send If-Match: <ETag> to replace the action plan or If-None-Match: * to create it");
  if (ifNoneMatch && ifNoneMatch !== "*") return errorResponse(400, "invalid-precondition", "If-None-Match accepts only * on PUT");
  if (ifMatch === "*") return errorResponse(400, "invalid-precondition", "If-Match needs the plan's ETag (from GET), not *");

  const plan = await readJsonBody(request, ActionPlanSchema, current.settings.maxPayloadBytes);
  if (!(await modelOfTenantExists(current, caller.tenant, id)))
    return errorResponse(404, "model-not-found", `model "${id}" does not exist`);
  try {
    const stored = await current.actions.put(caller.tenant, id, plan, ifMatch ? { ifMatch } : { ifNoneMatch: "*" });
    // The log names counts only: action texts and owners are the organisation's words.
    context.log(`action plan of model ${id} of tenant ${caller.tenant} stored (${plan.actions.length} actions) by ${caller.principal}`);
    return jsonResponse(ifMatch ? 200 : 201, stored.plan, { ETag: stored.etag, ...(ifMatch ? {} : { Location: `/api/actions/${id}` }) });
  } catch (error) {
    if (error instanceof StoreConflict) return errorResponse(CONFLICT_STATUS[error.reason], CONFLICT_CODE[error.reason], error.message);
    throw error;
  }
});

registerHttp("putActions", putActions);
