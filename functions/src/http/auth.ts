import { createHash, timingSafeEqual } from "node:crypto";
import type { HttpRequest } from "@azure/functions";
import type { ApiKey, Role } from "../settings";
import { HttpError } from "./responses";

/** Header carrying the API key. */
export const KEY_HEADER = "x-sym-key";

/** The caller behind a valid key. */
export interface Caller {
  readonly role: Role;
  readonly tenant: string;
}

const ROLE_RANK: Record<Role, number> = { read: 0, admin: 1 };

function digest(value: string): Buffer {
  return createHash("sha256").update(value, "utf8").digest();
}

/**
 * Finds the key presented by the caller. Keys are compared in constant time (digests of equal
 * length through `timingSafeEqual`, every configured key visited) so response timing reveals
 * neither a key's prefix nor which key matched.
 */
export function findKey(presented: string, keys: readonly ApiKey[]): ApiKey | undefined {
  const presentedDigest = digest(presented);
  let found: ApiKey | undefined;
  for (const key of keys) {
    if (timingSafeEqual(presentedDigest, digest(key.key)) && found === undefined) found = key;
  }
  return found;
}

/**
 * The configured key matching the presented one: 401 without a key or with an unknown one. The
 * dev host calls it before reading a request's body, the handlers through `authorize`.
 */
export function authenticate(presented: string | null | undefined, keys: readonly ApiKey[]): ApiKey {
  const challenge = { "WWW-Authenticate": `ApiKey header="${KEY_HEADER}"` };
  if (!presented) throw new HttpError(401, "unauthenticated", `send an API key in the ${KEY_HEADER} header`, challenge);
  const key = findKey(presented, keys);
  if (!key) throw new HttpError(401, "unauthenticated", `the ${KEY_HEADER} key is not valid`, challenge);
  return key;
}

/**
 * Authenticates and authorises a request: 401 without a key or with an unknown one, 403 when the
 * key's role is below `role` (admin includes read).
 */
export function authorize(request: HttpRequest, keys: readonly ApiKey[], role: Role): Caller {
  const key = authenticate(request.headers.get(KEY_HEADER), keys);
  if (ROLE_RANK[key.role] < ROLE_RANK[role]) {
    throw new HttpError(403, "forbidden", `this operation needs the ${role} role; the key has the ${key.role} role`);
  }
  return { role: key.role, tenant: key.tenant };
}
