import { existsSync, readFileSync } from "node:fs";
import path from "node:path";

/**
 * The queue options of host.json (`extensions.queues`), with the Functions host's defaults
 * (https://learn.microsoft.com/azure/azure-functions/functions-bindings-storage-queue#host-json).
 * The worker needs `maxDequeueCount` to know a delivery is the last one, and the dev host applies
 * all of them the way the Functions host does.
 */
export interface QueueOptions {
  /** Deliveries before a message goes to `<queue>-poison` (host default 5). */
  readonly maxDequeueCount: number;
  /** Delay before a failed message is visible again, in ms (host default 0). */
  readonly visibilityTimeoutMs: number;
  /** Messages fetched at once (host default 16). */
  readonly batchSize: number;
  /** Fetch the next batch when this few are still running (host default batchSize / 2). */
  readonly newBatchThreshold: number;
  /** Longest wait between polls of an empty queue, in ms (host default 1 min). */
  readonly maxPollingIntervalMs: number;
}

/** Parses a host.json TimeSpan ("hh:mm:ss", optionally with fractional seconds) into ms. */
export function parseTimeSpan(value: string): number {
  const match = /^(\d+):(\d{2}):(\d{2}(?:\.\d+)?)$/.exec(value.trim());
  if (!match) throw new Error(`host.json time span must read hh:mm:ss, got ${JSON.stringify(value)}`);
  return (Number(match[1]) * 3600 + Number(match[2]) * 60 + Number(match[3])) * 1000;
}

/**
 * Reads `extensions.queues` of `<directory>/host.json`; host defaults where absent. An app setting
 * `AzureFunctionsJobHost__extensions__queues__<name>` overrides the file, as the Functions host
 * lets app settings override host.json ("host.json reference: override host.json values").
 */
export function readQueueOptions(directory = process.cwd(), environment: NodeJS.ProcessEnv = process.env): QueueOptions {
  const file = path.join(directory, "host.json");
  const host = existsSync(file) ? (JSON.parse(readFileSync(file, "utf8")) as { extensions?: { queues?: Record<string, unknown> } }) : {};
  const queues: Record<string, unknown> = { ...(host.extensions?.queues ?? {}) };
  for (const name of ["batchSize", "newBatchThreshold", "maxDequeueCount"]) {
    const raw = environment[`AzureFunctionsJobHost__extensions__queues__${name}`];
    if (raw !== undefined && raw.trim() !== "") queues[name] = Number(raw);
  }
  for (const name of ["visibilityTimeout", "maxPollingInterval"]) {
    const raw = environment[`AzureFunctionsJobHost__extensions__queues__${name}`];
    if (raw !== undefined && raw.trim() !== "") queues[name] = raw;
  }
  const batchSize = typeof queues.batchSize === "number" ? queues.batchSize : 16;
  return {
    maxDequeueCount: typeof queues.maxDequeueCount === "number" ? queues.maxDequeueCount : 5,
    visibilityTimeoutMs: typeof queues.visibilityTimeout === "string" ? parseTimeSpan(queues.visibilityTimeout) : 0,
    batchSize,
    newBatchThreshold: typeof queues.newBatchThreshold === "number" ? queues.newBatchThreshold : Math.floor(batchSize / 2),
    maxPollingIntervalMs: typeof queues.maxPollingInterval === "string" ? parseTimeSpan(queues.maxPollingInterval) : 60_000,
  };
}
