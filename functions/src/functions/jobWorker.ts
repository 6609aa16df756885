import type { InvocationContext } from "@azure/functions";
import { processJobDelivery } from "../jobs/worker";
import { registerQueue } from "../register";
import { services } from "../services";

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

/**
 * Queue trigger on `sym-jobs`: runs the job named by the message, or one chunk of a fan-out job. Throwing makes the host
 * redeliver after host.json's `visibilityTimeout`, up to `maxDequeueCount`, then move the
 * message to `sym-jobs-poison` (handled by jobPoison).
 */
export async function jobWorker(message: unknown, context: InvocationContext): Promise<void> {
  await processJobDelivery(await services(), { message, dequeueCount: dequeueCountOf(context), messageId: messageIdOf(context) }, (line) => context.log(line));
}

registerQueue("jobWorker", jobWorker);
