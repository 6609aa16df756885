import { SymError, type LinkageRequest, type LinkageResult, type SymErrorCode } from "@symmetry/engine";
import { abortError } from "../data/readInChunks";
import { authorizationHint, authorizedFetch } from "../auth/authorizedFetch";
import type { TokenSource } from "../auth/tokenSource";
import type { FromWorker, ToWorker } from "./workerProtocol";

/**
 * Where a linkage runs: in a Web Worker of the pane (default), or as a `linkage` job of the API
 * when an API URL is configured (`POST {api}/jobs` → 202 + Location, then `GET` the job until it
 * succeeds or fails; docs/api.md). Both report progress in percent and honour an AbortSignal,
 * and both give the engine's numbers: same request and seed, same result.
 */

export interface RunOptions {
  readonly signal?: AbortSignal;
  readonly onProgress?: (percent: number) => void;
}

/** The part of a Worker the runner uses (a real Worker in the pane, a stand-in in tests). */
export interface WorkerLike {
  postMessage(message: ToWorker): void;
  terminate(): void;
  onmessage: ((event: { data: FromWorker }) => void) | null;
  onerror: ((event: { message?: string }) => void) | null;
}

/** The worker bundled next to taskpane.html by both webpack configurations. */
export const LINKAGE_WORKER_SCRIPT = "linkageWorker.js";

export function createLinkageWorker(): WorkerLike {
  return new Worker(LINKAGE_WORKER_SCRIPT) as unknown as WorkerLike;
}

let nextRunId = 1;

function engineError(error: { code?: string; message: string }): Error {
  return error.code ? new SymError(error.code as SymErrorCode, error.message) : new Error(error.message);
}

/** Runs a linkage in a Web Worker; cancelling terminates the worker at once. */
export function runLinkageInWorker(
  request: LinkageRequest,
  options: RunOptions = {},
  createWorker: () => WorkerLike = createLinkageWorker,
): Promise<LinkageResult> {
  return new Promise((resolve, reject) => {
    if (options.signal?.aborted) return reject(abortError());
    const id = nextRunId++;
    const worker = createWorker();
    const finish = () => {
      options.signal?.removeEventListener("abort", onAbort);
      worker.terminate();
    };
    const onAbort = () => {
      worker.postMessage({ type: "cancel", id });
      finish();
      reject(abortError());
    };
    options.signal?.addEventListener("abort", onAbort);
    worker.onmessage = ({ data }) => {
      if (data.id !== id) return;
      if (data.type === "progress") options.onProgress?.(data.percent);
      else if (data.type === "result") {
        finish();
        resolve(data.result);
      } else if (data.type === "error") {
        finish();
        reject(engineError(data.error));
      } else {
        finish();
        reject(abortError());
      }
    };
    worker.onerror = (event) => {
      finish();
      reject(new Error(`The linkage worker stopped: ${event.message ?? "unknown error"}; reload the add-in and try again`));
    };
    worker.postMessage({ type: "run", id, request });
  });
}

/** The API and the signed-in user's tokens: every call sends `Authorization: Bearer` (docs/api.md#authentication-and-tenants). */
export interface ApiSettings {
  readonly apiUrl: string;
  readonly tokens: TokenSource;
}

export interface ApiRunOptions extends RunOptions {
  readonly fetchFunction?: typeof fetch;
  /** Poll interval when the API sends no Retry-After (ms). */
  readonly pollMilliseconds?: number;
}

/** `{error, details}` of an API answer as a sentence. */
async function apiFailure(response: Response, what: string): Promise<Error> {
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
  return new Error(`${what}: the API answered ${response.status}${details ? ` (${details})` : ""}${authorizationHint(response.status)}`);
}

const wait = (milliseconds: number, signal?: AbortSignal) =>
  new Promise<void>((resolve, reject) => {
    const timer = setTimeout(() => {
      signal?.removeEventListener("abort", onAbort);
      resolve();
    }, milliseconds);
    const onAbort = () => {
      clearTimeout(timer);
      reject(abortError());
    };
    signal?.addEventListener("abort", onAbort, { once: true });
  });

export function apiBase(apiUrl: string): string {
  return apiUrl.trim().replace(/\/+$/, "");
}

export const API_HEADERS: Readonly<Record<string, string>> = { accept: "application/json" };

/** A call to the API with the user's token, renewed once on 401 ({@link authorizedFetch}). */
export function apiFetch(
  settings: ApiSettings,
  url: string,
  init: RequestInit & { headers?: Record<string, string>; body?: string } = {},
  fetchFunction: typeof fetch = fetch,
): Promise<Response> {
  return authorizedFetch(settings.tokens, url, { ...init, headers: { ...API_HEADERS, ...init.headers } }, fetchFunction);
}

/** Submits a `linkage` job (unit aggregates only) and polls it until it ends. Cancelling stops polling. */
export async function runLinkageOnApi(request: LinkageRequest, settings: ApiSettings, options: ApiRunOptions = {}): Promise<LinkageResult> {
  const fetchFunction = options.fetchFunction ?? fetch;
  const base = apiBase(settings.apiUrl);
  const submitted = await apiFetch(
    settings,
    `${base}/jobs`,
    {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: JSON.stringify({ kind: "linkage", payload: request }),
      ...(options.signal ? { signal: options.signal } : {}),
    },
    fetchFunction,
  );
  if (submitted.status !== 202) throw await apiFailure(submitted, "The linkage job was not accepted");
  const location = submitted.headers.get("location");
  const { id } = (await submitted.json()) as { id: string };
  const jobUrl = location ? new URL(location, `${base}/`).toString() : `${base}/jobs/${encodeURIComponent(id)}`;
  options.onProgress?.(0);
  for (;;) {
    if (options.signal?.aborted) throw abortError();
    const response = await apiFetch(settings, jobUrl, options.signal ? { signal: options.signal } : {}, fetchFunction);
    if (!response.ok) throw await apiFailure(response, `Reading linkage job ${id}`);
    const job = (await response.json()) as {
      status: string;
      progress?: number;
      result?: LinkageResult;
      error?: { code: string; message: string };
    };
    if (typeof job.progress === "number") options.onProgress?.(job.progress);
    if (job.status === "succeeded" && job.result) return job.result;
    if (job.status === "failed")
      throw new Error(`The linkage job failed on the API: ${job.error?.message ?? "no reason given"} (${job.error?.code ?? "error"})`);
    const retryAfter = Number(response.headers.get("retry-after"));
    const delay = options.pollMilliseconds ?? (Number.isFinite(retryAfter) && retryAfter > 0 ? retryAfter * 1000 : 1000);
    await wait(delay, options.signal);
  }
}
