import type { HttpHandler, HttpRequest, HttpResponseInit, InvocationContext } from "@azure/functions";
import { errorResponse, HttpError } from "./responses";

/**
 * Wraps a handler so that an `HttpError` becomes its JSON response and anything else a 500 that
 * names no internals (the log line carries the invocation id; messages never carry survey values).
 */
export function withErrors(handler: (request: HttpRequest, context: InvocationContext) => Promise<HttpResponseInit>): HttpHandler {
  return async (request, context) => {
    try {
      return await handler(request, context);
    } catch (error) {
      if (error instanceof HttpError) return error.toResponse();
      context.error(
        `unhandled ${error instanceof Error ? error.name : "error"} in ${context.functionName}: ${error instanceof Error ? error.message : String(error)}`,
      );
      return errorResponse(500, "internal", `unexpected failure; quote invocation ${context.invocationId}`);
    }
  };
}
