import { parentPort } from "node:worker_threads";
import { InvocationContext } from "@azure/functions";
import { queueHandlers } from "../handlers";
import { logHandler } from "./log";
import type { InvocationOutcome, InvocationRequest } from "./workerPool";

/**
 * Entry of a dev-host worker thread (workerPool.ts): runs the queue-trigger handlers of the route
 * table with its own storage clients, one InvocationContext per invocation, and reports each
 * outcome to the main thread, which settles the queue message.
 */
if (!parentPort) throw new Error("queueWorker.js runs as a worker thread of the dev host");
const port = parentPort;

port.on("message", (request: InvocationRequest) => {
  const handler = queueHandlers[request.functionName as keyof typeof queueHandlers];
  const context = new InvocationContext({
    invocationId: request.invocationId,
    functionName: request.functionName,
    logHandler: logHandler(request.functionName, request.invocationId),
    triggerMetadata: request.triggerMetadata,
  });
  const run = handler
    ? Promise.resolve(handler(request.message, context))
    : Promise.reject(new Error(`no queue handler ${request.functionName}`));
  run.then(
    () => port.postMessage({ id: request.id } satisfies InvocationOutcome),
    (error: unknown) =>
      port.postMessage({
        id: request.id,
        error: error instanceof Error ? `${error.name}: ${error.message}` : String(error),
      } satisfies InvocationOutcome),
  );
});
