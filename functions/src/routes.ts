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
  /**
   * Always `anonymous`: the Functions host lets every request through and the handler
   * authenticates it (Entra ID bearer token or `x-sym-key`, http/auth.ts). A `function` level
   * would make the host answer 401 to every call without a function key, and a function key
   * cannot be kept secret in a task pane; the API's own keys and tokens carry tenant and role,
   * which a function key does not (docs/deploy-azure.md, "Keys and routes").
   */
  readonly authLevel: "anonymous";
}

export const httpRoutes = {
  health: { methods: ["GET"], route: "health", authLevel: "anonymous" },
  getModel: { methods: ["GET"], route: "models/{id}", authLevel: "anonymous" },
  putModel: { methods: ["PUT"], route: "models/{id}", authLevel: "anonymous" },
  getActions: { methods: ["GET"], route: "actions/{id}", authLevel: "anonymous" },
  putActions: { methods: ["PUT"], route: "actions/{id}", authLevel: "anonymous" },
  listModelVersions: { methods: ["GET"], route: "models/{id}/versions", authLevel: "anonymous" },
  getModelVersion: { methods: ["GET"], route: "models/{id}/versions/{version}", authLevel: "anonymous" },
  submitJob: { methods: ["POST"], route: "jobs", authLevel: "anonymous" },
  getJob: { methods: ["GET"], route: "jobs/{id}", authLevel: "anonymous" },
  postBenchmark: { methods: ["POST"], route: "benchmarks/{id}", authLevel: "anonymous" },
  getBenchmark: { methods: ["GET"], route: "benchmarks/{id}", authLevel: "anonymous" },
  deleteBenchmark: { methods: ["DELETE"], route: "benchmarks/{id}", authLevel: "anonymous" },
  getMyBenchmark: { methods: ["GET"], route: "benchmarks/{id}/mine", authLevel: "anonymous" },
  createKey: { methods: ["POST"], route: "keys", authLevel: "anonymous" },
  listKeys: { methods: ["GET"], route: "keys", authLevel: "anonymous" },
  revokeKey: { methods: ["DELETE"], route: "keys/{id}", authLevel: "anonymous" },
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
