import type { HttpRequest, HttpResponseInit } from "@azure/functions";
import { DEFAULT_MODEL } from "@symmetry/engine";
import { authorize } from "../http/auth";
import { withErrors } from "../http/handler";
import { modelIdParameter } from "../http/modelRequest";
import { errorResponse, jsonResponse } from "../http/responses";
import { registerHttp } from "../register";
import { services } from "../services";

/** `GET /api/models/{id}/versions` (Barometer.Read): every stored version of a model of the caller's tenant, oldest first; 404 if unknown. */
export const listModelVersions = withErrors(async (request: HttpRequest): Promise<HttpResponseInit> => {
  const current = await services();
  const caller = await authorize(request, current, "Barometer.Read");
  const id = modelIdParameter(request);
  if (id === DEFAULT_MODEL.id) return jsonResponse(200, { id, versions: [{ version: DEFAULT_MODEL.version, createdAt: null }] });
  const versions = await current.models.versions(caller.tenant, id);
  if (versions.length === 0) return errorResponse(404, "model-not-found", `model "${id}" does not exist`);
  return jsonResponse(200, { id, versions });
});

registerHttp("listModelVersions", listModelVersions);
