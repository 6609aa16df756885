/**
 * Sign-in end to end: the task pane's browser preview, built with sign-in settings, in Debian's
 * Chromium. The user signs in through MSAL.js's real popup flow (authorization code + PKCE)
 * against a local OpenID Connect authority on a random port; the pane then loads its tenant's
 * model from the local API (the dev host over in-memory Azurite) with `Authorization: Bearer`,
 * across origins (CORS). The API checks the token with its real settings (SYM_AUTH_JWKS_URL,
 * SYM_AUTH_ISSUER, SYM_AUTH_AUDIENCE, SYM_AUTH_ALLOWED_TENANTS). Then a token for another
 * audience: the API refuses it, the pane renews it once, and shows the refusal; nothing is read.
 */
import { mkdtempSync, rmSync } from "node:fs";
import type { Server } from "node:http";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { chromium, type Browser, type Page } from "playwright-core";
import { DEFAULT_MODEL } from "@symmetry/engine";
import { buildIfStale } from "../../../functions/scripts/build";
import { startLocalApi, stopLocalApi, type LocalApi } from "../../../functions/test/support/localApi";
import { startLocalAuthority, type LocalAuthority } from "../../../functions/test/support/localAuthority";
import { startLocalIssuer, type LocalIssuer } from "../../../functions/test/support/localIssuer";
import { OFFICE_CDN, OFFICE_STAND_IN, buildPreview, servePreview } from "./previewServer";

jest.setTimeout(360_000);

const CLIENT_ID = "5b0a3c1e-7d4f-4e2a-9c61-2f8d0b7e4a13";
const AUDIENCE = `api://${CLIENT_ID}`;
const TENANT = "tenant-a";
const MODEL = { ...DEFAULT_MODEL, id: "acme", name: { fr: "Baromètre Acme", en: "Acme barometer" } };

let output: string;
let server: Server | undefined;
let paneOrigin: string;
let issuer: LocalIssuer | undefined;
let authority: LocalAuthority | undefined;
let api: LocalApi | undefined;
let browser: Browser | undefined;
/** Every request the API received from the pane's pages, with its Authorization scheme. */
const apiCalls: { url: string; method: string; bearer: boolean }[] = [];

beforeAll(async () => {
  buildIfStale();
  output = mkdtempSync(join(tmpdir(), "sym-signin-preview-"));
  ({ server, url: paneOrigin } = await servePreview(output));
  issuer = await startLocalIssuer();
  authority = await startLocalAuthority(issuer, {
    audience: AUDIENCE,
    tenant: TENANT,
    roles: ["Barometer.Read"],
    name: "Alice Martin",
    username: "alice@tenant-a.test",
  });
  const [started] = await Promise.all([
    startLocalApi({
      environment: {
        SYM_ADMIN_KEY: "",
        SYM_READ_KEY: "",
        SYM_KEYS: "",
        SYM_ALLOWED_ORIGINS: paneOrigin,
        SYM_AUTH_JWKS_URL: issuer.jwksUrl,
        SYM_AUTH_ISSUER: authority.issuerTemplate,
        SYM_AUTH_AUDIENCE: AUDIENCE,
        SYM_AUTH_ALLOWED_TENANTS: TENANT,
      },
      readyTimeoutMs: 120_000,
      stopSignal: "SIGTERM",
    }),
    buildPreview(output, {
      ADDIN_AUTH_CLIENT_ID: CLIENT_ID,
      ADDIN_AUTH_AUTHORITY: authority.authority(TENANT),
      ADDIN_AUTH_PROTOCOL: "OIDC",
    }),
  ]);
  api = started;
  // The tenant's own model, written by its administrator (a token with Model.Admin).
  const admin = await issuer.sign({
    aud: AUDIENCE,
    iss: authority.issuerTemplate.replace("{tenantid}", TENANT),
    tid: TENANT,
    roles: ["Model.Admin"],
  });
  const created = await fetch(`${api.apiUrl}/models/acme`, {
    method: "PUT",
    headers: { authorization: `Bearer ${admin}`, "content-type": "application/json", "if-none-match": "*" },
    body: JSON.stringify(MODEL),
  });
  expect(created.status).toBe(201);
  browser = await chromium.launch({
    executablePath: "/usr/bin/chromium",
    // The local authority's certificate is made by the test for 127.0.0.1.
    args: [
      "--no-sandbox",
      "--ignore-certificate-errors",
      "--disable-background-networking",
      "--disable-component-update",
      "--no-first-run",
    ],
  });
}, 360_000);

afterAll(async () => {
  await browser?.close();
  stopLocalApi(api);
  await authority?.stop();
  await issuer?.stop();
  await new Promise<void>((resolve) => (server ? server.close(() => resolve()) : resolve()));
  if (output) rmSync(output, { recursive: true, force: true });
});

/** A fresh browser context (no session, no storage) on the pane, with the API URL and model id entered. */
async function openPane(): Promise<{ page: Page; errors: string[] }> {
  const context = await browser!.newContext({ viewport: { width: 1200, height: 900 } });
  const errors: string[] = [];
  // Only the pane, the authority and the API (all on 127.0.0.1); the Office CDN gets the stand-in.
  await context.route(/^https?:\/\/(?!127\.0\.0\.1)/, (route) => route.abort());
  await context.route(OFFICE_CDN, (route) => route.fulfill({ path: OFFICE_STAND_IN, contentType: "text/javascript" }));
  context.on("request", (request) => {
    if (request.url().startsWith(api!.apiUrl)) {
      apiCalls.push({ url: request.url(), method: request.method(), bearer: /^Bearer \S+$/.test(request.headers().authorization ?? "") });
    }
  });
  const page = await context.newPage();
  page.on("pageerror", (error) => errors.push(error.message));
  await page.goto(`${paneOrigin}/taskpane.html?lang=en`, { timeout: 120_000 });
  await page.getByTestId("sign-in").waitFor({ timeout: 60_000 });
  await page.getByLabel("API URL (optional)").fill(api!.apiUrl);
  await page.getByLabel("Model id").fill("acme");
  return { page, errors };
}

/** Clicks Sign in and lets MSAL's popup go through the local authority and close. */
async function signIn(page: Page): Promise<void> {
  const button = page.getByTestId("sign-in-button");
  await expect(button.isEnabled()).resolves.toBe(true);
  const popup = page.waitForEvent("popup");
  await button.click();
  await (await popup).waitForEvent("close", { timeout: 60_000 });
}

describe("task pane sign-in against a local authority, in Chromium", () => {
  it("signs in with MSAL's popup (code + PKCE) and loads the tenant's model from the API with a bearer token", async () => {
    const { page, errors } = await openPane();
    await expect(page.getByTestId("sign-in-status").textContent()).resolves.toMatch(/^Not signed in/);
    // Not signed in: nothing is sent to the API, and the pane says why.
    await page.getByRole("button", { name: "Load model" }).click();
    await page.getByText('Not signed in: model "acme" cannot be read from the API').waitFor();
    expect(apiCalls).toEqual([]);

    await signIn(page);
    await page.getByTestId("sign-out").waitFor();
    await expect(page.getByTestId("sign-in-status").textContent()).resolves.toBe("Signed in as Alice Martin (alice@tenant-a.test)");
    // Signing in reloads the configured model: the tenant's own, read across origins with the token.
    await page.getByText("Organisation model acme, version 1").waitFor({ timeout: 30_000 });
    expect(authority!.requests).toEqual(expect.arrayContaining(["openid-configuration", "authorize", "token:authorization_code"]));
    expect(apiCalls.length).toBeGreaterThan(0);
    expect(apiCalls.every((call) => call.bearer)).toBe(true);
    expect(apiCalls.some((call) => call.url === `${api!.apiUrl}/models/acme` && call.method === "GET")).toBe(true);
    // The token sits in MSAL's session cache, never in the pane's lasting storage.
    const stored = await page.evaluate(() => Object.values(window.localStorage).join("\n"));
    expect(stored).not.toMatch(/eyJ[\w-]+\.eyJ[\w-]+\./);
    expect(stored).not.toMatch(/apiKey/);
    // Signing out forgets the user; the API features go with it.
    await page.getByTestId("sign-out").click();
    await expect(page.getByTestId("sign-in-status").textContent()).resolves.toMatch(/^Not signed in/);
    expect(errors).toEqual([]);
    await page.context().close();
  });

  it("shows the API's 401 for a token of another audience, after one renewal, and reads nothing", async () => {
    authority!.user.audience = "api://another-api";
    const before = apiCalls.length;
    const { page, errors } = await openPane();
    await signIn(page);
    await page.getByTestId("sign-out").waitFor();
    // The API URL and model id were typed but not saved yet: loading the model saves and reads them.
    await page.getByRole("button", { name: "Load model" }).click();
    const bar = page.getByTestId("message-bar");
    await bar
      .getByText(/The model API answered 401 for model "acme" \(sign-in was refused by the API: sign out and sign in again/)
      .waitFor({
        timeout: 30_000,
      });
    // Two tries, each with a bearer token: the first, and one with a renewed token.
    const tries = apiCalls.slice(before).filter((call) => call.url === `${api!.apiUrl}/models/acme`);
    expect(tries).toHaveLength(2);
    expect(tries.every((call) => call.bearer)).toBe(true);
    expect(authority!.requests.filter((request) => request.startsWith("token:")).length).toBeGreaterThanOrEqual(2);
    await expect(page.getByTestId("model-version").textContent()).resolves.toMatch(/^Embedded default model/);
    const stored = await page.evaluate(() => Object.keys(window.localStorage).filter((key) => key.includes(":model:")));
    expect(stored).toEqual([]);
    expect(errors).toEqual([]);
    await page.context().close();
    authority!.user.audience = AUDIENCE;
  });
});
