import type { Services } from "../services";
import { StoreConflict } from "../storage/errors";
import { CONFLICT_ATTEMPTS, conflictBackoffMs } from "./conflicts";
import type { JobError, JobRecord } from "../storage/jobStore";

export type Log = (message: string) => void;

export const isTerminal = (job: JobRecord) => job.status === "succeeded" || job.status === "failed";

/**
 * Moves a job to a terminal state once. The update is conditional on the ETag the worker last
 * saw: when another delivery of the same message got there first, the state is re-read and left
 * alone if terminal, so a job is completed exactly once however many times it is delivered.
 * Returns false when someone else completed it.
 */
export async function finish(
  services: Services,
  job: JobRecord,
  outcome: { status: "succeeded" } | { status: "failed"; error: JobError },
  log: Log,
): Promise<boolean> {
  let current = job;
  for (let attempt = 0; attempt < CONFLICT_ATTEMPTS; attempt++) {
    if (isTerminal(current)) {
      log(`job ${job.id} already ${current.status}; duplicate delivery ignored`);
      return false;
    }
    try {
      await services.jobs.update(current, {
        status: outcome.status,
        progress: outcome.status === "succeeded" ? 100 : current.progress,
        completedAt: new Date(),
        error: outcome.status === "failed" ? outcome.error : undefined,
      });
      // The failure's message is kept on the job row for operators; the log line and the API give its code.
      log(
        `job ${job.id} ${outcome.status} after ${current.attempts} attempt(s)${outcome.status === "failed" ? ` (${outcome.error.code})` : ""}`,
      );
      return true;
    } catch (error) {
      if (!(error instanceof StoreConflict)) throw error;
      await new Promise((resolve) => setTimeout(resolve, conflictBackoffMs(attempt)));
      const reread = await services.jobs.get(job.id);
      if (!reread) return false;
      current = reread;
    }
  }
  throw new Error(`job ${job.id} could not be completed: its state kept changing`);
}
