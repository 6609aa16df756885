import { DEFAULT_MODEL, ModelSchema, describeIssues, type Model } from "@symmetry/engine";
import { authorizationHint, authorizedFetch } from "../auth/authorizedFetch";
import { SignInRequiredError, type TokenSource } from "../auth/tokenSource";

/**
 * Which model the pane uses: the embedded default (offline), or the organisation's shared model
 * from `GET {api}/models/{id}` (JSON, ETag). The last copy fetched is cached (localStorage) and
 * used with a visible notice when the API cannot be reached or nobody is signed in. The request
 * carries the signed-in user's token (docs/api.md#authentication-and-tenants); no key is kept here.
 */

export type ModelOrigin = "embedded" | "api" | "cache";

export interface LoadedModel {
  readonly model: Model;
  readonly origin: ModelOrigin;
  /** Why the cache was used (network error, HTTP status), shown to the user. */
  readonly notice?: string;
}

export interface ModelSettings {
  readonly apiUrl?: string;
  readonly modelId?: string;
  /** Benchmark pool sector and wave (docs/domain.md#benchmark). */
  readonly sector?: string;
  readonly wave?: string;
}

const SETTING_KEYS = ["apiUrl", "modelId", "sector", "wave"] as const;

/** The subset of Storage used (localStorage in the pane, a Map in tests). */
export interface KeyValueStore {
  getItem(key: string): string | null;
  setItem(key: string, value: string): void;
}

interface CachedModel {
  readonly etag: string | null;
  readonly model: unknown;
}

const SETTINGS_KEY = "symmetry-barometer:settings";
const cacheKey = (apiUrl: string, id: string) => `symmetry-barometer:model:${apiUrl}:${id}`;

export function readSettings(store: KeyValueStore): ModelSettings {
  try {
    const parsed = JSON.parse(store.getItem(SETTINGS_KEY) ?? "{}") as Record<string, unknown>;
    return Object.fromEntries(
      SETTING_KEYS.filter((key) => typeof parsed[key] === "string" && parsed[key] !== "").map((key) => [key, parsed[key]]),
    ) as ModelSettings;
  } catch {
    return {};
  }
}

/** Writes the known settings only: nothing else (no key, no token) reaches the store. */
export function writeSettings(store: KeyValueStore, settings: ModelSettings): void {
  const known = Object.fromEntries(SETTING_KEYS.filter((key) => settings[key] !== undefined).map((key) => [key, settings[key]]));
  store.setItem(SETTINGS_KEY, JSON.stringify(known));
}

/**
 * Older versions kept an API key in the settings (readable by any script of the pane's origin).
 * The pane now signs in instead; on start, a stored key is erased and the other settings kept.
 *
 * @returns whether a key was found and erased
 */
export function eraseStoredApiKey(store: KeyValueStore): boolean {
  let parsed: unknown;
  try {
    parsed = JSON.parse(store.getItem(SETTINGS_KEY) ?? "null");
  } catch {
    return false;
  }
  if (!parsed || typeof parsed !== "object" || !("apiKey" in parsed)) return false;
  const { apiKey: _erased, ...kept } = parsed as Record<string, unknown>;
  store.setItem(SETTINGS_KEY, JSON.stringify(kept));
  return true;
}

function readCache(store: KeyValueStore, key: string): { etag: string | null; model: Model } | null {
  const text = store.getItem(key);
  if (!text) return null;
  try {
    const cached = JSON.parse(text) as CachedModel;
    const parsed = ModelSchema.safeParse(cached.model);
    return parsed.success ? { etag: cached.etag, model: parsed.data } : null;
  } catch {
    return null;
  }
}

/**
 * Loads the model named by the settings.
 *
 * @throws Error when the API answers with an invalid model and nothing is cached (the message
 *   names the first schema problem)
 */
export async function loadModel(
  settings: ModelSettings,
  store: KeyValueStore,
  tokens: TokenSource | null,
  fetchFunction: typeof fetch = fetch,
): Promise<LoadedModel> {
  const apiUrl = settings.apiUrl?.trim().replace(/\/+$/, "");
  if (!apiUrl) return { model: DEFAULT_MODEL, origin: "embedded" };
  const id = settings.modelId?.trim() || "default";
  const key = cacheKey(apiUrl, id);
  const cached = readCache(store, key);
  const fallback = (notice: string): LoadedModel => {
    if (cached) return { model: cached.model, origin: "cache", notice };
    throw new Error(`${notice}; no copy of model "${id}" is cached yet: check the API URL or clear it to use the embedded model`);
  };
  if (!tokens) {
    const notice = `Not signed in: model "${id}" cannot be read from the API`;
    return cached ? { model: cached.model, origin: "cache", notice } : { model: DEFAULT_MODEL, origin: "embedded", notice };
  }
  let response: Response;
  try {
    response = await authorizedFetch(
      tokens,
      `${apiUrl}/models/${encodeURIComponent(id)}`,
      { headers: { accept: "application/json", ...(cached?.etag ? { "if-none-match": cached.etag } : {}) } },
      fetchFunction,
    );
  } catch (error) {
    if (error instanceof SignInRequiredError) return fallback(error.message);
    return fallback(`The model API at ${apiUrl} cannot be reached (${(error as Error).message})`);
  }
  if (response.status === 304 && cached) return { model: cached.model, origin: "api" };
  if (!response.ok) return fallback(`The model API answered ${response.status} for model "${id}"${authorizationHint(response.status)}`);
  const parsed = ModelSchema.safeParse(await response.json());
  if (!parsed.success) {
    const first = describeIssues(parsed.error)[0];
    return fallback(`The model API sent an invalid model (${first.path}: ${first.message})`);
  }
  store.setItem(key, JSON.stringify({ etag: response.headers.get("etag"), model: parsed.data }));
  return { model: parsed.data, origin: "api" };
}
