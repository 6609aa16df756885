import { JOB_POISON_QUEUE, JOB_QUEUE } from "./storage/names";

/**
 * The single source of truth for the function app's triggers: `register.ts` hands these to
 * `app.http` / `app.storageQueue` / `app.timer` under the Functions host, and the dev host
 * (devhost/) mounts the very same table on node:http and on the storage queues.
 */

export type HttpMethod = "GET" | "PUT" | "POST" | "DELETE";

export interface HttpRoute {
  readonly methods: readonly HttpMethod[];
  /** Route template under the `/api` prefix (host.json `extensions.http.routePrefix`). */
  readonly route: string;
  /** On Azure: `function` requires a function key (`x-functions-key` or `?code=`) in front of x-sym-key. */
  readonly authLevel: "anonymous" | "function";
}

export const httpRoutes = {
  health: { methods: ["GET"], route: "health", authLevel: "anonymous" },
  getModel: { methods: ["GET"], route: "models/{id}", authLevel: "function" },
  putModel: { methods: ["PUT"], route: "models/{id}", authLevel: "function" },
  listModelVersions: { methods: ["GET"], route: "models/{id}/versions", authLevel: "function" },
  getModelVersion: { methods: ["GET"], route: "models/{id}/versions/{version}", authLevel: "function" },
  submitJob: { methods: ["POST"], route: "jobs", authLevel: "function" },
  getJob: { methods: ["GET"], route: "jobs/{id}", authLevel: "function" },
  postBenchmark: { methods: ["POST"], route: "benchmarks/{id}", authLevel: "function" },
  getBenchmark: { methods: ["GET"], route: "benchmarks/{id}", authLevel: "function" },
  deleteBenchmark: { methods: ["DELETE"], route: "benchmarks/{id}", authLevel: "function" },
  getMyBenchmark: { methods: ["GET"], route: "benchmarks/{id}/mine", authLevel: "function" },
} as const satisfies Record<string, HttpRoute>;

export type HttpRouteName = keyof typeof httpRoutes;

/** Storage account connection setting used by every trigger. */
export const STORAGE_CONNECTION_SETTING = "AzureWebJobsStorage";

export const queueTriggers = {
  jobWorker: { queueName: JOB_QUEUE, connection: STORAGE_CONNECTION_SETTING },
  jobPoison: { queueName: JOB_POISON_QUEUE, connection: STORAGE_CONNECTION_SETTING },
} as const;

export type QueueTriggerName = keyof typeof queueTriggers;

export const timerTriggers = {
  /** NCRONTAB with seconds: every 15 minutes. */
  jobCleanup: { schedule: "0 */15 * * * *" },
} as const;

export type TimerTriggerName = keyof typeof timerTriggers;
