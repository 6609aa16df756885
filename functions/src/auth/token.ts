import { createRemoteJWKSet, decodeProtectedHeader, errors, jwtVerify, type JWTPayload } from "jose";
import type { TokenAuthSettings } from "../settings";
import { grantedRoles, type Caller } from "./roles";

/**
 * Validation of Entra ID access tokens ("Microsoft identity platform access tokens",
 * https://learn.microsoft.com/entra/identity-platform/access-tokens#validate-tokens): the signature
 * against the tenant-independent JWKS, RS256 only (an `alg: none` or HS256 token is refused before
 * any key is tried), the audience, `exp`/`nbf` with a small clock skew, and the issuer, which for a
 * multi-tenant app is the v2.0 template with the token's own `tid`; that tenant must be allowed.
 */

/** Clock skew accepted on `exp` and `nbf`, in seconds. */
export const CLOCK_SKEW_SECONDS = 60;
const ALGORITHMS = ["RS256"];

/** Why a token was refused: `invalid-token` (401) or `tenant-not-allowed` (403). */
export class TokenRejected extends Error {
  constructor(
    readonly code: "invalid-token" | "tenant-not-allowed",
    message: string,
  ) {
    super(message);
    this.name = "TokenRejected";
  }
}

type KeySet = ReturnType<typeof createRemoteJWKSet>;
const keySets = new Map<string, KeySet>();

/**
 * One cached key set per JWKS URL. jose keeps the keys for `cacheMaxAge` and, on a `kid` it does
 * not know (a rotated key), fetches the set again at most once per `cooldownDuration`, so a flood
 * of tokens with made-up `kid`s cannot turn into a flood of JWKS requests.
 */
export function keySetFor(url: string, options: { cooldownMs?: number; cacheMaxAgeMs?: number } = {}): KeySet {
  const cacheKey = `${url} ${options.cooldownMs ?? ""} ${options.cacheMaxAgeMs ?? ""}`;
  let keySet = keySets.get(cacheKey);
  if (!keySet) {
    keySet = createRemoteJWKSet(new URL(url), {
      cooldownDuration: options.cooldownMs ?? 30_000,
      cacheMaxAge: options.cacheMaxAgeMs ?? 3_600_000,
      timeoutDuration: 5_000,
    });
    keySets.set(cacheKey, keySet);
  }
  return keySet;
}

function describe(error: unknown): string {
  if (error instanceof errors.JWTExpired) return "the token has expired";
  if (error instanceof errors.JWTClaimValidationFailed) {
    if (error.claim === "nbf") return "the token is not valid yet";
    if (error.claim === "aud") return "the token was issued for another audience";
    return `the token's ${error.claim} claim is not accepted`;
  }
  if (error instanceof errors.JOSEAlgNotAllowed) return "the token's signing algorithm is not accepted (RS256 only)";
  if (error instanceof errors.JWKSNoMatchingKey) return "the token was signed with a key the issuer does not publish";
  if (error instanceof errors.JWSSignatureVerificationFailed) return "the token's signature is not valid";
  if (error instanceof errors.JWKSTimeout || error instanceof errors.JWKSInvalid) return "the issuer's signing keys could not be fetched";
  return "the token is malformed";
}

/**
 * Verifies a bearer token and returns its caller: tenant = `tid`, principal = `oid`, roles = the
 * app roles of its `roles` claim.
 *
 * @throws TokenRejected
 */
export async function verifyAccessToken(
  token: string,
  settings: TokenAuthSettings,
  keySet: KeySet = keySetFor(settings.jwksUrl),
): Promise<Caller> {
  let header;
  try {
    header = decodeProtectedHeader(token);
  } catch {
    throw new TokenRejected("invalid-token", "the token is malformed");
  }
  if (header.alg === undefined || !ALGORITHMS.includes(header.alg))
    throw new TokenRejected("invalid-token", "the token's signing algorithm is not accepted (RS256 only)");
  let payload: JWTPayload;
  try {
    ({ payload } = await jwtVerify(token, keySet, {
      algorithms: ALGORITHMS,
      audience: [...settings.audiences],
      clockTolerance: CLOCK_SKEW_SECONDS,
      requiredClaims: ["exp", "iss", "tid", "oid"],
    }));
  } catch (error) {
    throw new TokenRejected("invalid-token", describe(error));
  }
  const tenant = payload.tid;
  if (typeof tenant !== "string" || tenant === "") throw new TokenRejected("invalid-token", "the token has no tenant (tid)");
  if (payload.iss !== settings.issuerTemplate.replace("{tenantid}", tenant))
    throw new TokenRejected("invalid-token", "the token's issuer does not match its tenant");
  if (!settings.allowedTenants.includes(tenant))
    throw new TokenRejected("tenant-not-allowed", "the token's organisation is not allowed on this API");
  const user = typeof payload.oid === "string" ? payload.oid : "";
  const roles = Array.isArray(payload.roles) ? payload.roles.filter((role): role is string => typeof role === "string") : [];
  return { tenant, roles: grantedRoles(roles), principal: `user:${user}` };
}
