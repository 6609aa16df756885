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
  /** Removes everything stored for the job. */
  delete(jobId: string): Promise<void>;
}

const PARTS = ["payload", "result"] as const;

/** `<jobId>/payload.json` and `<jobId>/result.json` in one container. */
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

  async delete(jobId: string): Promise<void> {
    await Promise.all(
      PARTS.map(async (part) => {
        try {
          await this.container.getBlockBlobClient(`${jobId}/${part}.json`).delete();
        } catch (error) {
          if (storageStatus(error) !== 404) throw error;
        }
      }),
    );
  }
}
