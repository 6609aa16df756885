import type { HttpRequest, HttpResponseInit } from "@azure/functions";
import { DEFAULT_MODEL } from "@symmetry/engine";
import { authorize } from "../http/auth";
import { withErrors } from "../http/handler";
import { modelIdParameter } from "../http/modelRequest";
import { errorResponse, jsonResponse } from "../http/responses";
import { registerHttp } from "../register";
import { services } from "../services";

/** `GET /api/models/{id}/versions/{version}` (Barometer.Read): one past version of a model of the caller's tenant; 404 if absent. */
export const getModelVersion = withErrors(async (request: HttpRequest): Promise<HttpResponseInit> => {
  const current = await services();
  const caller = await authorize(request, current, "Barometer.Read");
  const id = modelIdParameter(request);
  const version = Number(request.params.version);
  if (!Number.isInteger(version) || version < 1) {
    return errorResponse(400, "invalid-version", [
      { path: "version", message: `expected a whole number from 1, got ${JSON.stringify(request.params.version)}` },
    ]);
  }
  const model =
    id === DEFAULT_MODEL.id
      ? version === DEFAULT_MODEL.version
        ? DEFAULT_MODEL
        : undefined
      : await current.models.getVersion(caller.tenant, id, version);
  if (!model) return errorResponse(404, "model-version-not-found", `model "${id}" has no version ${version}`);
  // A version never changes, but it belongs to one tenant: shared caches must not keep it.
  return jsonResponse(200, model, { "Cache-Control": "private, max-age=31536000, immutable" });
});

registerHttp("getModelVersion", getModelVersion);
