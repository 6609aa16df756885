import type { HttpHandler, StorageQueueHandler, TimerHandler } from "@azure/functions";
import type { HttpRouteName, QueueTriggerName, TimerTriggerName } from "./routes";
import { createKey } from "./functions/createKey";
import { deleteBenchmark } from "./functions/deleteBenchmark";
import { getActions } from "./functions/getActions";
import { getBenchmark } from "./functions/getBenchmark";
import { getJob } from "./functions/getJob";
import { getModel } from "./functions/getModel";
import { getModelVersion } from "./functions/getModelVersion";
import { getMyBenchmark } from "./functions/getMyBenchmark";
import { health } from "./functions/health";
import { jobCleanup } from "./functions/jobCleanup";
import { jobPoison } from "./functions/jobPoison";
import { jobWorker } from "./functions/jobWorker";
import { listKeys } from "./functions/listKeys";
import { listModelVersions } from "./functions/listModelVersions";
import { postBenchmark } from "./functions/postBenchmark";
import { putActions } from "./functions/putActions";
import { putModel } from "./functions/putModel";
import { revokeKey } from "./functions/revokeKey";
import { submitJob } from "./functions/submitJob";

/**
 * The exported handler of every trigger in the route table, keyed by its name; the types make a
 * route without a handler (or the reverse) a compile error. Used by the dev host.
 */
export const httpHandlers: Record<HttpRouteName, HttpHandler> = {
  health,
  getModel,
  putModel,
  getActions,
  putActions,
  listModelVersions,
  getModelVersion,
  submitJob,
  getJob,
  postBenchmark,
  getBenchmark,
  deleteBenchmark,
  getMyBenchmark,
  createKey,
  listKeys,
  revokeKey,
};

export const queueHandlers: Record<QueueTriggerName, StorageQueueHandler> = { jobWorker, jobPoison };

export const timerHandlers: Record<TimerTriggerName, TimerHandler> = { jobCleanup };
