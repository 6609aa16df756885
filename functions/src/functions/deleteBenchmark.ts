import type { HttpRequest, HttpResponseInit, InvocationContext } from "@azure/functions";
import { authorize } from "../http/auth";
import { poolModel, waveQuery } from "../http/benchmarkRequest";
import { withErrors } from "../http/handler";
import { errorResponse } from "../http/responses";
import { registerHttp } from "../register";
import { services } from "../services";

/**
 * `DELETE /api/benchmarks/{id}[?wave=W]` (Benchmark.Contribute): withdraws the caller's own
 * contribution to the pool of model `{id}` (one wave, or every wave); 204, or 404 when it has
 * none. Its figures are erased; a tombstone keeps that wave closed, so it cannot be posted again
 * in the same wave (a delete-and-repost would let the pool be differenced). Nobody can delete
 * another organisation's contribution: the tenant comes from the credentials, not the request.
 */
export const deleteBenchmark = withErrors(async (request: HttpRequest, context: InvocationContext): Promise<HttpResponseInit> => {
  const current = await services();
  const { models, benchmarks } = current;
  const caller = await authorize(request, current, "Benchmark.Contribute");
  const { model, pool } = await poolModel(request, models, caller.tenant);
  const wave = waveQuery(request);
  const deleted = await benchmarks.deleteOfTenant(pool, caller.tenant, wave);
  if (deleted === 0) {
    return errorResponse(
      404,
      "contribution-not-found",
      `this key's organisation has no contribution to model "${model.id}"${wave ? ` for wave "${wave}"` : ""}`,
    );
  }
  context.log(`benchmark contribution(s) of tenant ${caller.tenant} to model ${model.id} deleted: ${deleted}`);
  return { status: 204, headers: { "Cache-Control": "no-store" } };
});

registerHttp("deleteBenchmark", deleteBenchmark);
