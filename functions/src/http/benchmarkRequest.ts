import type { HttpRequest } from "@azure/functions";
import { BenchmarkSectorSchema, BenchmarkWaveSchema, DEFAULT_MODEL, type Model } from "@symmetry/engine";
import type { ModelStore } from "../storage/modelStore";
import { modelIdParameter } from "./modelRequest";
import { HttpError } from "./responses";

/**
 * The model a pool belongs to (`{id}` of the route): the shared default model, or one of the
 * caller's tenant; 404 otherwise (another tenant's model is as unknown as a missing one).
 */
export async function poolModel(request: HttpRequest, models: ModelStore, tenant: string): Promise<{ model: Model; pool: string }> {
  const id = modelIdParameter(request);
  if (id === DEFAULT_MODEL.id) return { model: DEFAULT_MODEL, pool: DEFAULT_MODEL.id };
  const stored = await models.get(tenant, id);
  if (!stored)
    throw new HttpError(404, "model-not-found", `model "${id}" does not exist; a benchmark pool belongs to a stored model or to "default"`);
  // A stored model's id means something only in its tenant: so does its pool ("~" is in no id).
  return { model: stored.model, pool: `${tenant}~${id}` };
}

function queryValue(request: HttpRequest, name: "sector" | "wave", required: boolean): string | undefined {
  const raw = request.query.get(name);
  if (raw === null || raw === "") {
    if (required)
      throw new HttpError(400, "invalid-query", [{ path: name, message: `the ${name} query parameter is required, e.g. ?${name}=retail` }]);
    return undefined;
  }
  const parsed = (name === "sector" ? BenchmarkSectorSchema : BenchmarkWaveSchema).safeParse(raw);
  if (!parsed.success) throw new HttpError(400, "invalid-query", [{ path: name, message: parsed.error.issues[0].message }]);
  return parsed.data;
}

/** `?sector=` (required) and `?wave=` (optional) of a pool read. */
export function poolQuery(request: HttpRequest): { sector: string; wave?: string } {
  return { sector: queryValue(request, "sector", true)!, wave: queryValue(request, "wave", false) };
}

/** `?wave=` (optional) of the requests on a tenant's own contributions. */
export function waveQuery(request: HttpRequest): string | undefined {
  return queryValue(request, "wave", false);
}
