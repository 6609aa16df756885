import {
  bootstrapChunk,
  bootstrapRanges,
  completeLinkage,
  isSymError,
  planLinkage,
  type BootstrapChunk,
  type LinkageRequest,
  type LinkageResult,
} from "@symmetry/engine";

/**
 * The message protocol of the linkage Web Worker, and its handler (plain code, so Node tests call
 * it without a Worker). The worker plans the request, runs the bootstrap in chunks of replicates
 * (`bootstrapChunk`), reports progress after each chunk, yields between chunks so that a
 * `cancel` message is seen, and completes with `completeLinkage`: the result equals `runLinkage`
 * on the same request, and the API job's, whatever the chunk size (replicates are seeded one by one).
 */

export type ToWorker =
  | { readonly type: "run"; readonly id: number; readonly request: LinkageRequest; readonly chunks?: number }
  | { readonly type: "cancel"; readonly id: number };

export type FromWorker =
  | { readonly type: "progress"; readonly id: number; readonly percent: number }
  | { readonly type: "result"; readonly id: number; readonly result: LinkageResult }
  | { readonly type: "error"; readonly id: number; readonly error: { readonly code?: string; readonly message: string } }
  | { readonly type: "cancelled"; readonly id: number };

/** Progress steps of a run: the bootstrap is cut into about this many chunks. */
export const DEFAULT_PROGRESS_CHUNKS = 50;

const yieldToEventLoop = () => new Promise<void>((resolve) => setTimeout(resolve, 0));

export class LinkageWorkerSession {
  private readonly cancelled = new Set<number>();

  constructor(
    private readonly post: (message: FromWorker) => void,
    private readonly pause: () => Promise<void> = yieldToEventLoop,
  ) {}

  /** Handles one message; a run resolves when its last message is posted. */
  async handle(message: ToWorker): Promise<void> {
    if (message.type === "cancel") {
      this.cancelled.add(message.id);
      return;
    }
    if (message.type === "run") return this.run(message.id, message.request, message.chunks ?? DEFAULT_PROGRESS_CHUNKS);
    this.post({ type: "error", id: -1, error: { message: `unknown linkage worker message ${JSON.stringify(message)}` } });
  }

  private async run(id: number, request: LinkageRequest, chunkCount: number): Promise<void> {
    try {
      const plan = planLinkage(request);
      const replicates = plan.request.bootstrap;
      const chunks: BootstrapChunk[] = [];
      this.post({ type: "progress", id, percent: 0 });
      for (const range of bootstrapRanges(replicates, Math.max(1, Math.ceil(replicates / Math.max(1, chunkCount))))) {
        await this.pause();
        if (this.cancelled.has(id)) {
          this.cancelled.delete(id);
          this.post({ type: "cancelled", id });
          return;
        }
        chunks.push(bootstrapChunk(plan, range.from, range.to));
        this.post({ type: "progress", id, percent: Math.floor((100 * range.to) / Math.max(1, replicates)) });
      }
      this.post({ type: "result", id, result: completeLinkage(plan, chunks) });
    } catch (error) {
      this.post({
        type: "error",
        id,
        error: isSymError(error)
          ? { code: error.code, message: error.message }
          : { message: error instanceof Error ? error.message : String(error) },
      });
    }
  }
}
