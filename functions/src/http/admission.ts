import type { HttpResponseInit } from "@azure/functions";
import type { Settings } from "../settings";
import { authenticate, type AuthSources } from "./auth";
import { tooLarge } from "./body";
import { HttpError } from "./responses";

const BODY_METHODS = new Set(["POST", "PUT"]);

/** What admission reads: the sign-in sources and the app's body limit. */
export interface AdmissionSources extends AuthSources {
  readonly settings: Pick<Settings, "keys" | "tokenAuth" | "maxPayloadBytes">;
}

/**
 * What can be refused from a request's headers alone, before its body is read: missing or invalid
 * credentials (401, or 403 for a token of a tenant not allowed), a declared Content-Length over
 * the app's limit (413). The answers are the handlers' own (`authenticate`, `readJsonBody`), so a
 * client sees the same response whichever checks first; the handlers keep their checks (roles,
 * the bytes actually read).
 *
 * Only requests that carry a body are checked: every handler that reads one (`putModel`,
 * `postBenchmark`, `submitJob`, `createKey`) authenticates first.
 */
export async function admitBeforeBody(
  sources: AdmissionSources,
  method: string,
  headers: Readonly<Record<string, string>>,
): Promise<HttpResponseInit | undefined> {
  if (!BODY_METHODS.has(method)) return undefined;
  try {
    await authenticate({ headers: new Headers(headers) }, sources);
    const declared = Number(headers["content-length"]);
    const limit = sources.settings.maxPayloadBytes;
    if (Number.isFinite(declared) && declared > limit) throw tooLarge(declared, limit);
  } catch (error) {
    if (error instanceof HttpError) return error.toResponse();
    throw error;
  }
  return undefined;
}
