import { TableClient } from "@azure/data-tables";
import { base64url, decodeJwt, exportSPKI, importJWK, SignJWT } from "jose";
import { defaultModel } from "@symmetry/engine";
import { keySetFor, verifyAccessToken } from "../../src/auth/token";
import { createKey } from "../../src/functions/createKey";
import { getModel } from "../../src/functions/getModel";
import { getMyBenchmark } from "../../src/functions/getMyBenchmark";
import { listKeys } from "../../src/functions/listKeys";
import { postBenchmark } from "../../src/functions/postBenchmark";
import { putModel } from "../../src/functions/putModel";
import { submitJob } from "../../src/functions/submitJob";
import { resetSettings } from "../../src/settings";
import { JOB_TABLE } from "../../src/storage/names";
import { syntheticPopulation } from "../support/aggregates";
import { useAzurite } from "../support/azurite";
import { startLocalIssuer, type LocalIssuer } from "../support/localIssuer";
import { call } from "../support/requests";

/**
 * Entra ID access tokens against a local issuer (keys made by the test, JWKS on a free port):
 * the attacks of a stolen, forged or misdirected token, each answered 401 or 403 with a JSON
 * error, and nothing written by any of them.
 */

const azurite = useAzurite();
const AUDIENCE = "api://symmetry-barometer-test";
const ALLOWED = ["tenant-a", "tenant-b"];
let issuer: LocalIssuer;

beforeAll(async () => {
  issuer = await startLocalIssuer();
  Object.assign(process.env, {
    SYM_AUTH_JWKS_URL: issuer.jwksUrl,
    SYM_AUTH_ISSUER: issuer.issuerTemplate,
    SYM_AUTH_AUDIENCE: AUDIENCE,
    SYM_AUTH_ALLOWED_TENANTS: ALLOWED.join(","),
  });
  resetSettings();
});

afterAll(async () => {
  for (const name of ["SYM_AUTH_JWKS_URL", "SYM_AUTH_ISSUER", "SYM_AUTH_AUDIENCE", "SYM_AUTH_ALLOWED_TENANTS"]) delete process.env[name];
  resetSettings();
  await issuer?.stop();
});

const ALL_ROLES = ["Barometer.Read", "Model.Admin", "Benchmark.Contribute"];
const now = () => Math.floor(Date.now() / 1000);
const bearer = (token: string) => ({ authorization: `Bearer ${token}` });
const validToken = (claims: Record<string, unknown> = {}) => issuer.sign({ aud: AUDIENCE, roles: ALL_ROLES, ...claims });

const model = { ...defaultModel(), id: "attacked", name: { fr: "Cible", en: "Target" } };
const contribution = { sector: "retail", wave: "2026", n: 40, dimensions: { culture: 70 }, enps: 10, nps: 20 };
const job = {
  kind: "barometer",
  payload: { employees: syntheticPopulation("employees", 30, 3), customers: syntheticPopulation("customers", 30, 4) },
};

/** Every write the API offers, tried with the same headers. */
async function tryEveryWrite(headers: Record<string, string>) {
  return [
    await call(putModel, "PUT", "/api/models/attacked", {
      params: { id: "attacked" },
      headers: { ...headers, "If-None-Match": "*" },
      body: model,
    }),
    await call(postBenchmark, "POST", "/api/benchmarks/default", { params: { id: "default" }, headers, body: contribution }),
    await call(createKey, "POST", "/api/keys", { headers, body: { name: "stolen", role: "admin" } }),
    await call(submitJob, "POST", "/api/jobs", { headers, body: job }),
  ];
}

async function jobRows(): Promise<number> {
  const table = TableClient.fromConnectionString(azurite().connectionString, JOB_TABLE, { allowInsecureConnection: true });
  let rows = 0;
  for await (const entity of table.listEntities()) rows += entity ? 1 : 0;
  return rows;
}

/** Checks, with a valid token of each allowed tenant, that nothing was written. */
async function expectNothingWritten() {
  for (const tid of ALLOWED) {
    const headers = bearer(await validToken({ tid }));
    expect((await call(getModel, "GET", "/api/models/attacked", { params: { id: "attacked" }, headers })).status).toBe(404);
    expect((await call(getMyBenchmark, "GET", "/api/benchmarks/default/mine", { params: { id: "default" }, headers })).status).toBe(404);
    expect((await call(listKeys, "GET", "/api/keys", { headers })).jsonBody).toEqual({ keys: [] });
  }
  expect(await jobRows()).toBe(0);
}

async function hs256WithPublicKey(): Promise<string> {
  // The classic confusion attack: the issuer's public key (public by design) used as an HMAC secret.
  const jwks = (await (await fetch(issuer.jwksUrl)).json()) as { keys: any[] };
  const pem = await exportSPKI((await importJWK(jwks.keys[0], "RS256", { extractable: true })) as CryptoKey);
  const t = now();
  return new SignJWT({
    iss: issuer.issuerTemplate.replace("{tenantid}", "tenant-a"),
    tid: "tenant-a",
    oid: "user-1",
    aud: AUDIENCE,
    roles: ALL_ROLES,
    nbf: t,
    exp: t + 3600,
  })
    .setProtectedHeader({ alg: "HS256", kid: jwks.keys[0].kid })
    .sign(new TextEncoder().encode(pem));
}

async function unsigned(): Promise<string> {
  const t = now();
  const header = base64url.encode(JSON.stringify({ alg: "none", typ: "JWT" }));
  const payload = base64url.encode(
    JSON.stringify({
      iss: issuer.issuerTemplate.replace("{tenantid}", "tenant-a"),
      tid: "tenant-a",
      oid: "user-1",
      aud: AUDIENCE,
      roles: ALL_ROLES,
      nbf: t,
      exp: t + 3600,
    }),
  );
  return `${header}.${payload}.`;
}

async function tampered(): Promise<string> {
  // A reader's genuine token whose payload is edited to grant every role; the signature is kept.
  const genuine = await validToken({ roles: ["Barometer.Read"] });
  const [header, , signature] = genuine.split(".");
  const payload = { ...decodeJwt(genuine), roles: ALL_ROLES };
  return `${header}.${base64url.encode(JSON.stringify(payload))}.${signature}`;
}

const attacks: [string, () => Promise<string>, number, string][] = [
  ["expired", () => validToken({ nbf: now() - 7200, exp: now() - 3600 }), 401, "the token has expired"],
  ["not yet valid", () => validToken({ nbf: now() + 3600, exp: now() + 7200 }), 401, "the token is not valid yet"],
  ["wrong audience", () => validToken({ aud: "api://another-api" }), 401, "the token was issued for another audience"],
  [
    "wrong issuer",
    () => validToken({ iss: "https://login.example.net/tenant-a/v2.0" }),
    401,
    "the token's issuer does not match its tenant",
  ],
  [
    "issuer of another tenant",
    () => validToken({ iss: issuer.issuerTemplate.replace("{tenantid}", "tenant-b") }),
    401,
    "the token's issuer does not match its tenant",
  ],
  ["tenant not allowed", () => validToken({ tid: "tenant-z" }), 403, "the token's organisation is not allowed on this API"],
  [
    "unknown kid",
    () => issuer.sign({ aud: AUDIENCE, roles: ALL_ROLES }, { key: "unpublished" }),
    401,
    "the token was signed with a key the issuer does not publish",
  ],
  ["alg none", unsigned, 401, "the token's signing algorithm is not accepted (RS256 only)"],
  ["HS256 signed with the public key", hs256WithPublicKey, 401, "the token's signing algorithm is not accepted (RS256 only)"],
  ["tampered payload", tampered, 401, "the token's signature is not valid"],
  [
    "no tenant",
    () => validToken({ tid: undefined, iss: issuer.issuerTemplate.replace("{tenantid}", "tenant-a") }),
    401,
    "the token's tid claim is not accepted",
  ],
  ["not a JWT", async () => "not-a-token", 401, "the token is malformed"],
  ["missing role", () => validToken({ roles: [] }), 403, "this operation needs"],
  ["role of a reader only", () => validToken({ roles: ["Barometer.Read"] }), 403, "this operation needs"],
];

describe("Entra ID access tokens", () => {
  it.each(attacks)(
    "refuses a token that is %s with a 401 or 403 JSON error, and writes nothing",
    async (_name, makeToken, status, message) => {
      const responses = await tryEveryWrite(bearer(await makeToken()));
      // submitJob only needs the read role: a reader's valid token may submit a job, so that attack leaves it out.
      const refused = _name === "role of a reader only" ? responses.slice(0, 3) : responses;
      for (const response of refused) {
        expect(response.status).toBe(status);
        expect(response.jsonBody).toEqual({ error: expect.any(String), details: expect.stringContaining(message) });
        if (status === 401)
          expect((response.headers as Record<string, string>)["WWW-Authenticate"]).toMatch(/^Bearer error="invalid_token"/);
      }
      if (_name !== "role of a reader only") await expectNothingWritten();
    },
  );

  it("accepts a valid token within the clock skew, scoped to its tenant with the roles it carries", async () => {
    const token = await validToken({ tid: "tenant-b", oid: "user-9", exp: now() - 30, nbf: now() - 600 });
    const created = await call(putModel, "PUT", "/api/models/tokens", {
      params: { id: "tokens" },
      headers: { ...bearer(token), "If-None-Match": "*" },
      body: { ...model, id: "tokens" },
    });
    expect(created.status).toBe(201);
    const sameTenant = await call(getModel, "GET", "/api/models/tokens", {
      params: { id: "tokens" },
      headers: bearer(await validToken({ tid: "tenant-b", roles: ["Barometer.Read"] })),
    });
    expect(sameTenant.status).toBe(200);
    const otherTenant = await call(getModel, "GET", "/api/models/tokens", {
      params: { id: "tokens" },
      headers: bearer(await validToken({ tid: "tenant-a" })),
    });
    expect(otherTenant.status).toBe(404);
  });

  it("answers 401 to a bearer token when token sign-in is off", async () => {
    const saved = process.env.SYM_AUTH_JWKS_URL;
    for (const name of ["SYM_AUTH_JWKS_URL", "SYM_AUTH_ISSUER", "SYM_AUTH_AUDIENCE", "SYM_AUTH_ALLOWED_TENANTS"])
      process.env[`SAVED_${name}`] = process.env[name];
    for (const name of ["SYM_AUTH_JWKS_URL", "SYM_AUTH_ISSUER", "SYM_AUTH_AUDIENCE", "SYM_AUTH_ALLOWED_TENANTS"]) delete process.env[name];
    resetSettings();
    try {
      const response = await call(getModel, "GET", "/api/models/default", {
        params: { id: "default" },
        headers: bearer(await validToken()),
      });
      expect(response.status).toBe(401);
      expect(response.jsonBody.details).toMatch(/does not accept sign-in tokens/);
    } finally {
      for (const name of ["SYM_AUTH_JWKS_URL", "SYM_AUTH_ISSUER", "SYM_AUTH_AUDIENCE", "SYM_AUTH_ALLOWED_TENANTS"]) {
        process.env[name] = process.env[`SAVED_${name}`];
        delete process.env[`SAVED_${name}`];
      }
      resetSettings();
      expect(process.env.SYM_AUTH_JWKS_URL).toBe(saved);
    }
  });

  it("follows a key roll-over: a token signed with a newly published key is accepted after one JWKS fetch, and the keys are cached", async () => {
    const settings = { jwksUrl: issuer.jwksUrl, issuerTemplate: issuer.issuerTemplate, audiences: [AUDIENCE], allowedTenants: ALLOWED };
    const keySet = keySetFor(issuer.jwksUrl, { cooldownMs: 0 });
    const before = issuer.jwksRequests();
    await verifyAccessToken(await validToken(), settings, keySet);
    await verifyAccessToken(await validToken(), settings, keySet);
    expect(issuer.jwksRequests() - before).toBe(1);
    await issuer.rotate();
    const caller = await verifyAccessToken(await validToken({ oid: "user-rotated" }), settings, keySet);
    expect(caller).toEqual({ tenant: "tenant-a", roles: ALL_ROLES, principal: "user:user-rotated" });
    expect(issuer.jwksRequests() - before).toBe(2);
  });
});
