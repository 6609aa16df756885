import type { HttpRequest, HttpResponseInit } from "@azure/functions";
import { authorize } from "../http/auth";
import { poolModel, waveQuery } from "../http/benchmarkRequest";
import { withErrors } from "../http/handler";
import { errorResponse, jsonResponse } from "../http/responses";
import { registerHttp } from "../register";
import { services } from "../services";

/**
 * `GET /api/benchmarks/{id}/mine[?wave=W]` (Barometer.Read): the caller's own contributions to the pool
 * of model `{id}` (its tenant's only, never another's); 404 when it has none.
 */
export const getMyBenchmark = withErrors(async (request: HttpRequest): Promise<HttpResponseInit> => {
  const current = await services();
  const { models, benchmarks } = current;
  const caller = await authorize(request, current, "Barometer.Read");
  const { model, pool } = await poolModel(request, models, caller.tenant);
  const wave = waveQuery(request);
  const contributions = await benchmarks.ofTenant(pool, caller.tenant, wave);
  if (contributions.length === 0) {
    return errorResponse(
      404,
      "contribution-not-found",
      `this key's organisation has no contribution to model "${model.id}"${wave ? ` for wave "${wave}"` : ""}`,
    );
  }
  return jsonResponse(200, { modelId: model.id, contributions });
});

registerHttp("getMyBenchmark", getMyBenchmark);
