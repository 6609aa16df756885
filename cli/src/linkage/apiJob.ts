import type { LinkageRequest, LinkageResult } from "@symmetry/engine";
import { SymError } from "@symmetry/engine/errors";
import { UsageError } from "../errors";
import { fetchSameOrigin, sameOriginUrl } from "./sameOriginFetch";

/**
 * `sym link --api URL`: submits the linkage request (unit aggregates only, never respondent rows)
 * as a `linkage` job (`POST {api}/jobs` → 202 + Location, docs/api.md), then polls
 * `GET {api}/jobs/{id}` until it succeeds or fails, reporting the job's progress in percent. The
 * API runs the same engine with the same seed, so the numbers equal a local run's.
 */

export interface ApiJobOptions {
  readonly apiUrl: string;
  readonly apiKey?: string;
  readonly onProgress?: (percent: number) => void;
  /** Poll interval when the API sends no Retry-After (ms). */
  readonly pollMilliseconds?: number;
  /** Gives up after this long (ms); default 30 minutes (the Flex Consumption default timeout). */
  readonly timeoutMilliseconds?: number;
  readonly fetchFunction?: typeof fetch;
}

interface JobState {
  status: string;
  progress?: number;
  result?: LinkageResult;
  error?: { code?: string; message?: string };
}

/** `http://host:7071/api/` → `http://host:7071/api`; refuses what is not an http(s) URL. */
export function apiBase(apiUrl: string): string {
  const trimmed = apiUrl.trim().replace(/\/+$/, "");
  let parsed: URL;
  try {
    parsed = new URL(trimmed);
  } catch {
    throw new UsageError(`--api expects the API's URL such as http://127.0.0.1:7071/api, got ${JSON.stringify(apiUrl)}`);
  }
  if (parsed.protocol !== "http:" && parsed.protocol !== "https:")
    throw new UsageError(`--api expects an http or https URL, got ${JSON.stringify(apiUrl)}`);
  return trimmed;
}

async function describeFailure(response: Response, what: string): Promise<string> {
  let details = "";
  try {
    const body = (await response.json()) as { error?: string; details?: unknown };
    const text =
      typeof body.details === "string"
        ? body.details
        : Array.isArray(body.details)
          ? body.details.map((issue: { path?: string; message?: string }) => `${issue.path}: ${issue.message}`).join("; ")
          : "";
    details = [body.error, text].filter(Boolean).join(": ");
  } catch {
    // not JSON: the status says enough
  }
  const hint = response.status === 401 || response.status === 403 ? " (check --api-key or SYM_API_KEY)" : "";
  return `${what}: the API answered ${response.status}${details ? ` (${details})` : ""}${hint}`;
}

async function send(fetchFunction: typeof fetch, url: string, init: RequestInit): Promise<Response> {
  try {
    return await fetchSameOrigin(fetchFunction, url, init, new URL(url).origin);
  } catch (error) {
    if (error instanceof UsageError) throw error;
    throw new UsageError(
      `cannot reach the API at ${url}: ${(error as Error & { cause?: Error }).cause?.message ?? (error as Error).message}`,
    );
  }
}

/**
 * Runs a linkage request on the API and returns the job's result.
 *
 * @throws SymError with the job's error code and message when the job fails (a bad request: the
 *   same message as a local run); UsageError when the API cannot be reached or refuses the key
 */
export async function runLinkageOnApi(request: LinkageRequest, options: ApiJobOptions): Promise<LinkageResult> {
  const fetchFunction = options.fetchFunction ?? fetch;
  const base = apiBase(options.apiUrl);
  const headers: Record<string, string> = { accept: "application/json", ...(options.apiKey ? { "x-sym-key": options.apiKey } : {}) };
  const submitted = await send(fetchFunction, `${base}/jobs`, {
    method: "POST",
    headers: { ...headers, "content-type": "application/json" },
    body: JSON.stringify({ kind: "linkage", payload: request }),
  });
  if (submitted.status !== 202) throw new UsageError(await describeFailure(submitted, "the linkage job was not accepted"));
  const { id } = (await submitted.json()) as { id: string };
  const location = submitted.headers.get("location");
  // The job's URL comes from the server: it is polled with the key only if it is on the API's origin.
  const jobUrl = location
    ? sameOriginUrl(location, `${base}/`, new URL(base).origin, "a job Location")
    : `${base}/jobs/${encodeURIComponent(id)}`;
  const deadline = Date.now() + (options.timeoutMilliseconds ?? 30 * 60 * 1000);
  options.onProgress?.(0);
  for (;;) {
    const response = await send(fetchFunction, jobUrl, { headers });
    if (!response.ok) throw new UsageError(await describeFailure(response, `reading linkage job ${id}`));
    const job = (await response.json()) as JobState;
    if (typeof job.progress === "number") options.onProgress?.(job.progress);
    if (job.status === "succeeded" && job.result) return job.result;
    if (job.status === "failed") {
      const code = job.error?.code;
      const message = `the linkage job failed on the API: ${job.error?.message ?? "no reason given"}`;
      throw isEngineCode(code) ? new SymError(code, message) : new UsageError(`${message} (${code ?? "error"})`);
    }
    if (Date.now() > deadline)
      throw new UsageError(
        `linkage job ${id} is still ${job.status} after ${Math.round((options.timeoutMilliseconds ?? 1_800_000) / 1000)} s; read it later at ${jobUrl}`,
      );
    const retryAfter = Number(response.headers.get("retry-after"));
    const delay = options.pollMilliseconds ?? (Number.isFinite(retryAfter) && retryAfter > 0 ? retryAfter * 1000 : 1000);
    await new Promise((resolve) => setTimeout(resolve, delay));
  }
}

const ENGINE_CODES = new Set([
  "invalid-answer",
  "out-of-scale",
  "not-recommendation",
  "shape-mismatch",
  "too-few-values",
  "below-threshold",
  "zero-variance",
  "invalid-argument",
]);

function isEngineCode(code: string | undefined): code is SymError["code"] {
  return code !== undefined && ENGINE_CODES.has(code);
}
