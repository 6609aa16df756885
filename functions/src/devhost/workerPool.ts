import { Worker } from "node:worker_threads";
import { writeLog } from "./log";

/**
 * SYM_DEVHOST_WORKERS: worker threads of the dev host, a whole number from 0 to 64. The default, 0,
 * runs the queue handlers on the main event loop, as one Node worker process of the Functions host
 * does (a CPU-bound chunk then holds up the messages waiting behind it); 1 or more asks for threads.
 */
export function workerCount(raw: string | undefined): number {
  if (raw === undefined || raw.trim() === "") return 0;
  const count = Number(raw);
  if (!Number.isInteger(count) || count < 0 || count > 64)
    throw new Error(`SYM_DEVHOST_WORKERS must be a whole number from 0 to 64, got ${JSON.stringify(raw)}`);
  return count;
}

/** A queue-trigger invocation sent to a worker thread. */
export interface InvocationRequest {
  readonly id: number;
  readonly functionName: string;
  readonly message: unknown;
  readonly triggerMetadata: Record<string, unknown>;
  readonly invocationId: string;
}

/** Its outcome: nothing when the handler returned, the error's text when it threw. */
export interface InvocationOutcome {
  readonly id: number;
  readonly error?: string;
}

interface PooledWorker {
  readonly index: number;
  worker: Worker;
  readonly pending: Map<number, { resolve: () => void; reject: (error: Error) => void }>;
}

/**
 * Worker threads that run queue-trigger handlers, as the Functions host spreads invocations over
 * several language worker processes: the chunks of a fan-out job are CPU-bound, so running them
 * on N threads uses N cores, where one event loop would run them one after the other. Each
 * invocation goes to the thread with the fewest invocations running. A thread that dies fails its
 * running invocations (the pump then lets their messages be redelivered) and is replaced.
 */
export class WorkerPool {
  private readonly workers: PooledWorker[];
  private nextId = 1;
  private stopping = false;

  constructor(
    readonly size: number,
    private readonly entry: string,
  ) {
    if (!Number.isInteger(size) || size < 1) throw new Error(`a worker pool needs 1 or more threads, got ${size}`);
    this.workers = Array.from({ length: size }, (_, index) => {
      const pooled: PooledWorker = { index, worker: undefined as unknown as Worker, pending: new Map() };
      this.spawn(pooled);
      return pooled;
    });
  }

  private spawn(pooled: PooledWorker): void {
    const worker = new Worker(this.entry, { workerData: { index: pooled.index } });
    pooled.worker = worker;
    worker.on("message", (outcome: InvocationOutcome) => {
      const waiting = pooled.pending.get(outcome.id);
      if (!waiting) return;
      pooled.pending.delete(outcome.id);
      if (outcome.error === undefined) waiting.resolve();
      else waiting.reject(new Error(outcome.error));
    });
    worker.on("error", (error) => writeLog("error", "devhost", "-", `worker thread ${pooled.index} failed: ${error.message}`));
    worker.on("exit", (code) => {
      for (const waiting of pooled.pending.values())
        waiting.reject(new Error(`worker thread ${pooled.index} exited (${code}) during the invocation`));
      pooled.pending.clear();
      if (!this.stopping) {
        writeLog("warning", "devhost", "-", `worker thread ${pooled.index} exited (${code}); starting a new one`);
        this.spawn(pooled);
      }
    });
  }

  /** Runs a queue-trigger handler on the least busy thread; rejects with the handler's error. */
  invoke(functionName: string, message: unknown, triggerMetadata: Record<string, unknown>, invocationId: string): Promise<void> {
    const target = this.workers.reduce((best, candidate) => (candidate.pending.size < best.pending.size ? candidate : best));
    const id = this.nextId++;
    return new Promise<void>((resolve, reject) => {
      target.pending.set(id, { resolve, reject });
      const request: InvocationRequest = { id, functionName, message, triggerMetadata, invocationId };
      target.worker.postMessage(request);
    });
  }

  /** Invocations running on each thread (for logs and tests). */
  load(): number[] {
    return this.workers.map((pooled) => pooled.pending.size);
  }

  async stop(): Promise<void> {
    this.stopping = true;
    await Promise.all(this.workers.map((pooled) => pooled.worker.terminate()));
  }
}
