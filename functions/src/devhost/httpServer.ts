import { randomUUID } from "node:crypto";
import { createServer, type IncomingMessage, type Server, type ServerResponse } from "node:http";
import { HttpRequest, HttpResponse, InvocationContext, type HttpHandler, type HttpResponseInit } from "@azure/functions";
import type { HttpRoute } from "../routes";
import { corsOutcome } from "./cors";
import { logHandler, writeLog } from "./log";

/** Requests larger than Azure's limit (100 MB) are refused before any handler sees them. */
const PLATFORM_BODY_LIMIT = 100 * 1024 * 1024;

interface CompiledRoute {
  readonly name: string;
  readonly methods: readonly string[];
  readonly pattern: RegExp;
  readonly parameters: readonly string[];
  readonly handler: HttpHandler;
}

/** `models/{id}/versions` → a regular expression capturing `id` (one path segment). */
export function compileRoute(template: string): { pattern: RegExp; parameters: string[] } {
  const parameters: string[] = [];
  const source = template
    .split("/")
    .map((segment) => {
      const match = /^\{([A-Za-z_][A-Za-z0-9_]*)\}$/.exec(segment);
      if (match) {
        parameters.push(match[1]);
        return "([^/]+)";
      }
      return segment.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
    })
    .join("/");
  return { pattern: new RegExp(`^${source}$`, "i"), parameters };
}

/**
 * Reads a request body of at most `limit` bytes. Past the limit it stops reading (the socket is
 * paused and the connection closed once the answer is sent), so a client cannot make the host
 * hold more than `limit` bytes of one request.
 */
function readBody(request: IncomingMessage, limit: number): Promise<Buffer | { tooLarge: number }> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    const onData = (chunk: Buffer) => {
      size += chunk.length;
      if (size > limit) {
        request.off("data", onData);
        request.pause();
        resolve({ tooLarge: size });
        return;
      }
      chunks.push(chunk);
    };
    request.on("data", onData);
    request.on("end", () => resolve(Buffer.concat(chunks)));
    request.on("error", reject);
  });
}

/** The request's URL, or undefined when its target or its Host header cannot make one (`Host: a b`). */
export function requestUrl(target: string | undefined, host: string | undefined): URL | undefined {
  // Only origin-form targets ("/path?query") are served: "//a:99999/x" would name another authority.
  if (target === undefined || !target.startsWith("/") || target.startsWith("//")) return undefined;
  try {
    return new URL(target, `http://${host ?? "localhost"}`);
  } catch {
    return undefined;
  }
}

/** Percent-decoding that answers undefined instead of throwing on a malformed sequence (`%E0%A4%A`, `%FF`). */
function safeDecode(text: string, decode: (text: string) => string): string | undefined {
  try {
    return decode(text);
  } catch {
    return undefined;
  }
}

function headersOf(request: IncomingMessage): Record<string, string> {
  const headers: Record<string, string> = {};
  for (const [name, value] of Object.entries(request.headers)) {
    if (value !== undefined) headers[name] = Array.isArray(value) ? value.join(", ") : value;
  }
  return headers;
}

async function send(response: ServerResponse, init: HttpResponseInit | HttpResponse, extraHeaders: Record<string, string>): Promise<void> {
  // HttpResponse applies the library's own conversion (jsonBody → JSON text + content type).
  const converted = init instanceof HttpResponse ? init : new HttpResponse(init);
  const body = Buffer.from(await converted.arrayBuffer());
  converted.headers.forEach((value, name) => response.setHeader(name, value));
  for (const [name, value] of Object.entries(extraHeaders)) response.setHeader(name, value);
  response.statusCode = converted.status;
  if (body.length > 0 || !response.hasHeader("content-length")) response.setHeader("content-length", body.length);
  response.end(body);
}

const problem = (status: number, error: string, details: string): HttpResponseInit => ({ status, jsonBody: { error, details } });

/** What the app checks on a request's headers before its body is read (key, declared size). */
export type Admission = (
  routeName: string,
  method: string,
  headers: Record<string, string>,
) => Promise<HttpResponseInit | undefined> | HttpResponseInit | undefined;

export interface ApiServerOptions {
  /** Path prefix of every route (host.json `routePrefix`), default `api`. */
  readonly prefix?: string;
  /** Origins whose pages may call the API (setting SYM_ALLOWED_ORIGINS); none by default. */
  readonly allowedOrigins?: readonly string[];
  /**
   * Called once the route is known and before a byte of the body is read: a response it returns
   * is sent instead of calling the handler (a missing key, a declared size over the app's limit).
   */
  readonly admit?: Admission;
  /** Largest body read, bytes: the app's limit when it is below the platform's (100 MB). */
  readonly maxBodyBytes?: number;
  /** The 413 answer once a body passes `maxBodyBytes` while it is being read. */
  readonly tooLarge?: (bytes: number, limit: number) => HttpResponseInit;
}

/**
 * An HTTP server that mounts the route table under `/<prefix>` and calls each route's exported
 * handler with an `HttpRequest` and an `InvocationContext`, as the Functions host would, behind
 * the CORS rules of the platform for `allowedOrigins` (devhost/cors.ts).
 */
export function createApiServer(
  routes: Record<string, HttpRoute>,
  handlers: Record<string, HttpHandler>,
  options: ApiServerOptions = {},
): Server {
  const prefix = options.prefix ?? "api";
  const allowedOrigins = options.allowedOrigins ?? [];
  const bodyLimit = Math.min(options.maxBodyBytes ?? PLATFORM_BODY_LIMIT, PLATFORM_BODY_LIMIT);
  const tooLarge =
    options.tooLarge ??
    ((bytes: number, limit: number) => problem(413, "payload-too-large", `the body has ${bytes} bytes or more; the limit is ${limit}`));
  const compiled: CompiledRoute[] = Object.entries(routes).map(([name, route]) => ({
    name,
    methods: route.methods,
    handler: handlers[name],
    ...compileRoute(route.route),
  }));

  return createServer((request, response) => {
    const started = process.hrtime.bigint();
    const method = (request.method ?? "GET").toUpperCase();
    // Everything that reads the request line or the headers runs inside `handle`: a malformed
    // Host header or target answers 400 instead of throwing out of this listener (which would end
    // the process, and with it every job held in memory).
    let shownPath = "?";
    let corsHeaders: Record<string, string> = {};
    const handle = async (): Promise<HttpResponseInit | HttpResponse> => {
      const url = requestUrl(request.url, request.headers.host);
      if (!url) return problem(400, "bad-request", "the request target or the Host header is not a valid URL");
      shownPath = url.pathname.slice(0, 200);
      const path = url.pathname.replace(/\/+$/, "");
      const relative = path.startsWith(`/${prefix}/`) ? safeDecode(path.slice(prefix.length + 2), decodeURI) : "";
      if (relative === undefined) return problem(400, "bad-request", "the path has a malformed percent-encoded sequence");
      const candidates = path.startsWith(`/${prefix}/`)
        ? compiled.map((route) => ({ route, match: route.pattern.exec(relative) })).filter((entry) => entry.match)
        : [];
      // A preflight is answered before routing goes further, as the platform's CORS does.
      const single = (name: string) => (typeof request.headers[name] === "string" ? (request.headers[name] as string) : undefined);
      const cors = corsOutcome(
        {
          method,
          origin: single("origin"),
          requestMethod: single("access-control-request-method"),
          requestHeaders: single("access-control-request-headers"),
        },
        allowedOrigins,
        [...new Set(candidates.flatMap((entry) => entry.route.methods))],
      );
      if (cors.kind === "refused") return problem(403, "cors-refused", cors.reason);
      if (cors.kind === "preflight") {
        corsHeaders = cors.headers;
        return { status: 204 };
      }
      if (cors.kind === "call") corsHeaders = cors.headers;
      if (candidates.length === 0) return problem(404, "not-found", `no route ${shownPath}`);
      const found = candidates.find((entry) => entry.route.methods.includes(method));
      if (!found) {
        const allowed = [...new Set(candidates.flatMap((entry) => entry.route.methods))].join(", ");
        return {
          ...problem(405, "method-not-allowed", `${method} is not allowed on ${shownPath}; use ${allowed}`),
          headers: { Allow: allowed },
        };
      }
      const params: Record<string, string> = {};
      for (const [index, name] of found.route.parameters.entries()) {
        const value = safeDecode(found.match![index + 1], decodeURIComponent);
        if (value === undefined) return problem(400, "bad-request", `the ${name} segment has a malformed percent-encoded sequence`);
        params[name] = value;
      }
      const headers = headersOf(request);
      const declared = Number(request.headers["content-length"]);
      // A refusal before the body is read closes the connection: keeping it open would mean
      // reading (and discarding) the whole body to reach the next request.
      const unread = (answer: HttpResponseInit) => {
        response.setHeader("connection", "close");
        return answer;
      };
      if (Number.isFinite(declared) && declared > PLATFORM_BODY_LIMIT) return unread(tooLarge(declared, PLATFORM_BODY_LIMIT));
      const refused = await options.admit?.(found.route.name, method, headers);
      if (refused) return unread(refused);
      const body = await readBody(request, bodyLimit);
      if (!Buffer.isBuffer(body)) return unread(tooLarge(body.tooLarge, bodyLimit));
      const invocationId = randomUUID();
      const httpRequest = new HttpRequest({
        method,
        url: url.toString(),
        headers,
        query: Object.fromEntries(url.searchParams),
        params,
        body: body.length > 0 ? { bytes: body } : undefined,
      });
      const context = new InvocationContext({
        invocationId,
        functionName: found.route.name,
        logHandler: logHandler(found.route.name, invocationId),
      });
      return (await found.route.handler(httpRequest, context)) ?? { status: 204 };
    };
    handle()
      .catch((error: unknown) => {
        writeLog("error", "devhost", "-", `request failed: ${error instanceof Error ? error.name : "error"}`);
        return problem(500, "internal", "unexpected failure in the dev host");
      })
      .then((init) => send(response, init, corsHeaders))
      .catch(() => response.destroy())
      .finally(() => {
        if (process.env.SYM_DEVHOST_ACCESS_LOG === "1") {
          writeLog(
            "information",
            "devhost",
            "-",
            `${method.slice(0, 16)} ${shownPath} ${response.statusCode} ${Number(process.hrtime.bigint() - started) / 1e6} ms`,
          );
        }
      });
  });
}
