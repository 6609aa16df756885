import type { InvocationContext } from "@azure/functions";

/**
 * What the queue trigger's metadata says about a delivery. The host sends `DequeueCount` as JSON
 * and `Id` as a string; `@azure/functions` parses them and camel-cases the keys
 * (azure-functions-nodejs-library, src/converters/fromRpcTriggerMetadata.ts), so a handler reads
 * `dequeueCount` as a number and `id` as a string.
 *
 * Shared by the queue-trigger entry files, which must not import one another: the host loads each
 * file matched by package.json `main`, and a function registered while another file loads is
 * attributed to that file.
 */

/** `dequeueCount` from the trigger metadata (1 on the first delivery). */
export function dequeueCountOf(context: InvocationContext): number {
  const count = Number(context.triggerMetadata?.dequeueCount);
  return Number.isFinite(count) && count >= 1 ? count : 1;
}

/** The queue message id from the trigger metadata: the same on every redelivery of a message. */
export function messageIdOf(context: InvocationContext): string | undefined {
  const id = context.triggerMetadata?.id;
  return typeof id === "string" && id !== "" ? id : undefined;
}
