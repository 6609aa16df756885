import type { ContainerClient } from "@azure/storage-blob";
import { downloadJson, uploadJson } from "./blobJson";
import { storageStatus } from "./errors";

/** Job payloads and results: too large for a queue message (64 KiB), so they live in blobs. */
export interface JobDataStore {
  writePayload(jobId: string, payload: unknown): Promise<void>;
  readPayload(jobId: string): Promise<unknown>;
  /** Writes the result; a second write (a redelivered message) replaces it with the same value. */
  writeResult(jobId: string, result: unknown): Promise<void>;
  readResult(jobId: string): Promise<unknown>;
  /** Writes the result of one chunk of a fan-out job; a redelivered chunk overwrites it with the same value. */
  writeChunk(jobId: string, index: number, result: unknown): Promise<void>;
  /**
   * Reads the results of chunks 0 … count−1 and hands each to `visit` as it arrives (a few at a
   * time, in no set order), so a merge holds a handful of chunks in memory, never all of them.
   */
  forEachChunk(jobId: string, count: number, visit: (index: number, result: unknown) => void | Promise<void>): Promise<void>;
  /** Removes the chunk results of a job (once merged); the result stays. */
  deleteChunks(jobId: string): Promise<void>;
  /** Removes everything stored for the job. */
  delete(jobId: string): Promise<void>;
}

const chunkName = (jobId: string, index: number) => `${jobId}/chunks/${String(index).padStart(5, "0")}.json`;

/** How many chunk blobs are read at once when merging: enough to hide latency, few enough to bound memory. */
const CHUNK_READS_IN_PARALLEL = 4;

/** `<jobId>/payload.json`, `<jobId>/result.json` and `<jobId>/chunks/<n>.json` in one container. */
export class BlobJobDataStore implements JobDataStore {
  constructor(private readonly container: ContainerClient) {}

  async writePayload(jobId: string, payload: unknown): Promise<void> {
    await uploadJson(this.container.getBlockBlobClient(`${jobId}/payload.json`), payload);
  }

  async readPayload(jobId: string): Promise<unknown> {
    return (await downloadJson(this.container.getBlockBlobClient(`${jobId}/payload.json`))).json;
  }

  async writeResult(jobId: string, result: unknown): Promise<void> {
    await uploadJson(this.container.getBlockBlobClient(`${jobId}/result.json`), result);
  }

  async readResult(jobId: string): Promise<unknown> {
    return (await downloadJson(this.container.getBlockBlobClient(`${jobId}/result.json`))).json;
  }

  async writeChunk(jobId: string, index: number, result: unknown): Promise<void> {
    await uploadJson(this.container.getBlockBlobClient(chunkName(jobId, index)), result);
  }

  async forEachChunk(jobId: string, count: number, visit: (index: number, result: unknown) => void | Promise<void>): Promise<void> {
    let next = 0;
    const reader = async () => {
      while (next < count) {
        const index = next++;
        await visit(index, (await downloadJson(this.container.getBlockBlobClient(chunkName(jobId, index)))).json);
      }
    };
    await Promise.all(Array.from({ length: Math.min(CHUNK_READS_IN_PARALLEL, count) }, reader));
  }

  async deleteChunks(jobId: string): Promise<void> {
    await this.deleteByPrefix(`${jobId}/chunks/`);
  }

  async delete(jobId: string): Promise<void> {
    await this.deleteByPrefix(`${jobId}/`);
  }

  private async deleteByPrefix(prefix: string): Promise<void> {
    const names: string[] = [];
    for await (const blob of this.container.listBlobsFlat({ prefix })) names.push(blob.name);
    await Promise.all(
      names.map(async (name) => {
        try {
          await this.container.getBlockBlobClient(name).delete();
        } catch (error) {
          if (storageStatus(error) !== 404) throw error;
        }
      }),
    );
  }
}
