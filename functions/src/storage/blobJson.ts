import type { BlockBlobClient } from "@azure/storage-blob";

/** A JSON blob with the ETag and date of the very version that was read. */
export interface BlobJson {
  readonly json: unknown;
  readonly etag: string;
  readonly lastModified: Date;
}

/** Downloads and parses a JSON blob in one request, so content and ETag always belong together. */
export async function downloadJson(blob: BlockBlobClient): Promise<BlobJson> {
  const response = await blob.download();
  const chunks: Buffer[] = [];
  for await (const chunk of response.readableStreamBody ?? []) chunks.push(Buffer.isBuffer(chunk) ? chunk : Buffer.from(chunk as string));
  return {
    json: JSON.parse(Buffer.concat(chunks).toString("utf8")),
    etag: response.etag ?? "",
    lastModified: response.lastModified ?? new Date(),
  };
}

/** Uploads a value as a JSON blob. */
export async function uploadJson(
  blob: BlockBlobClient,
  value: unknown,
  conditions: { ifMatch?: string; ifNoneMatch?: string } = {},
): Promise<{ etag: string; lastModified: Date }> {
  const body = JSON.stringify(value);
  const response = await blob.upload(body, Buffer.byteLength(body), {
    conditions,
    blobHTTPHeaders: { blobContentType: "application/json" },
  });
  return { etag: response.etag ?? "", lastModified: response.lastModified ?? new Date() };
}
