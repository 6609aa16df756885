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
  /** The results of chunks 0 … count−1, in chunk order. */
  readChunks(jobId: string, count: number): Promise<unknown[]>;
  /** Removes everything stored for the job. */
  delete(jobId: string): Promise<void>;
}

const chunkName = (jobId: string, index: number) => `${jobId}/chunks/${String(index).padStart(5, "0")}.json`;

/** How many chunk blobs are read at once when merging. */
const CHUNK_READS_IN_PARALLEL = 8;

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

  async readChunks(jobId: string, count: number): Promise<unknown[]> {
    const results: unknown[] = new Array(count);
    for (let start = 0; start < count; start += CHUNK_READS_IN_PARALLEL) {
      const indices = Array.from({ length: Math.min(CHUNK_READS_IN_PARALLEL, count - start) }, (_, offset) => start + offset);
      await Promise.all(indices.map(async (index) => (results[index] = (await downloadJson(this.container.getBlockBlobClient(chunkName(jobId, index)))).json)));
    }
    return results;
  }

  async delete(jobId: string): Promise<void> {
    const names: string[] = [];
    for await (const blob of this.container.listBlobsFlat({ prefix: `${jobId}/` })) names.push(blob.name);
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
