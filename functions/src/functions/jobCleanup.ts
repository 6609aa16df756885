import type { InvocationContext, Timer } from "@azure/functions";
import { cleanUpJobs } from "../jobs/cleanup";
import { registerTimer } from "../register";
import { services } from "../services";

/** Timer trigger (every 15 min): deletes expired jobs, re-sends messages presumed lost. */
export async function jobCleanup(_timer: Timer, context: InvocationContext): Promise<void> {
  const { deleted, requeued } = await cleanUpJobs(await services(), new Date(), (line) => context.log(line));
  context.log(`job cleanup: ${deleted} expired job(s) deleted, ${requeued} message(s) re-sent`);
}

registerTimer("jobCleanup", jobCleanup);
