import * as fs from "node:fs";
import * as path from "node:path";
import { Worker } from "node:worker_threads";
import type { Model } from "@symmetry/engine";
import { readPopulationFile, type PopulationRead, type PopulationSource } from "./readPopulation";
import { reviveError, type TransferableError } from "./transferableError";

/** Reports the bytes read over both files. */
export type CombinedProgress = (bytesRead: number, totalBytes: number) => void;

export interface ReadBothOptions {
  /** `auto` (default): threads when the files are large enough to repay starting them. */
  readonly threads?: "auto" | "on" | "off";
  readonly onProgress?: CombinedProgress;
}

/** Below this many bytes in total, starting two threads (~40 ms) costs more than it saves. */
const PARALLEL_THRESHOLD_BYTES = 8 * 1024 * 1024;

const WORKER_SCRIPT = path.join(__dirname, "populationWorker.js");

/**
 * Reads the employees' and the customers' files. Large files are parsed at the same time on two
 * worker threads (the machine's cores), each folding its rows into its own aggregate; small ones
 * are read in turn on this thread. Both paths run the same `readPopulationFile`.
 */
export async function readBothPopulations(
  sources: readonly [PopulationSource, PopulationSource],
  model: Model,
  options: ReadBothOptions = {},
): Promise<[PopulationRead, PopulationRead]> {
  const sizes = sources.map((source) => fileSize(source.file));
  const totalBytes = sizes[0] + sizes[1];
  const workerAvailable = fs.existsSync(WORKER_SCRIPT); // compiled build only (not under ts-jest)
  const threads = options.threads ?? "auto";
  const parallel = workerAvailable && (threads === "on" || (threads === "auto" && totalBytes >= PARALLEL_THRESHOLD_BYTES));
  if (!parallel) {
    const done = [0, 0];
    const report = (index: number) => (bytes: number) => {
      done[index] = bytes;
      options.onProgress?.(done[0] + done[1], totalBytes);
    };
    const employees = readPopulationFile(sources[0], model, report(0));
    const customers = readPopulationFile(sources[1], model, report(1));
    return [employees, customers];
  }
  const progress = [0, 0];
  const runs = sources.map((source, index) =>
    readOnWorker(source, model, (bytes) => {
      progress[index] = bytes;
      options.onProgress?.(progress[0] + progress[1], totalBytes);
    }),
  );
  // Both must finish (or fail) before anything is reported: the first error, in file order, wins.
  const settled = await Promise.allSettled(runs);
  for (const outcome of settled) if (outcome.status === "rejected") throw outcome.reason;
  return [(settled[0] as PromiseFulfilledResult<PopulationRead>).value, (settled[1] as PromiseFulfilledResult<PopulationRead>).value];
}

function fileSize(file: string): number {
  try {
    return fs.statSync(file).size;
  } catch {
    return 0; // readPopulationFile reports the missing file with its own message
  }
}

type WorkerMessage =
  | { kind: "progress"; bytesRead: number; totalBytes: number }
  | { kind: "result"; result: PopulationRead }
  | { kind: "error"; error: TransferableError };

function readOnWorker(source: PopulationSource, model: Model, onProgress: (bytes: number) => void): Promise<PopulationRead> {
  return new Promise((resolve, reject) => {
    const worker = new Worker(WORKER_SCRIPT, { workerData: { source, model } });
    let settled = false;
    worker.on("message", (message: WorkerMessage) => {
      if (message.kind === "progress") onProgress(message.bytesRead);
      else if (message.kind === "result") {
        settled = true;
        resolve(message.result);
      } else {
        settled = true;
        reject(reviveError(message.error));
      }
    });
    worker.on("error", (error) => {
      settled = true;
      reject(error);
    });
    worker.on("exit", (code) => {
      if (!settled) reject(new Error(`the thread reading ${source.file} stopped with code ${code}`));
    });
  });
}
