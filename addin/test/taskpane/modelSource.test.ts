import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { DEFAULT_MODEL } from "@symmetry/engine";
import { loadModel, readSettings, writeSettings, type KeyValueStore } from "../../src/taskpane/model/modelSource";

class MapStore implements KeyValueStore {
  readonly map = new Map<string, string>();
  getItem(key: string) {
    return this.map.get(key) ?? null;
  }
  setItem(key: string, value: string) {
    this.map.set(key, value);
  }
}

const orgModel = { ...DEFAULT_MODEL, id: "acme", version: 7, name: { fr: "Acme", en: "Acme" } };

describe("loading the organisation's model", () => {
  let server: Server;
  let url: string;
  const seen: { path: string; ifNoneMatch?: string }[] = [];
  let body: unknown = orgModel;

  beforeAll(async () => {
    server = createServer((request, response) => {
      seen.push({
        path: request.url ?? "",
        ...(request.headers["if-none-match"] ? { ifNoneMatch: String(request.headers["if-none-match"]) } : {}),
      });
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
    expect(await loadModel({}, new MapStore())).toEqual({ model: DEFAULT_MODEL, origin: "embedded" });
  });

  it("fetches GET {api}/models/{id}, caches it with its ETag, then revalidates with If-None-Match", async () => {
    const store = new MapStore();
    const first = await loadModel({ apiUrl: `${url}/`, modelId: "acme" }, store);
    expect(first.origin).toBe("api");
    expect(first.model.version).toBe(7);
    const second = await loadModel({ apiUrl: url, modelId: "acme" }, store);
    expect(second.model.version).toBe(7);
    expect(seen.slice(-2)).toEqual([{ path: "/api/models/acme" }, { path: "/api/models/acme", ifNoneMatch: '"v7"' }]);
  });

  it("falls back to the cached copy with a notice when the API cannot be reached", async () => {
    const store = new MapStore();
    await loadModel({ apiUrl: url, modelId: "acme" }, store);
    const offline = await loadModel({ apiUrl: url, modelId: "acme" }, store, async () => {
      throw new TypeError("fetch failed");
    });
    expect(offline.origin).toBe("cache");
    expect(offline.model.version).toBe(7);
    expect(offline.notice).toMatch(/cannot be reached \(fetch failed\)/);
  });

  it("says what to do when offline with nothing cached, and refuses an invalid model", async () => {
    await expect(loadModel({ apiUrl: "http://127.0.0.1:1/api" }, new MapStore())).rejects.toThrow(
      /no copy of model "default" is cached yet: check the API URL or clear it/,
    );
    body = { ...orgModel, dimensions: [] };
    await expect(loadModel({ apiUrl: url, modelId: "broken" }, new MapStore())).rejects.toThrow(/invalid model \(dimensions: /);
    body = orgModel;
  });

  it("keeps the settings in the store", () => {
    const store = new MapStore();
    writeSettings(store, { apiUrl: url, modelId: "acme" });
    expect(readSettings(store)).toEqual({ apiUrl: url, modelId: "acme" });
  });
});
