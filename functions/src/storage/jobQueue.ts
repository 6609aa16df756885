import type { QueueClient } from "@azure/storage-queue";
import { z } from "zod";

/**
 * What goes on the job queue: the job id (and, for a kind that fans out, a chunk number), never
 * the payload: a queue message holds 64 KiB at most (about 48 KB of JSON once base64-encoded).
 */
export const JobMessageSchema = z.strictObject({
  jobId: z.string().regex(/^[A-Za-z0-9_-]{16,64}$/, "not a job id"),
  chunk: z.number().int().min(0).optional(),
});
export type JobMessage = z.infer<typeof JobMessageSchema>;

export interface JobQueue {
  send(message: JobMessage): Promise<void>;
}

/**
 * Encodes a message as the Functions queue trigger expects by default (host.json
 * `messageEncoding: base64`): base64 of the UTF-8 JSON text.
 */
export function encodeQueueMessage(message: unknown): string {
  return Buffer.from(JSON.stringify(message), "utf8").toString("base64");
}

/** A storage queue holding base64-encoded JobMessages. */
export class StorageJobQueue implements JobQueue {
  constructor(private readonly queue: QueueClient) {}

  async send(message: JobMessage): Promise<void> {
    await this.queue.sendMessage(encodeQueueMessage(message));
  }
}
