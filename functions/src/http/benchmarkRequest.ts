import type { HttpRequest } from "@azure/functions";
import { BenchmarkSectorSchema, BenchmarkWaveSchema, DEFAULT_MODEL, type Model } from "@symmetry/engine";
import type { ModelStore } from "../storage/modelStore";
import { modelIdParameter } from "./modelRequest";
import { HttpError } from "./responses";

/** The model a pool belongs to (`{id}` of the route): the default model or a stored one; 404 otherwise. */
export async function poolModel(request: HttpRequest, models: ModelStore): Promise<Model> {
  const id = modelIdParameter(request);
  if (id === DEFAULT_MODEL.id) return DEFAULT_MODEL;
  const stored = await models.get(id);
  if (!stored)
    throw new HttpError(404, "model-not-found", `model "${id}" does not exist; a benchmark pool belongs to a stored model or to "default"`);
  return stored.model;
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
