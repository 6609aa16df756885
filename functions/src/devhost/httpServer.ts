import { randomUUID } from "node:crypto";
import { createServer, type IncomingMessage, type Server, type ServerResponse } from "node:http";
import { HttpRequest, HttpResponse, InvocationContext, type HttpHandler, type HttpResponseInit } from "@azure/functions";
import type { HttpRoute } from "../routes";
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

function readBody(request: IncomingMessage): Promise<Buffer | "too-large"> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    request.on("data", (chunk: Buffer) => {
      size += chunk.length;
      if (size <= PLATFORM_BODY_LIMIT) chunks.push(chunk);
    });
    request.on("end", () => resolve(size > PLATFORM_BODY_LIMIT ? "too-large" : Buffer.concat(chunks)));
    request.on("error", reject);
  });
}

function headersOf(request: IncomingMessage): Record<string, string> {
  const headers: Record<string, string> = {};
  for (const [name, value] of Object.entries(request.headers)) {
    if (value !== undefined) headers[name] = Array.isArray(value) ? value.join(", ") : value;
  }
  return headers;
}

async function send(response: ServerResponse, init: HttpResponseInit | HttpResponse): Promise<void> {
  // HttpResponse applies the library's own conversion (jsonBody → JSON text + content type).
  const converted = init instanceof HttpResponse ? init : new HttpResponse(init);
  const body = Buffer.from(await converted.arrayBuffer());
  converted.headers.forEach((value, name) => response.setHeader(name, value));
  response.statusCode = converted.status;
  if (body.length > 0 || !response.hasHeader("content-length")) response.setHeader("content-length", body.length);
  response.end(body);
}

const problem = (status: number, error: string, details: string): HttpResponseInit => ({ status, jsonBody: { error, details } });

/**
 * An HTTP server that mounts the route table under `/<prefix>` and calls each route's exported
 * handler with an `HttpRequest` and an `InvocationContext`, as the Functions host would.
 */
export function createApiServer(routes: Record<string, HttpRoute>, handlers: Record<string, HttpHandler>, prefix = "api"): Server {
  const compiled: CompiledRoute[] = Object.entries(routes).map(([name, route]) => ({
    name,
    methods: route.methods,
    handler: handlers[name],
    ...compileRoute(route.route),
  }));

  return createServer((request, response) => {
    const started = process.hrtime.bigint();
    const url = new URL(request.url ?? "/", `http://${request.headers.host ?? "localhost"}`);
    const method = (request.method ?? "GET").toUpperCase();
    const path = url.pathname.replace(/\/+$/, "");
    const handle = async (): Promise<HttpResponseInit | HttpResponse> => {
      if (!path.startsWith(`/${prefix}/`)) return problem(404, "not-found", `no route ${url.pathname}`);
      const relative = decodeURI(path.slice(prefix.length + 2));
      const candidates = compiled.map((route) => ({ route, match: route.pattern.exec(relative) })).filter((entry) => entry.match);
      if (candidates.length === 0) return problem(404, "not-found", `no route ${url.pathname}`);
      const found = candidates.find((entry) => entry.route.methods.includes(method));
      if (!found) {
        const allowed = [...new Set(candidates.flatMap((entry) => entry.route.methods))].join(", ");
        return {
          ...problem(405, "method-not-allowed", `${method} is not allowed on ${url.pathname}; use ${allowed}`),
          headers: { Allow: allowed },
        };
      }
      const body = await readBody(request);
      if (body === "too-large")
        return problem(413, "payload-too-large", `the body exceeds the platform limit of ${PLATFORM_BODY_LIMIT} bytes`);
      const params = Object.fromEntries(found.route.parameters.map((name, index) => [name, decodeURIComponent(found.match![index + 1])]));
      const invocationId = randomUUID();
      const httpRequest = new HttpRequest({
        method,
        url: url.toString(),
        headers: headersOf(request),
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
        writeLog("error", "devhost", "-", `request failed: ${error instanceof Error ? error.message : String(error)}`);
        return problem(500, "internal", "unexpected failure in the dev host");
      })
      .then((init) => send(response, init))
      .catch(() => response.destroy())
      .finally(() => {
        if (process.env.SYM_DEVHOST_ACCESS_LOG === "1") {
          writeLog(
            "information",
            "devhost",
            "-",
            `${method} ${url.pathname} ${response.statusCode} ${Number(process.hrtime.bigint() - started) / 1e6} ms`,
          );
        }
      });
  });
}
