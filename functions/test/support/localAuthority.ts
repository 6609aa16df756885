import { createHash, randomBytes } from "node:crypto";
import { execFileSync } from "node:child_process";
import { mkdtempSync, readFileSync, rmSync } from "node:fs";
import type { IncomingMessage, ServerResponse } from "node:http";
import { createServer, type Server } from "node:https";
import type { AddressInfo } from "node:net";
import { tmpdir } from "node:os";
import { join } from "node:path";
import type { LocalIssuer } from "./localIssuer";

/**
 * A local OpenID Connect authority in front of {@link LocalIssuer}, enough for MSAL.js's
 * authorization code flow with PKCE (OpenID Connect Core 1.0 §3.1, RFC 7636), so that the task
 * pane's real sign-in runs in Chromium:
 *
 * - `GET /{tenant}/v2.0/.well-known/openid-configuration`: the discovery document (its issuer has
 *   the authority's origin, as MSAL checks);
 * - `GET /{tenant}/v2.0/authorize`: signs in the configured user at once (no page) and redirects
 *   to `redirect_uri` with `code` and `state`, in the fragment or the query as `response_mode` asks;
 * - `POST /{tenant}/v2.0/token`: redeems a code (the `code_verifier` must match the S256
 *   challenge, the redirect URI and client id must be those of the authorize request) or a
 *   refresh token, and answers an ID token (with the request's nonce) and an access token for
 *   the configured audience, tenant and roles, signed by the issuer's key (CORS open, as Entra
 *   ID's token endpoint is for single-page apps).
 *
 * MSAL only accepts an https authority: the server uses a certificate made for 127.0.0.1 by
 * openssl, which the test browser is told to accept.
 */
export interface LocalAuthority {
  /** `https://127.0.0.1:<port>/<tenant>/v2.0`: the authority the pane is built with. */
  authority(tenant: string): string;
  /** `https://127.0.0.1:<port>/{tenantid}/v2.0`: the API's SYM_AUTH_ISSUER. */
  readonly issuerTemplate: string;
  /** What the next tokens say: their audience, tenant and roles (the test changes them between sign-ins). */
  user: { audience: string; tenant: string; roles: string[]; name: string; username: string };
  /** Requests answered, by endpoint (`authorize`, `token:authorization_code`, `token:refresh_token`, …). */
  readonly requests: string[];
  stop(): Promise<void>;
}

interface PendingCode {
  readonly clientId: string;
  readonly redirectUri: string;
  readonly challenge: string;
  readonly nonce: string | undefined;
  readonly scope: string;
}

function selfSignedCertificate(): { key: Buffer; cert: Buffer } {
  const folder = mkdtempSync(join(tmpdir(), "sym-authority-"));
  try {
    execFileSync(
      "openssl",
      [
        "req",
        "-x509",
        "-newkey",
        "rsa:2048",
        "-nodes",
        "-days",
        "1",
        "-subj",
        "/CN=127.0.0.1",
        "-addext",
        "subjectAltName=IP:127.0.0.1",
        "-keyout",
        join(folder, "key.pem"),
        "-out",
        join(folder, "cert.pem"),
      ],
      { stdio: "ignore" },
    );
    return { key: readFileSync(join(folder, "key.pem")), cert: readFileSync(join(folder, "cert.pem")) };
  } finally {
    rmSync(folder, { recursive: true, force: true });
  }
}

const base64url = (buffer: Buffer) => buffer.toString("base64url");

async function formBody(request: IncomingMessage): Promise<URLSearchParams> {
  let text = "";
  for await (const chunk of request) text += chunk;
  return new URLSearchParams(text);
}

export async function startLocalAuthority(issuer: LocalIssuer, user: LocalAuthority["user"]): Promise<LocalAuthority> {
  const codes = new Map<string, PendingCode>();
  const refreshTokens = new Map<string, PendingCode>();
  const requests: string[] = [];
  let origin = "";

  const tokens = async (tenant: string, pending: PendingCode) => {
    const now = Math.floor(Date.now() / 1000);
    const iss = `${origin}/${tenant}/v2.0`;
    const oid = `oid-${user.username}`;
    const idToken = await issuer.sign({
      iss,
      aud: pending.clientId,
      tid: tenant,
      oid,
      sub: oid,
      name: user.name,
      preferred_username: user.username,
      ...(pending.nonce ? { nonce: pending.nonce } : {}),
    });
    const accessToken = await issuer.sign({
      iss,
      aud: user.audience,
      tid: user.tenant,
      oid,
      roles: user.roles,
      scp: "access_as_user",
      iat: now,
    });
    const refreshToken = base64url(randomBytes(24));
    refreshTokens.set(refreshToken, pending);
    return {
      token_type: "Bearer",
      scope: pending.scope,
      expires_in: 3600,
      ext_expires_in: 3600,
      access_token: accessToken,
      id_token: idToken,
      refresh_token: refreshToken,
    };
  };

  const answer = (response: ServerResponse, status: number, body: unknown) =>
    response
      .writeHead(status, { "content-type": "application/json", "access-control-allow-origin": "*", "cache-control": "no-store" })
      .end(JSON.stringify(body));

  const handle = async (request: IncomingMessage, response: ServerResponse) => {
    const url = new URL(request.url ?? "/", origin);
    const match = /^\/([^/]+)\/v2\.0\/(.+)$/.exec(url.pathname);
    if (request.method === "OPTIONS") {
      response
        .writeHead(204, {
          "access-control-allow-origin": "*",
          "access-control-allow-methods": "GET, POST",
          "access-control-allow-headers": request.headers["access-control-request-headers"] ?? "content-type",
        })
        .end();
      return;
    }
    if (!match) return answer(response, 404, { error: "not_found" });
    const [, tenant, endpoint] = match;
    const authority = `${origin}/${tenant}/v2.0`;
    if (endpoint === ".well-known/openid-configuration") {
      requests.push("openid-configuration");
      return answer(response, 200, {
        issuer: authority,
        authorization_endpoint: `${authority}/authorize`,
        token_endpoint: `${authority}/token`,
        end_session_endpoint: `${authority}/logout`,
        jwks_uri: issuer.jwksUrl,
        response_types_supported: ["code"],
        response_modes_supported: ["query", "fragment"],
        subject_types_supported: ["pairwise"],
        id_token_signing_alg_values_supported: ["RS256"],
        code_challenge_methods_supported: ["S256"],
        scopes_supported: ["openid", "profile", "email", "offline_access"],
      });
    }
    if (endpoint === "authorize") {
      requests.push("authorize");
      const query = url.searchParams;
      const redirectUri = query.get("redirect_uri");
      const challenge = query.get("code_challenge");
      if (!redirectUri || query.get("response_type") !== "code" || !challenge || query.get("code_challenge_method") !== "S256") {
        return answer(response, 400, { error: "invalid_request", error_description: "code flow with an S256 PKCE challenge only" });
      }
      const code = base64url(randomBytes(24));
      codes.set(code, {
        clientId: query.get("client_id") ?? "",
        redirectUri,
        challenge,
        nonce: query.get("nonce") ?? undefined,
        scope: (query.get("scope") ?? "")
          .split(" ")
          .filter((scope) => scope.startsWith("api://"))
          .join(" "),
      });
      const result = new URLSearchParams({ code, state: query.get("state") ?? "" });
      const target = new URL(redirectUri);
      if (query.get("response_mode") === "query") target.search = result.toString();
      else target.hash = result.toString();
      response.writeHead(302, { location: target.toString() }).end();
      return;
    }
    if (endpoint === "token" && request.method === "POST") {
      const form = await formBody(request);
      const grant = form.get("grant_type") ?? "";
      requests.push(`token:${grant}`);
      if (grant === "authorization_code") {
        const pending = codes.get(form.get("code") ?? "");
        codes.delete(form.get("code") ?? "");
        const verifier = form.get("code_verifier") ?? "";
        if (
          !pending ||
          pending.clientId !== form.get("client_id") ||
          pending.redirectUri !== form.get("redirect_uri") ||
          base64url(createHash("sha256").update(verifier).digest()) !== pending.challenge
        ) {
          return answer(response, 400, {
            error: "invalid_grant",
            error_description: "unknown code, or client, redirect or verifier not those of the request",
          });
        }
        return answer(response, 200, await tokens(tenant, pending));
      }
      if (grant === "refresh_token") {
        const pending = refreshTokens.get(form.get("refresh_token") ?? "");
        if (!pending) return answer(response, 400, { error: "invalid_grant", error_description: "unknown refresh token" });
        return answer(response, 200, await tokens(tenant, { ...pending, nonce: undefined }));
      }
      return answer(response, 400, { error: "unsupported_grant_type" });
    }
    return answer(response, 404, { error: "not_found" });
  };

  const server: Server = createServer(selfSignedCertificate(), (request, response) => {
    handle(request, response).catch((error: unknown) => answer(response, 500, { error: "server_error", error_description: String(error) }));
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  origin = `https://127.0.0.1:${(server.address() as AddressInfo).port}`;
  return {
    authority: (tenant) => `${origin}/${tenant}/v2.0`,
    issuerTemplate: `${origin}/{tenantid}/v2.0`,
    user,
    requests,
    stop: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}
