import { parentPort, workerData } from "node:worker_threads";
import type { Model } from "@symmetry/engine";
import { readPopulationFile, type PopulationSource } from "./readPopulation";
import { serialiseError } from "./transferableError";

/**
 * Worker thread body: reads one population's file and posts its aggregate (plain data, cloned
 * across threads) or its error. Progress is posted at most every 100 ms.
 */
interface WorkerInput {
  readonly source: PopulationSource;
  /** Validated by the main thread already: parsing it again would load zod on this thread. */
  readonly model: Model;
}

const input = workerData as WorkerInput;
const model = input.model;
let lastProgress = 0;
try {
  const result = readPopulationFile(input.source, model, (bytesRead, totalBytes) => {
    const now = Date.now();
    if (now - lastProgress < 100) return;
    lastProgress = now;
    parentPort?.postMessage({ kind: "progress", bytesRead, totalBytes });
  });
  parentPort?.postMessage({ kind: "result", result });
} catch (error) {
  parentPort?.postMessage({ kind: "error", error: serialiseError(error) });
}
