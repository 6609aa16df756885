/**
 * Cross-origin rules of the dev host, as Azure's platform CORS applies them in front of the
 * function app (https://learn.microsoft.com/cli/azure/functionapp/cors; docs/deploy-azure.md):
 * a page of an allowed origin (the task pane) may call the API, a page of any other origin may
 * not. A browser sends a preflight (OPTIONS with Access-Control-Request-Method) before any call
 * that carries `Authorization`, `x-sym-key` or a JSON body; it is answered here, before routing,
 * and never reaches a handler.
 */

/** Request headers a page may send: credentials, JSON bodies and the concurrency headers. */
export const CORS_ALLOWED_HEADERS = ["authorization", "content-type", "x-sym-key", "if-match", "if-none-match", "idempotency-key"];
/** Response headers a page may read besides the safelisted ones. */
export const CORS_EXPOSED_HEADERS = ["etag", "location", "retry-after", "idempotent-replayed", "www-authenticate"];
/** How long a browser may reuse a preflight answer, in seconds. */
const PREFLIGHT_MAX_AGE = 600;

export type CorsOutcome =
  /** No Origin header: not a browser's cross-origin call; nothing to add. */
  | { readonly kind: "none" }
  /** A preflight from an allowed origin: answer 204 with these headers. */
  | { readonly kind: "preflight"; readonly headers: Record<string, string> }
  /** A preflight from another origin, or asking for a method or header not allowed: 403. */
  | { readonly kind: "refused"; readonly reason: string }
  /** An actual call: add these headers to the response (none when the origin is not allowed). */
  | { readonly kind: "call"; readonly headers: Record<string, string> };

/**
 * What to do with a request's CORS headers.
 *
 * @param methods the methods of the routes matching the path (empty when none matches)
 */
export function corsOutcome(
  request: { method: string; origin: string | undefined; requestMethod: string | undefined; requestHeaders: string | undefined },
  allowedOrigins: readonly string[],
  methods: readonly string[],
): CorsOutcome {
  const { origin } = request;
  if (origin === undefined) return { kind: "none" };
  const allowed = allowedOrigins.includes(origin);
  if (request.method === "OPTIONS" && request.requestMethod !== undefined) {
    if (!allowed) return { kind: "refused", reason: `origin ${origin} is not allowed (setting SYM_ALLOWED_ORIGINS)` };
    const requestMethod = request.requestMethod.toUpperCase();
    if (!methods.includes(requestMethod)) return { kind: "refused", reason: `${requestMethod} is not allowed here` };
    const asked = (request.requestHeaders ?? "")
      .split(",")
      .map((header) => header.trim().toLowerCase())
      .filter(Boolean);
    const unknown = asked.find((header) => !CORS_ALLOWED_HEADERS.includes(header));
    if (unknown !== undefined) return { kind: "refused", reason: `request header ${unknown} is not allowed` };
    return {
      kind: "preflight",
      headers: {
        "Access-Control-Allow-Origin": origin,
        "Access-Control-Allow-Methods": methods.join(", "),
        "Access-Control-Allow-Headers": CORS_ALLOWED_HEADERS.join(", "),
        "Access-Control-Max-Age": String(PREFLIGHT_MAX_AGE),
        Vary: "Origin",
      },
    };
  }
  if (!allowed) return { kind: "call", headers: { Vary: "Origin" } };
  return {
    kind: "call",
    headers: { "Access-Control-Allow-Origin": origin, "Access-Control-Expose-Headers": CORS_EXPOSED_HEADERS.join(", "), Vary: "Origin" },
  };
}
