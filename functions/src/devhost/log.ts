import type { LogHandler } from "@azure/functions";
import { format } from "node:util";
import { isMainThread, workerData } from "node:worker_threads";

/** The dev-host worker thread writing the line (workerPool.ts), absent on the main thread. */
const worker = isMainThread ? undefined : (workerData as { index?: number } | null)?.index;

/**
 * Log lines of the dev host: one JSON object a line on stdout (time, level, function, invocation
 * id, message), like the Functions host's console output but machine-readable. Handlers log job
 * ids and statuses only, never survey values or names.
 */
export function writeLog(level: string, functionName: string, invocationId: string, message: string): void {
  process.stdout.write(
    `${JSON.stringify({ time: new Date().toISOString(), level, function: functionName, invocationId, ...(worker !== undefined ? { worker } : {}), message })}\n`,
  );
}

/** A LogHandler for an InvocationContext of the given function and invocation. */
export function logHandler(functionName: string, invocationId: string): LogHandler {
  return (level, ...args) => writeLog(level, functionName, invocationId, format(...args));
}
