import { StoreConflict } from "../storage/errors";

/** Attempts of an ETag-conditional update before giving up (the delivery then fails and is retried). */
export const CONFLICT_ATTEMPTS = 12;

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/**
 * Wait before attempt `attempt` (0-based) after a conflict: exponential from 10 ms, capped at
 * 1 s, with full jitter so that deliveries racing for one entity spread out instead of colliding
 * again ("Exponential Backoff And Jitter", AWS Architecture Blog, 2015).
 */
export function conflictBackoffMs(attempt: number, random: () => number = Math.random): number {
  return random() * Math.min(1000, 10 * 2 ** attempt);
}

/**
 * Runs `attempt` (read the entity, decide, update it conditionally) until it does not conflict:
 * a StoreConflict ("stale": someone else changed it first) waits with backoff and jitter, then
 * re-reads. Other errors are rethrown at once.
 */
export async function withConflictRetries<T>(what: string, attempt: () => Promise<T>): Promise<T> {
  for (let tries = 0; ; tries++) {
    try {
      return await attempt();
    } catch (error) {
      if (!(error instanceof StoreConflict) || error.reason !== "stale" || tries + 1 >= CONFLICT_ATTEMPTS) {
        if (error instanceof StoreConflict && error.reason === "stale")
          throw new Error(`${what}: the job kept changing (${CONFLICT_ATTEMPTS} conflicting updates)`);
        throw error;
      }
      await sleep(conflictBackoffMs(tries));
    }
  }
}
