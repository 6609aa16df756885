import type { InvocationContext } from "@azure/functions";
import { processPoisonDelivery } from "../jobs/worker";
import { registerQueue } from "../register";
import { dequeueCountOf } from "../queueTriggerMetadata";
import { services } from "../services";

/**
 * Queue trigger on `sym-jobs-poison`: a job whose message exhausted its deliveries (worker
 * crashes, timeouts) ends `failed` with a reason instead of staying `running`.
 */
export async function jobPoison(message: unknown, context: InvocationContext): Promise<void> {
  await processPoisonDelivery(await services(), { message, dequeueCount: dequeueCountOf(context) }, (line) => context.log(line));
}

registerQueue("jobPoison", jobPoison);
