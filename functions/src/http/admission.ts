import type { HttpResponseInit } from "@azure/functions";
import type { HttpRoute } from "../routes";
import type { Settings } from "../settings";
import { authenticate, KEY_HEADER } from "./auth";
import { tooLarge } from "./body";
import { HttpError } from "./responses";

const BODY_METHODS = new Set(["POST", "PUT"]);

/**
 * What can be refused from a request's headers alone, before its body is read: a missing or
 * unknown key on a keyed route (401), a declared Content-Length over the app's limit (413). The
 * answers are the handlers' own (`authorize`, `readJsonBody`), so a client sees the same response
 * whichever checks first; the handlers keep their checks (roles, the bytes actually read).
 *
 * Only requests that carry a body are checked: every handler that reads one (`putModel`,
 * `postBenchmark`, `submitJob`) authorizes first, while some reads are open (`getModel`). A request
 * carrying `Authorization` is left to its handler, which owns every other sign-in.
 */
export function admitBeforeBody(
  settings: Pick<Settings, "keys" | "maxPayloadBytes">,
  route: HttpRoute,
  method: string,
  headers: Readonly<Record<string, string>>,
): HttpResponseInit | undefined {
  if (!BODY_METHODS.has(method) || route.authLevel === "anonymous") return undefined;
  try {
    if (headers.authorization === undefined) authenticate(headers[KEY_HEADER], settings.keys);
    const declared = Number(headers["content-length"]);
    if (Number.isFinite(declared) && declared > settings.maxPayloadBytes) throw tooLarge(declared, settings.maxPayloadBytes);
  } catch (error) {
    if (error instanceof HttpError) return error.toResponse();
    throw error;
  }
  return undefined;
}
