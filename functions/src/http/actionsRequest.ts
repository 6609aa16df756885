import { DEFAULT_MODEL } from "@symmetry/engine";
import type { Services } from "../services";

/** Whether `If-None-Match` names the ETag (or `*`). */
export function ifNoneMatchNames(ifNoneMatch: string | null, etag: string): boolean {
  return ifNoneMatch !== null && ifNoneMatch.split(",").some((candidate) => candidate.trim() === etag || candidate.trim() === "*");
}

/**
 * An action plan belongs to a model the tenant can read: the embedded default or one of its own.
 * Another tenant's model answers as an unknown one, so ids do not leak across tenants.
 */
export async function modelOfTenantExists(current: Pick<Services, "models">, tenant: string, id: string): Promise<boolean> {
  return id === DEFAULT_MODEL.id || (await current.models.get(tenant, id)) !== undefined;
}
