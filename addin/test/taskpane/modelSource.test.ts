import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { DEFAULT_MODEL } from "@symmetry/engine";
import { eraseStoredApiKey, loadModel, readSettings, writeSettings, type KeyValueStore } from "../../src/taskpane/model/modelSource";
import type { TokenSource } from "../../src/taskpane/auth/tokenSource";

class MapStore implements KeyValueStore {
  readonly map = new Map<string, string>();
  getItem(key: string) {
    return this.map.get(key) ?? null;
  }
  setItem(key: string, value: string) {
    this.map.set(key, value);
  }
}

/** A signed-in user whose tokens are numbered: `token-1`, then `token-2` for the first renewal… */
function numberedTokens(): TokenSource & { issued: number } {
  const source = {
    issued: 0,
    token: async () => `token-${source.issued || ++source.issued}`,
    fresh: async () => `token-${++source.issued}`,
  };
  return source;
}

const orgModel = { ...DEFAULT_MODEL, id: "acme", version: 7, name: { fr: "Acme", en: "Acme" } };

describe("loading the organisation's model", () => {
  let server: Server;
  let url: string;
  const seen: { path: string; ifNoneMatch?: string; authorization?: string }[] = [];
  let body: unknown = orgModel;
  /** The bearer tokens the server refuses with 401 (as the API refuses an expired or revoked one). */
  const refused = new Set<string>();

  beforeAll(async () => {
    server = createServer((request, response) => {
      seen.push({
        path: request.url ?? "",
        ...(request.headers["if-none-match"] ? { ifNoneMatch: String(request.headers["if-none-match"]) } : {}),
        ...(request.headers.authorization ? { authorization: request.headers.authorization } : {}),
      });
      if (!request.headers.authorization || refused.has(request.headers.authorization)) {
        response.writeHead(401, { "content-type": "application/json" }).end(JSON.stringify({ error: "unauthorized" }));
        return;
      }
      if (request.headers["if-none-match"] === '"v7"') {
        response.writeHead(304).end();
        return;
      }
      response.writeHead(200, { "content-type": "application/json", etag: '"v7"' }).end(JSON.stringify(body));
    });
    await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
    url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/api`;
  });
  afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));

  it("uses the embedded default model when no API is configured", async () => {
    expect(await loadModel({}, new MapStore(), null)).toEqual({ model: DEFAULT_MODEL, origin: "embedded" });
  });

  it("fetches GET {api}/models/{id}, caches it with its ETag, then revalidates with If-None-Match", async () => {
    const store = new MapStore();
    const tokens = numberedTokens();
    const first = await loadModel({ apiUrl: `${url}/`, modelId: "acme" }, store, tokens);
    expect(first.origin).toBe("api");
    expect(first.model.version).toBe(7);
    const second = await loadModel({ apiUrl: url, modelId: "acme" }, store, tokens);
    expect(second.model.version).toBe(7);
    expect(seen.slice(-2)).toEqual([
      { path: "/api/models/acme", authorization: "Bearer token-1" },
      { path: "/api/models/acme", ifNoneMatch: '"v7"', authorization: "Bearer token-1" },
    ]);
  });

  it("renews a refused token once and sends the request again, then shows a second refusal", async () => {
    const tokens = numberedTokens();
    refused.add("Bearer token-1");
    const renewed = await loadModel({ apiUrl: url, modelId: "acme" }, new MapStore(), tokens);
    expect(renewed.origin).toBe("api");
    expect(seen.slice(-2).map((request) => request.authorization)).toEqual(["Bearer token-1", "Bearer token-2"]);
    refused.add("Bearer token-2").add("Bearer token-3");
    await expect(loadModel({ apiUrl: url, modelId: "acme" }, new MapStore(), tokens)).rejects.toThrow(
      /The model API answered 401 for model "acme" \(sign-in was refused by the API: sign out and sign in again/,
    );
    expect(seen.slice(-2).map((request) => request.authorization)).toEqual(["Bearer token-2", "Bearer token-3"]);
    refused.clear();
  });

  it("reads nothing from the API when nobody is signed in: the cached copy or the embedded model, with a notice", async () => {
    const before = seen.length;
    const store = new MapStore();
    const unsigned = await loadModel({ apiUrl: url, modelId: "acme" }, store, null);
    expect(unsigned).toEqual({
      model: DEFAULT_MODEL,
      origin: "embedded",
      notice: 'Not signed in: model "acme" cannot be read from the API',
    });
    await loadModel({ apiUrl: url, modelId: "acme" }, store, numberedTokens());
    const cached = await loadModel({ apiUrl: url, modelId: "acme" }, store, null);
    expect(cached.origin).toBe("cache");
    expect(cached.model.version).toBe(7);
    expect(seen.length).toBe(before + 1);
  });

  it("falls back to the cached copy with a notice when the API cannot be reached", async () => {
    const store = new MapStore();
    await loadModel({ apiUrl: url, modelId: "acme" }, store, numberedTokens());
    const offline = await loadModel({ apiUrl: url, modelId: "acme" }, store, numberedTokens(), async () => {
      throw new TypeError("fetch failed");
    });
    expect(offline.origin).toBe("cache");
    expect(offline.model.version).toBe(7);
    expect(offline.notice).toMatch(/cannot be reached \(fetch failed\)/);
  });

  it("says what to do when offline with nothing cached, and refuses an invalid model", async () => {
    await expect(loadModel({ apiUrl: "http://127.0.0.1:1/api" }, new MapStore(), numberedTokens())).rejects.toThrow(
      /no copy of model "default" is cached yet: check the API URL or clear it/,
    );
    body = { ...orgModel, dimensions: [] };
    await expect(loadModel({ apiUrl: url, modelId: "broken" }, new MapStore(), numberedTokens())).rejects.toThrow(
      /invalid model \(dimensions: /,
    );
    body = orgModel;
  });

  it("keeps the settings in the store", () => {
    const store = new MapStore();
    writeSettings(store, { apiUrl: url, modelId: "acme" });
    expect(readSettings(store)).toEqual({ apiUrl: url, modelId: "acme" });
  });

  it("erases an API key stored by an older version and keeps the other settings", () => {
    const store = new MapStore();
    const key = "sym_admin_0123456789abcdefghijklmnopqrstuvwxyz";
    store.setItem("symmetry-barometer:settings", JSON.stringify({ apiUrl: url, modelId: "acme", apiKey: key, sector: "retail" }));
    expect(eraseStoredApiKey(store)).toBe(true);
    expect([...store.map.values()].some((value) => value.includes(key))).toBe(false);
    expect(readSettings(store)).toEqual({ apiUrl: url, modelId: "acme", sector: "retail" });
    expect(eraseStoredApiKey(store)).toBe(false);
    // Settings written now never hold a key, even when handed one.
    writeSettings(store, { apiUrl: url, ...({ apiKey: key } as object) });
    expect(JSON.parse(store.getItem("symmetry-barometer:settings")!)).toEqual({ apiUrl: url });
  });
});
