import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { chromium, type Browser } from "playwright-core";
import { buildIfStale } from "../../scripts/build";
import { startLocalIssuer, type LocalIssuer } from "../support/localIssuer";
import { startLocalApi, stopLocalApi, type LocalApi } from "../support/localApi";

/**
 * CORS as a browser enforces it (Node's fetch does not): Chromium loads a page from the allowed
 * origin, which calls the dev host with fetch, with a key and with an Entra ID token of the local
 * issuer, and gets data; the same page served from another origin is blocked by the browser.
 */

jest.setTimeout(180_000);

const KEY = "cors-browser-test-read-key-0123456789abcdef";
const AUDIENCE = "api://symmetry-barometer-cors";
let api: LocalApi | undefined;
let issuer: LocalIssuer;
let browser: Browser | undefined;
const pages: Server[] = [];

/** A page server on a free port: its origin is http://127.0.0.1:<port>. */
async function pageServer(): Promise<string> {
  const server = createServer((_request, response) =>
    response.writeHead(200, { "content-type": "text/html" }).end("<!doctype html><title>pane</title><p>pane</p>"),
  );
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  pages.push(server);
  return `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
}

let allowedOrigin: string;
let otherOrigin: string;

beforeAll(async () => {
  buildIfStale();
  issuer = await startLocalIssuer();
  allowedOrigin = await pageServer();
  otherOrigin = await pageServer();
  api = await startLocalApi({
    environment: {
      SYM_READ_KEY: KEY,
      SYM_ADMIN_KEY: "",
      SYM_KEYS: "",
      SYM_ALLOWED_ORIGINS: allowedOrigin,
      SYM_AUTH_JWKS_URL: issuer.jwksUrl,
      SYM_AUTH_ISSUER: issuer.issuerTemplate,
      SYM_AUTH_AUDIENCE: AUDIENCE,
      SYM_AUTH_ALLOWED_TENANTS: "tenant-a",
    },
    readyTimeoutMs: 90_000,
    stopSignal: "SIGTERM",
  });
  browser = await chromium.launch({
    executablePath: "/usr/bin/chromium",
    args: ["--no-sandbox", "--disable-background-networking", "--disable-component-update", "--no-first-run"],
  });
}, 180_000);

afterAll(async () => {
  await browser?.close();
  stopLocalApi(api);
  await issuer?.stop();
  await Promise.all(pages.map((server) => new Promise<void>((resolve) => server.close(() => resolve()))));
});

/** Runs fetch inside a page of `origin`: the status and body, or the browser's error. */
async function fetchFrom(
  origin: string,
  url: string,
  headers: Record<string, string>,
): Promise<{ status?: number; body?: any; etag?: string | null; error?: string }> {
  const page = await browser!.newPage();
  try {
    await page.goto(`${origin}/`);
    return await page.evaluate(
      async ({ url, headers }) => {
        try {
          const response = await fetch(url, { headers });
          return { status: response.status, body: await response.json(), etag: response.headers.get("etag") };
        } catch (error) {
          return { error: String(error) };
        }
      },
      { url, headers },
    );
  } finally {
    await page.close();
  }
}

describe("CORS in a real browser", () => {
  it("lets a page of the allowed origin read the API with a key, and exposes the ETag", async () => {
    const result = await fetchFrom(allowedOrigin, `${api!.apiUrl}/models/default`, { "x-sym-key": KEY });
    expect(result.error).toBeUndefined();
    expect(result.status).toBe(200);
    expect(result.body.id).toBe("default");
    expect(result.etag).toMatch(/^"default-/);
  });

  it("lets a page of the allowed origin read the API with a bearer token of the local issuer", async () => {
    const token = await issuer.sign({ aud: AUDIENCE, tid: "tenant-a", roles: ["Barometer.Read"] });
    const result = await fetchFrom(allowedOrigin, `${api!.apiUrl}/models/default/versions`, { authorization: `Bearer ${token}` });
    expect(result.status).toBe(200);
    expect(result.body).toEqual({ id: "default", versions: [expect.objectContaining({ version: 1 })] });
    // The same page with a token of a tenant not allowed reads the 403 (CORS lets the error through, not the data).
    const foreign = await fetchFrom(allowedOrigin, `${api!.apiUrl}/models/default`, {
      authorization: `Bearer ${await issuer.sign({ aud: AUDIENCE, tid: "tenant-z", roles: ["Barometer.Read"] })}`,
    });
    expect(foreign).toMatchObject({ status: 403, body: { error: "tenant-not-allowed" } });
  });

  it("blocks the same call from a page of another origin", async () => {
    const withKey = await fetchFrom(otherOrigin, `${api!.apiUrl}/models/default`, { "x-sym-key": KEY });
    expect(withKey.status).toBeUndefined();
    expect(withKey.error).toMatch(/Failed to fetch/);
    const token = await issuer.sign({ aud: AUDIENCE, tid: "tenant-a", roles: ["Barometer.Read"] });
    const withToken = await fetchFrom(otherOrigin, `${api!.apiUrl}/models/default`, { authorization: `Bearer ${token}` });
    expect(withToken.error).toMatch(/Failed to fetch/);
  });

  it("answers preflights itself: 204 with the rules for the allowed origin, 403 for another", async () => {
    const preflight = (origin: string, method = "GET", headers = "x-sym-key") =>
      fetch(`${api!.apiUrl}/models/default`, {
        method: "OPTIONS",
        headers: { origin, "access-control-request-method": method, "access-control-request-headers": headers },
      });
    const allowed = await preflight(allowedOrigin);
    expect(allowed.status).toBe(204);
    expect(allowed.headers.get("access-control-allow-origin")).toBe(allowedOrigin);
    expect(allowed.headers.get("access-control-allow-methods")).toBe("GET, PUT");
    expect(allowed.headers.get("access-control-allow-headers")).toContain("authorization");
    const other = await preflight(otherOrigin);
    expect(other.status).toBe(403);
    expect(other.headers.get("access-control-allow-origin")).toBeNull();
    expect((await other.json()).error).toBe("cors-refused");
    expect((await preflight(allowedOrigin, "DELETE")).status).toBe(403);
    expect((await preflight(allowedOrigin, "GET", "x-forwarded-for")).status).toBe(403);
  });
});
