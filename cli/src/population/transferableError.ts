import type { SymErrorCode, SymErrorDetails } from "@symmetry/engine";
import { SymError } from "@symmetry/engine/errors"; // not the barrel: loaded on worker threads
import { UsageError } from "../errors";

/** An error as plain data, so it crosses a worker-thread boundary with its kind and details. */
export type TransferableError =
  | { readonly kind: "sym"; readonly code: SymErrorCode; readonly message: string; readonly details: SymErrorDetails }
  | { readonly kind: "usage"; readonly message: string }
  | { readonly kind: "other"; readonly message: string; readonly stack?: string };

export function serialiseError(error: unknown): TransferableError {
  if (error instanceof SymError) return { kind: "sym", code: error.code, message: error.message, details: error.details };
  if (error instanceof UsageError) return { kind: "usage", message: error.message };
  if (error instanceof Error) return { kind: "other", message: error.message, stack: error.stack };
  return { kind: "other", message: String(error) };
}

export function reviveError(error: TransferableError): Error {
  if (error.kind === "sym") return new SymError(error.code, error.message, error.details);
  if (error.kind === "usage") return new UsageError(error.message);
  const revived = new Error(error.message);
  if (error.stack) revived.stack = error.stack;
  return revived;
}
