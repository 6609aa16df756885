import type { TableClient, TableEntityResult } from "@azure/data-tables";
import { StoreConflict, storageStatus } from "./errors";

export const JOB_STATUSES = ["queued", "running", "succeeded", "failed"] as const;
export type JobStatus = (typeof JOB_STATUSES)[number];

/** Why a job failed: a stable code and a message that names no survey value. */
export interface JobError {
  readonly code: string;
  readonly message: string;
}

/** The state of one job. Payload and result live in blobs; this is all the table holds. */
export interface JobRecord {
  readonly id: string;
  readonly tenant: string;
  readonly kind: string;
  readonly status: JobStatus;
  /** 0–100. */
  readonly progress: number;
  /** Deliveries of its queue message so far. */
  readonly attempts: number;
  readonly createdAt: Date;
  readonly updatedAt: Date;
  readonly expiresAt: Date;
  readonly startedAt?: Date;
  readonly completedAt?: Date;
  readonly error?: JobError;
  /** Last transient failure, kept for the final reason if the job exhausts its deliveries. */
  readonly lastError?: string;
  /** Digest of the Idempotency-Key that created it, so cleanup removes the key with the job. */
  readonly idempotencyKey?: string;
  /** Test-only fault injection (JSON), set only when SYM_TEST_FAULTS=1. */
  readonly testFault?: string;
  /** Fan-out kinds (jobs/fanOut.ts): number of chunks, set once the job is split. */
  readonly chunks?: number;
  /** Units of work per chunk (bootstrap replicates for linkage), fixed when the job is split. */
  readonly chunkSize?: number;
  /** Delivery (queue message id) that completed the last chunk and so runs the merge. */
  readonly mergeClaim?: string;
  /** When the cleanup last re-sent the message of this still-queued job. */
  readonly resentAt?: Date;
  /** Storage ETag of this state, for conditional updates. */
  readonly etag: string;
}

export type NewJob = Omit<JobRecord, "etag" | "status" | "progress" | "attempts" | "updatedAt">;
export type JobPatch = Partial<
  Pick<
    JobRecord,
    | "status"
    | "progress"
    | "attempts"
    | "startedAt"
    | "completedAt"
    | "error"
    | "lastError"
    | "chunks"
    | "chunkSize"
    | "mergeClaim"
    | "resentAt"
  >
>;

/** The job a request with a given Idempotency-Key created. */
export interface IdempotencyClaim {
  readonly jobId: string;
  readonly requestDigest: string;
  readonly createdAt: Date;
  readonly etag: string;
}

/** Job state and idempotency keys. */
export interface JobStore {
  create(job: NewJob): Promise<JobRecord>;
  get(id: string): Promise<JobRecord | undefined>;
  /** Applies `patch` if the state is still `etag`; `StoreConflict("stale")` otherwise. */
  update(job: JobRecord, patch: JobPatch): Promise<JobRecord>;
  /** Deletes the job's state and its chunk records. */
  delete(id: string): Promise<void>;
  /**
   * Records that chunk `index` of a fan-out job is done: one entity per chunk beside the job's
   * state (same partition), written unconditionally, so chunks finishing together never contend
   * for one row and a redelivered chunk rewrites its own record.
   */
  recordChunkDone(id: string, index: number): Promise<void>;
  /** Indices of the chunks recorded done (one query of the job's partition). */
  chunksDone(id: string): Promise<number[]>;
  /** Jobs whose time to live has passed. */
  expired(now: Date): AsyncIterable<JobRecord>;
  /** Jobs still queued that were created in [`after`, `before`) (their enqueue may have been lost). */
  queuedBefore(before: Date, after: Date): AsyncIterable<JobRecord>;
  /**
   * Records that `keyDigest` of `tenant` created `jobId`, or returns the claim made earlier
   * (storage insert semantics make the first request win).
   */
  claimIdempotencyKey(
    tenant: string,
    keyDigest: string,
    jobId: string,
    requestDigest: string,
    expiresAt: Date,
  ): Promise<IdempotencyClaim | "claimed">;
  /** Re-points a claim whose job never came to exist (its request died half-way). */
  takeOverIdempotencyKey(tenant: string, keyDigest: string, claim: IdempotencyClaim, jobId: string): Promise<boolean>;
  releaseIdempotencyKey(tenant: string, keyDigest: string): Promise<void>;
}

const STATE_ROW = "state";
/** Row keys of chunk records: `chunk-00042`, after the state row's partition neighbours. */
const CHUNK_ROW_PREFIX = "chunk-";
const chunkRow = (index: number) => `${CHUNK_ROW_PREFIX}${String(index).padStart(5, "0")}`;
/** OData string literal (quotes doubled). */
const literal = (value: string) => `'${value.replace(/'/g, "''")}'`;

type JobEntity = {
  partitionKey: string;
  rowKey: string;
  tenant: string;
  kind: string;
  status: string;
  progress: number;
  attempts: number;
  createdAt: Date;
  updatedAt: Date;
  expiresAt: Date;
  startedAt?: Date;
  completedAt?: Date;
  errorCode?: string;
  errorMessage?: string;
  lastError?: string;
  idempotencyKey?: string;
  testFault?: string;
  chunks?: number;
  chunkSize?: number;
  mergeClaim?: string;
  resentAt?: Date;
};

function toRecord(entity: TableEntityResult<JobEntity>): JobRecord {
  return {
    id: entity.partitionKey ?? "",
    tenant: entity.tenant,
    kind: entity.kind,
    status: entity.status as JobStatus,
    progress: entity.progress,
    attempts: entity.attempts,
    createdAt: new Date(entity.createdAt),
    updatedAt: new Date(entity.updatedAt),
    expiresAt: new Date(entity.expiresAt),
    startedAt: entity.startedAt ? new Date(entity.startedAt) : undefined,
    completedAt: entity.completedAt ? new Date(entity.completedAt) : undefined,
    error: entity.errorCode ? { code: entity.errorCode, message: entity.errorMessage ?? "" } : undefined,
    lastError: entity.lastError,
    idempotencyKey: entity.idempotencyKey,
    testFault: entity.testFault,
    chunks: entity.chunks,
    chunkSize: entity.chunkSize,
    mergeClaim: entity.mergeClaim,
    resentAt: entity.resentAt ? new Date(entity.resentAt) : undefined,
    etag: entity.etag,
  };
}

function withoutUndefined<T extends object>(value: T): T {
  return Object.fromEntries(Object.entries(value).filter(([, field]) => field !== undefined)) as T;
}

/**
 * Jobs in a table, one partition per job (job ids are random, so load spreads over partitions);
 * idempotency keys in a second table, partitioned by tenant. Updates are conditional on the
 * entity's ETag, which is what makes a job complete once even when two deliveries race.
 */
export class TableJobStore implements JobStore {
  constructor(
    private readonly jobs: TableClient,
    private readonly idempotency: TableClient,
  ) {}

  async create(job: NewJob): Promise<JobRecord> {
    const entity: JobEntity = withoutUndefined({
      partitionKey: job.id,
      rowKey: STATE_ROW,
      tenant: job.tenant,
      kind: job.kind,
      status: "queued",
      progress: 0,
      attempts: 0,
      createdAt: job.createdAt,
      updatedAt: job.createdAt,
      expiresAt: job.expiresAt,
      idempotencyKey: job.idempotencyKey,
      testFault: job.testFault,
    });
    const response = await this.jobs.createEntity(entity);
    return toRecord({ ...entity, etag: response.etag ?? "" } as TableEntityResult<JobEntity>);
  }

  async get(id: string): Promise<JobRecord | undefined> {
    try {
      return toRecord(await this.jobs.getEntity<JobEntity>(id, STATE_ROW));
    } catch (error) {
      if (storageStatus(error) === 404) return undefined;
      throw error;
    }
  }

  async update(job: JobRecord, patch: JobPatch): Promise<JobRecord> {
    const updatedAt = new Date();
    const { error, ...fields } = patch;
    const changes = withoutUndefined({
      partitionKey: job.id,
      rowKey: STATE_ROW,
      ...fields,
      ...(error ? { errorCode: error.code, errorMessage: error.message } : {}),
      updatedAt,
    });
    try {
      const response = await this.jobs.updateEntity(changes, "Merge", { etag: job.etag });
      return { ...job, ...patch, updatedAt, etag: response.etag ?? "" };
    } catch (failure) {
      if (storageStatus(failure) === 412) throw new StoreConflict("stale", `job ${job.id} changed concurrently`);
      if (storageStatus(failure) === 404) throw new StoreConflict("missing", `job ${job.id} no longer exists`);
      throw failure;
    }
  }

  async delete(id: string): Promise<void> {
    const rows = [...(await this.chunksDone(id)).map(chunkRow), STATE_ROW];
    for (const rowKey of rows) {
      try {
        await this.jobs.deleteEntity(id, rowKey);
      } catch (error) {
        if (storageStatus(error) !== 404) throw error;
      }
    }
  }

  async recordChunkDone(id: string, index: number): Promise<void> {
    await this.jobs.upsertEntity({ partitionKey: id, rowKey: chunkRow(index), doneAt: new Date() }, "Replace");
  }

  async chunksDone(id: string): Promise<number[]> {
    // Bounded by the job's partition and the chunk rows' key range.
    const filter = `PartitionKey eq ${literal(id)} and RowKey ge ${literal(CHUNK_ROW_PREFIX)} and RowKey lt ${literal("chunk.")}`;
    const done: number[] = [];
    for await (const entity of this.jobs.listEntities<{ rowKey: string }>({ queryOptions: { filter, select: ["RowKey"] } })) {
      done.push(Number(entity.rowKey!.slice(CHUNK_ROW_PREFIX.length)));
    }
    return done;
  }

  async *expired(now: Date): AsyncIterable<JobRecord> {
    const filter = `RowKey eq '${STATE_ROW}' and expiresAt lt datetime'${now.toISOString()}'`;
    for await (const entity of this.jobs.listEntities<JobEntity>({ queryOptions: { filter } })) yield toRecord(entity);
  }

  async *queuedBefore(before: Date, after: Date): AsyncIterable<JobRecord> {
    // Bounded in time: jobs older than `after` have expired and are the other query's.
    const filter = `RowKey eq '${STATE_ROW}' and status eq 'queued' and createdAt ge datetime'${after.toISOString()}' and createdAt lt datetime'${before.toISOString()}'`;
    for await (const entity of this.jobs.listEntities<JobEntity>({ queryOptions: { filter } })) yield toRecord(entity);
  }

  async claimIdempotencyKey(
    tenant: string,
    keyDigest: string,
    jobId: string,
    requestDigest: string,
    expiresAt: Date,
  ): Promise<IdempotencyClaim | "claimed"> {
    try {
      await this.idempotency.createEntity({
        partitionKey: tenant,
        rowKey: keyDigest,
        jobId,
        requestDigest,
        createdAt: new Date(),
        expiresAt,
      });
      return "claimed";
    } catch (error) {
      if (storageStatus(error) !== 409) throw error;
    }
    const existing = await this.idempotency.getEntity<{ jobId: string; requestDigest: string; createdAt: Date }>(tenant, keyDigest);
    return { jobId: existing.jobId, requestDigest: existing.requestDigest, createdAt: new Date(existing.createdAt), etag: existing.etag };
  }

  async takeOverIdempotencyKey(tenant: string, keyDigest: string, claim: IdempotencyClaim, jobId: string): Promise<boolean> {
    try {
      await this.idempotency.updateEntity({ partitionKey: tenant, rowKey: keyDigest, jobId, createdAt: new Date() }, "Merge", {
        etag: claim.etag,
      });
      return true;
    } catch (error) {
      if (storageStatus(error) === 412 || storageStatus(error) === 404) return false;
      throw error;
    }
  }

  async releaseIdempotencyKey(tenant: string, keyDigest: string): Promise<void> {
    try {
      await this.idempotency.deleteEntity(tenant, keyDigest);
    } catch (error) {
      if (storageStatus(error) !== 404) throw error;
    }
  }
}
