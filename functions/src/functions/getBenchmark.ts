import type { HttpRequest, HttpResponseInit } from "@azure/functions";
import { BENCHMARK_PERCENTILES, latestContributions, MIN_BENCHMARK_ORGANISATIONS, summarisePool } from "@symmetry/engine";
import { authorize } from "../http/auth";
import { poolModel, poolQuery } from "../http/benchmarkRequest";
import { withErrors } from "../http/handler";
import { errorResponse, jsonResponse } from "../http/responses";
import { registerHttp } from "../register";
import { services } from "../services";

/**
 * `GET /api/benchmarks/{id}?sector=S[&wave=W]` (Barometer.Read): the pool's published
 * percentiles (10, 25, 50, 75, 90) of each dimension score, eNPS and NPS over the organisations
 * of the sector (each organisation once: the given wave, or its latest), computed by
 * `summarisePool`: rounded means of 5 neighbours, only when at least 10 organisations contribute;
 * otherwise 409 `{error: "not enough organisations", details: {required}}`, which does not say
 * how many there are. No organisation's row is ever returned.
 */
export const getBenchmark = withErrors(async (request: HttpRequest): Promise<HttpResponseInit> => {
  const current = await services();
  const { models, benchmarks } = current;
  const caller = await authorize(request, current, "Barometer.Read");
  const { model, pool: poolId } = await poolModel(request, models, caller.tenant);
  const { sector, wave } = poolQuery(request);
  const pool = latestContributions(await benchmarks.inSector(poolId, sector, wave), wave);
  const summary = summarisePool(pool, MIN_BENCHMARK_ORGANISATIONS);
  if (!summary) return errorResponse(409, "not enough organisations", { required: MIN_BENCHMARK_ORGANISATIONS });
  return jsonResponse(200, {
    modelId: model.id,
    sector,
    wave: wave ?? null,
    minimumOrganisations: MIN_BENCHMARK_ORGANISATIONS,
    percentiles: BENCHMARK_PERCENTILES,
    ...summary,
  });
});

registerHttp("getBenchmark", getBenchmark);
