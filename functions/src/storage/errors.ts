/**
 * Why a conditional storage write was refused, independent of the storage service: the HTTP
 * layer maps `exists` to 409, `stale` to 412 and `missing` to 404.
 */
export type ConflictReason = "exists" | "stale" | "missing";

export class StoreConflict extends Error {
  readonly reason: ConflictReason;

  constructor(reason: ConflictReason, message: string) {
    super(message);
    this.name = "StoreConflict";
    this.reason = reason;
  }
}

/** HTTP status of an Azure Storage RestError, if it is one. */
export function storageStatus(error: unknown): number | undefined {
  if (typeof error === "object" && error !== null && "statusCode" in error) {
    const status = (error as { statusCode?: unknown }).statusCode;
    return typeof status === "number" ? status : undefined;
  }
  return undefined;
}
