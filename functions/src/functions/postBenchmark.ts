import type { HttpRequest, HttpResponseInit, InvocationContext } from "@azure/functions";
import { BenchmarkContributionSchema, checkContribution, contributionThreshold, isSymError } from "@symmetry/engine";
import { authorize } from "../http/auth";
import { poolModel } from "../http/benchmarkRequest";
import { readJsonBody } from "../http/body";
import { withErrors } from "../http/handler";
import { errorResponse, jsonResponse } from "../http/responses";
import { registerHttp } from "../register";
import { services } from "../services";

/**
 * `POST /api/benchmarks/{id}` (Benchmark.Contribute): the caller's organisation (its tenant) contributes its
 * aggregates to the anonymous pool of model `{id}`: per-dimension employee scores, eNPS, NPS, n,
 * sector, wave (the shared strict `BenchmarkContributionSchema`; 400 with its issues). Refused with
 * 422 under the confidentiality threshold (n below 5, or the model's higher threshold), 400 for a
 * dimension the model does not have, 404 for an unknown model. One contribution per
 * (tenant, model, wave): 201 the first time, re-posting a wave replaces it once (200); a second
 * change (409 `contribution-locked`) or a post after a withdrawal in the same wave (409
 * `contribution-withdrawn`) is refused, so nobody can difference the pool with its own figures.
 * A new wave must sort after the organisation's latest (409 `wave-out-of-order`), and at most
 * `MAX_NEW_WAVES_PER_WINDOW` open per 12 months (409 `wave-limit`): fresh labels cannot be used to
 * move the contribution that counts.
 */
export const postBenchmark = withErrors(async (request: HttpRequest, context: InvocationContext): Promise<HttpResponseInit> => {
  const current = await services();
  const { settings, models, benchmarks } = current;
  const caller = await authorize(request, current, "Benchmark.Contribute");
  const { model, pool } = await poolModel(request, models, caller.tenant);
  const contribution = await readJsonBody(request, BenchmarkContributionSchema, settings.maxPayloadBytes);
  try {
    checkContribution(contribution, {
      dimensionIds: model.dimensions.map((dimension) => dimension.id),
      minGroupSize: model.thresholds.minGroupSize,
    });
  } catch (error) {
    if (isSymError(error) && error.code === "below-threshold") {
      return errorResponse(422, "below-confidentiality-threshold", {
        message: error.message,
        required: contributionThreshold(model.thresholds.minGroupSize),
        have: contribution.n,
      });
    }
    if (isSymError(error)) return errorResponse(400, "invalid-body", [{ path: "dimensions", message: error.message }]);
    throw error;
  }
  const outcome = await benchmarks.put(pool, caller.tenant, contribution);
  if (outcome.refused === "wave-out-of-order") {
    return errorResponse(409, "wave-out-of-order", {
      message: `wave "${contribution.wave}" sorts before this organisation's latest wave "${outcome.latest}"; a past pool cannot be filled in`,
      latest: outcome.latest,
    });
  }
  if (outcome.refused === "wave-limit") {
    return errorResponse(409, "wave-limit", {
      message: `this organisation already opened ${outcome.limit} waves in the last 12 months; a new wave can open from ${outcome.nextAt}`,
      limit: outcome.limit,
      nextAt: outcome.nextAt,
    });
  }
  if (outcome.refused !== undefined) {
    return outcome.refused === "changed"
      ? errorResponse(
          409,
          "contribution-locked",
          `this organisation's contribution for wave "${contribution.wave}" was already changed once; it can change again in the next wave`,
        )
      : errorResponse(
          409,
          "contribution-withdrawn",
          `this organisation withdrew its contribution for wave "${contribution.wave}"; it can contribute again in the next wave`,
        );
  }
  const { replaced, stored } = outcome;
  context.log(`benchmark contribution of tenant ${caller.tenant} to model ${model.id} ${replaced ? "replaced" : "stored"}`);
  return jsonResponse(replaced ? 200 : 201, stored, {
    Location: `/api/benchmarks/${model.id}/mine?wave=${encodeURIComponent(stored.wave)}`,
  });
});

registerHttp("postBenchmark", postBenchmark);
