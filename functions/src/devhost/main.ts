import { randomUUID } from "node:crypto";
import type { AddressInfo } from "node:net";
import path from "node:path";
import { InvocationContext, type StorageQueueHandler, type Timer } from "@azure/functions";
import { httpHandlers, queueHandlers, timerHandlers } from "../handlers";
import { admitBeforeBody } from "../http/admission";
import { tooLarge } from "../http/body";
import { httpRoutes, queueTriggers, timerTriggers } from "../routes";
import { services } from "../services";
import { settings } from "../settings";
import { storageClients } from "../storage/account";
import { createApiServer } from "./httpServer";
import { logHandler, writeLog } from "./log";
import { QueuePump } from "./queuePump";
import { WorkerPool, workerCount } from "./workerPool";

/**
 * The local stand-in for the Functions host when Core Tools (`func`) are not installed: the
 * route table on http://localhost:7071/api, the queue triggers pumped from the storage account,
 * the timer triggers on an interval. Started by `npm run start:api` (functions/scripts/start-api.js).
 *
 * Environment: SYM_API_PORT (7071; 0 picks a free port), SYM_DEVHOST_LEASE_SECONDS (600, the
 * queue trigger's 10-minute lease: how long a message being processed stays invisible, renewed
 * while it runs, so after a crash it reappears only then; tests set a few seconds),
 * SYM_DEVHOST_TIMER_SECONDS (900: interval of timer triggers), SYM_DEVHOST_WORKERS (0: handlers on
 * the main event loop, like one Node worker process; N: N worker threads, so CPU-bound chunks of a
 * fan-out job run in parallel as on several instances), plus the app settings (settings.ts).
 */

function timerInfo(intervalMs: number): Timer {
  const now = new Date();
  return {
    isPastDue: false,
    schedule: { adjustForDST: false },
    scheduleStatus: {
      last: new Date(now.getTime() - intervalMs).toISOString(),
      next: new Date(now.getTime() + intervalMs).toISOString(),
      lastUpdated: now.toISOString(),
    },
  };
}

async function main(): Promise<void> {
  const port = Number(process.env.SYM_API_PORT ?? 7071);
  const leaseMs = Number(process.env.SYM_DEVHOST_LEASE_SECONDS ?? 600) * 1000;
  const timerMs = Number(process.env.SYM_DEVHOST_TIMER_SECONDS ?? 900) * 1000;
  const threads = workerCount(process.env.SYM_DEVHOST_WORKERS);
  const pool = threads > 0 ? new WorkerPool(threads, path.join(__dirname, "queueWorker.js")) : undefined;
  // The pumps stay on this thread (polling, leases, settling messages); handlers run here, or on the pool when threads are asked for.
  const onPool = (name: string): StorageQueueHandler =>
    pool
      ? (message, context) => pool.invoke(name, message, context.triggerMetadata ?? {}, context.invocationId)
      : queueHandlers[name as keyof typeof queueHandlers];
  const appSettings = settings();
  const current = await services(); // creates containers, tables and queues before the first request

  const server = createApiServer(httpRoutes, httpHandlers, {
    allowedOrigins: appSettings.allowedOrigins,
    admit: (_name, method, headers) => admitBeforeBody(current, method, headers),
    maxBodyBytes: appSettings.maxPayloadBytes,
    tooLarge: (bytes, limit) => tooLarge(bytes, limit).toResponse(),
  });
  await new Promise<void>((resolve) => server.listen(port, "127.0.0.1", resolve));
  const address = server.address() as AddressInfo;

  const { queueService } = storageClients(appSettings.storage);
  const pumps = Object.entries(queueTriggers).map(
    ([name, trigger]) =>
      new QueuePump({
        functionName: name,
        queue: queueService.getQueueClient(trigger.queueName),
        poisonQueue: queueService.getQueueClient(`${trigger.queueName}-poison`),
        handler: onPool(name),
        options: appSettings.queues,
        leaseMs,
      }),
  );
  pumps.forEach((pump) => pump.start());

  const timers = Object.keys(timerTriggers).map((name) =>
    setInterval(() => {
      const invocationId = randomUUID();
      const context = new InvocationContext({ invocationId, functionName: name, logHandler: logHandler(name, invocationId) });
      Promise.resolve(timerHandlers[name as keyof typeof timerHandlers](timerInfo(timerMs), context)).catch((error: unknown) =>
        writeLog("error", name, invocationId, `timer failed: ${error instanceof Error ? error.message : String(error)}`),
      );
    }, timerMs),
  );

  writeLog(
    "information",
    "devhost",
    "-",
    `listening on http://127.0.0.1:${address.port}/api (${Object.keys(httpRoutes).length} routes, ${pumps.length} queue triggers ${pool ? `on ${pool.size} worker thread(s)` : "on the main event loop"}, ${timers.length} timer)`,
  );

  let stopping = false;
  const stop = async (signal: string) => {
    if (stopping) return;
    stopping = true;
    writeLog("information", "devhost", "-", `${signal}: stopping`);
    timers.forEach(clearInterval);
    server.close();
    server.closeAllConnections();
    await Promise.all(pumps.map((pump) => pump.stop()));
    await pool?.stop();
    process.exit(0);
  };
  process.on("SIGINT", () => void stop("SIGINT"));
  process.on("SIGTERM", () => void stop("SIGTERM"));
}

main().catch((error: unknown) => {
  writeLog("critical", "devhost", "-", `could not start: ${error instanceof Error ? error.message : String(error)}`);
  process.exit(1);
});
