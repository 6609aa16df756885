import type { HttpResponseInit } from "@azure/functions";

/**
 * Every API error has one shape, `{error, details}`: `error` a stable code a client can switch
 * on, `details` a message or the flattened validation issues.
 */
export interface ApiErrorBody {
  error: string;
  details: unknown;
}

/** A JSON error response. */
export function errorResponse(status: number, error: string, details: unknown, headers: Record<string, string> = {}): HttpResponseInit {
  const body: ApiErrorBody = { error, details };
  return { status, jsonBody: body, headers: { "Cache-Control": "no-store", ...headers } };
}

/** A JSON success response. */
export function jsonResponse(status: number, body: unknown, headers: Record<string, string> = {}): HttpResponseInit {
  return { status, jsonBody: body, headers: { "Cache-Control": "no-store", ...headers } };
}

/**
 * Thrown by request helpers (body parsing, auth) and turned into the response by `withErrors`,
 * so a handler reads as a straight line.
 */
export class HttpError extends Error {
  readonly status: number;
  readonly code: string;
  readonly details: unknown;
  readonly headers: Record<string, string>;

  constructor(status: number, code: string, details: unknown, headers: Record<string, string> = {}) {
    super(`${status} ${code}`);
    this.name = "HttpError";
    this.status = status;
    this.code = code;
    this.details = details;
    this.headers = headers;
  }

  toResponse(): HttpResponseInit {
    return errorResponse(this.status, this.code, this.details, this.headers);
  }
}
