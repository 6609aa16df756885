import type { HttpRequest } from "@azure/functions";
import { DEFAULT_MODEL, ModelSchema } from "@symmetry/engine";
import { HttpError } from "./responses";

/** The `{id}` route parameter as a model id (the model schema's identifier rule), or 400. */
export function modelIdParameter(request: HttpRequest): string {
  const id = request.params.id ?? "";
  const parsed = ModelSchema.shape.id.safeParse(id);
  if (!parsed.success) throw new HttpError(400, "invalid-model-id", [{ path: "id", message: parsed.error.issues[0].message }]);
  return parsed.data;
}

export const DEFAULT_MODEL_ID = DEFAULT_MODEL.id;
