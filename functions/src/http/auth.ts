import { createHash, timingSafeEqual } from "node:crypto";
import { grantedRoles, KEY_ROLE_GRANTS, type AppRole, type Caller } from "../auth/roles";
import { TokenRejected, verifyAccessToken } from "../auth/token";
import type { ApiKey, Settings } from "../settings";
import type { KeyStore } from "../storage/keyStore";
import { HttpError } from "./responses";

export type { Caller } from "../auth/roles";

/** Header carrying an API key (settings keys and machine keys). */
export const KEY_HEADER = "x-sym-key";

function digest(value: string): Buffer {
  return createHash("sha256").update(value, "utf8").digest();
}

/**
 * Finds the settings key presented by the caller. Keys are compared in constant time (digests of
 * equal length through `timingSafeEqual`, every configured key visited) so response timing reveals
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

/** What authentication reads of a request: its headers (an `HttpRequest`, or headers alone before the body). */
export interface HeaderSource {
  readonly headers: { get(name: string): string | null };
}

/** What authentication needs from the services. */
export interface AuthSources {
  readonly settings: Pick<Settings, "keys" | "tokenAuth">;
  readonly machineKeys: Pick<KeyStore, "verify">;
}

const KEY_CHALLENGE = `ApiKey header="${KEY_HEADER}"`;

function unauthenticated(details: string, tokenError = false): HttpError {
  // RFC 6750 §3: a refused bearer token is answered with error="invalid_token".
  const challenge = tokenError ? `Bearer error="invalid_token", ${KEY_CHALLENGE}` : `Bearer, ${KEY_CHALLENGE}`;
  return new HttpError(401, "unauthenticated", details, { "WWW-Authenticate": challenge });
}

/**
 * Who is calling: an Entra ID access token in `Authorization: Bearer` (when token sign-in is
 * configured), or a key in `x-sym-key` (a settings key, or a machine key from the key store).
 * 401 without credentials or with invalid ones; 403 for a token of a tenant not allowed.
 */
export async function authenticate(request: HeaderSource, sources: AuthSources): Promise<Caller> {
  const authorization = request.headers.get("authorization");
  if (authorization !== null) {
    const bearer = /^Bearer\s+(\S+)\s*$/i.exec(authorization);
    if (!bearer) throw unauthenticated("the Authorization header must read: Bearer <access token>", true);
    if (!sources.settings.tokenAuth)
      throw unauthenticated("this API does not accept sign-in tokens (token sign-in is not configured); send a key in x-sym-key", true);
    try {
      return await verifyAccessToken(bearer[1], sources.settings.tokenAuth);
    } catch (error) {
      if (!(error instanceof TokenRejected)) throw error;
      if (error.code === "tenant-not-allowed") throw new HttpError(403, "tenant-not-allowed", error.message);
      throw unauthenticated(error.message, true);
    }
  }
  const presented = request.headers.get(KEY_HEADER);
  if (!presented) throw unauthenticated(`sign in (Authorization: Bearer) or send an API key in the ${KEY_HEADER} header`);
  const settingsKey = findKey(presented, sources.settings.keys);
  if (settingsKey)
    return { tenant: settingsKey.tenant, roles: grantedRoles([KEY_ROLE_GRANTS[settingsKey.role]]), principal: "key:settings" };
  const machineKey = await sources.machineKeys.verify(presented);
  if (machineKey)
    return { tenant: machineKey.tenant, roles: grantedRoles([KEY_ROLE_GRANTS[machineKey.role]]), principal: `key:${machineKey.id}` };
  throw unauthenticated(`the ${KEY_HEADER} key is not valid (unknown, revoked or expired)`);
}

/** 403 unless the caller has `role`. */
export function requireRole(caller: Caller, role: AppRole): Caller {
  if (!caller.roles.includes(role)) {
    throw new HttpError(
      403,
      "forbidden",
      `this operation needs the ${role} role; the caller has ${caller.roles.length > 0 ? caller.roles.join(", ") : "no role of this API"}`,
    );
  }
  return caller;
}

/** Authenticates the request and checks one app role: 401, 403, or the caller. */
export async function authorize(request: HeaderSource, sources: AuthSources, role: AppRole): Promise<Caller> {
  return requireRole(await authenticate(request, sources), role);
}
