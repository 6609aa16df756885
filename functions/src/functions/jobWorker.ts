import type { InvocationContext } from "@azure/functions";
import { processJobDelivery } from "../jobs/worker";
import { registerQueue } from "../register";
import { dequeueCountOf, messageIdOf } from "../queueTriggerMetadata";
import { services } from "../services";

/**
 * Queue trigger on `sym-jobs`: runs the job named by the message, or one chunk of a fan-out job. Throwing makes the host
 * redeliver after host.json's `visibilityTimeout`, up to `maxDequeueCount`, then move the
 * message to `sym-jobs-poison` (handled by jobPoison).
 */
export async function jobWorker(message: unknown, context: InvocationContext): Promise<void> {
  await processJobDelivery(await services(), { message, dequeueCount: dequeueCountOf(context), messageId: messageIdOf(context) }, (line) =>
    context.log(line),
  );
}

registerQueue("jobWorker", jobWorker);
