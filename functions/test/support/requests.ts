import { HttpRequest, InvocationContext, type HttpHandler, type HttpResponseInit } from "@azure/functions";

export interface CallOptions {
  headers?: Record<string, string>;
  params?: Record<string, string>;
  /** A value is sent as JSON; a string as is. */
  body?: unknown;
}

/** Log lines of the invocations made by `call`, to check what handlers log. */
export const logLines: string[] = [];

export function context(functionName: string, triggerMetadata?: Record<string, unknown>): InvocationContext {
  return new InvocationContext({
    functionName,
    invocationId: `test-${functionName}`,
    triggerMetadata,
    logHandler: (_level, ...args) => logLines.push(args.map(String).join(" ")),
  });
}

/** Calls an exported HTTP handler the way the Functions host does. */
export async function call(
  handler: HttpHandler,
  method: string,
  url: string,
  options: CallOptions = {},
): Promise<HttpResponseInit & { jsonBody?: any }> {
  const body = options.body === undefined ? undefined : typeof options.body === "string" ? options.body : JSON.stringify(options.body);
  const request = new HttpRequest({
    method,
    url: `http://localhost:7071${url}`,
    headers: { ...(body !== undefined ? { "content-type": "application/json" } : {}), ...options.headers },
    params: options.params ?? {},
    body: body !== undefined ? { string: body } : undefined,
  });
  return (await handler(request, context("http"))) as HttpResponseInit;
}

export function header(response: HttpResponseInit, name: string): string | undefined {
  const headers = (response.headers ?? {}) as Record<string, string>;
  const found = Object.keys(headers).find((key) => key.toLowerCase() === name.toLowerCase());
  return found ? headers[found] : undefined;
}
