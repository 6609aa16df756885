import type { HttpRequest } from "@azure/functions";
import type { z } from "zod";
import { describeIssues } from "@symmetry/engine";
import { HttpError } from "./responses";

/**
 * Reads a JSON body within a size limit and validates it with a strict zod schema:
 * 413 over the limit (checked on Content-Length before reading, then on the bytes read), 400 on
 * malformed JSON or invalid content (details: the flattened issues, path and message for each).
 * The body is parsed as JSON whatever its Content-Type, as clients often omit or misstate it.
 */
export async function readJsonBody<Schema extends z.ZodType>(
  request: HttpRequest,
  schema: Schema,
  maxBytes: number,
): Promise<z.infer<Schema>> {
  const declared = Number(request.headers.get("content-length"));
  if (Number.isFinite(declared) && declared > maxBytes) throw tooLarge(declared, maxBytes);
  const bytes = Buffer.from(await request.arrayBuffer());
  if (bytes.length > maxBytes) throw tooLarge(bytes.length, maxBytes);
  if (bytes.length === 0) throw new HttpError(400, "invalid-json", "the request body is empty; send a JSON document");
  let json: unknown;
  try {
    json = JSON.parse(bytes.toString("utf8"));
  } catch (error) {
    throw new HttpError(400, "invalid-json", `the body is not valid JSON: ${error instanceof Error ? error.message : String(error)}`);
  }
  const parsed = schema.safeParse(json);
  if (!parsed.success) throw new HttpError(400, "invalid-body", describeIssues(parsed.error));
  return parsed.data;
}

/** The 413 of a body over `maxBytes` (declared or counted). */
export function tooLarge(size: number, maxBytes: number): HttpError {
  return new HttpError(413, "payload-too-large", `the body has ${size} bytes; the limit is ${maxBytes} (setting SYM_MAX_PAYLOAD_BYTES)`);
}
