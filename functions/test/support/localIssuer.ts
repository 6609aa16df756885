import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { exportJWK, generateKeyPair, SignJWT, type JWK, type JWTPayload, type CryptoKey } from "jose";

/**
 * A local stand-in for the Entra ID issuer: RSA signing keys made by the test, a JWKS endpoint on
 * a free port, and tokens shaped like Microsoft identity platform v2.0 access tokens (iss with the
 * tenant, tid, oid, aud, roles). `rotate()` publishes a new key, as Entra ID does when it rolls its
 * signing keys.
 */
export interface LocalIssuer {
  readonly jwksUrl: string;
  readonly issuerTemplate: string;
  /** Requests the JWKS endpoint has answered. */
  jwksRequests(): number;
  /** Signs a token with the current key; `claims` and `header` override the defaults. */
  sign(claims: JWTPayload, options?: { header?: Record<string, unknown>; key?: "current" | "unpublished" }): Promise<string>;
  /** Publishes a new signing key (the old one stays published, as during a roll-over). */
  rotate(): Promise<void>;
  stop(): Promise<void>;
}

interface SigningKey {
  readonly kid: string;
  readonly privateKey: CryptoKey;
  readonly publicJwk: JWK;
}

async function newKey(kid: string): Promise<SigningKey> {
  const { privateKey, publicKey } = await generateKeyPair("RS256", { extractable: true });
  return { kid, privateKey, publicJwk: { ...(await exportJWK(publicKey)), kid, alg: "RS256", use: "sig" } };
}

export async function startLocalIssuer(): Promise<LocalIssuer> {
  const published: SigningKey[] = [await newKey("key-1")];
  const unpublished = await newKey("key-never-published");
  let requests = 0;
  const server: Server = createServer((request, response) => {
    if (request.url === "/keys") {
      requests++;
      response.setHeader("content-type", "application/json");
      response.end(JSON.stringify({ keys: published.map((key) => key.publicJwk) }));
      return;
    }
    response.statusCode = 404;
    response.end();
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  const issuerTemplate = `${origin}/{tenantid}/v2.0`;
  return {
    jwksUrl: `${origin}/keys`,
    issuerTemplate,
    jwksRequests: () => requests,
    async sign(claims, options = {}) {
      const key = options.key === "unpublished" ? unpublished : published[published.length - 1];
      const now = Math.floor(Date.now() / 1000);
      const tid = typeof claims.tid === "string" ? claims.tid : "tenant-a";
      const payload: JWTPayload = {
        iss: issuerTemplate.replace("{tenantid}", tid),
        tid,
        oid: "user-1",
        iat: now,
        nbf: now,
        exp: now + 3600,
        ver: "2.0",
        ...claims,
      };
      return new SignJWT(payload).setProtectedHeader({ alg: "RS256", typ: "JWT", kid: key.kid, ...options.header }).sign(key.privateKey);
    },
    async rotate() {
      published.push(await newKey(`key-${published.length + 1}`));
    },
    stop: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}
