import type { z } from "zod";
import type { Settings } from "../settings";
import type { ModelStore } from "../storage/modelStore";

/** What a job's worker may use besides its payload. */
export interface JobRunContext {
  readonly jobId: string;
  /** The tenant that submitted the job: its models are the only ones the job may read. */
  readonly tenant: string;
  readonly models: ModelStore;
  readonly settings: Settings;
  /** Records progress (0–100) on the job; best effort. */
  reportProgress(percent: number): Promise<void>;
  /** Logs a line tagged with the job id; never pass survey values or names. */
  log(message: string): void;
}

/** How a fan-out job is split: `count` chunks of at most `size` units of work each (the last may be smaller). */
export interface ChunkLayout {
  readonly count: number;
  readonly size: number;
}

/** One chunk of a fan-out job, as its queue message names it (index) with the layout stored on the job. */
export interface ChunkRef {
  readonly index: number;
  readonly size: number;
}

/**
 * A kind run by one queue message: the strict zod schema of its payload and the function that
 * turns a payload into a result.
 */
export interface SingleStepJobKind<Payload = unknown, Result = unknown> {
  readonly payloadSchema: z.ZodType<Payload>;
  /** Refuses a valid payload that asks for more work than the settings allow (a `limit-exceeded` SymError: 400 at submission). */
  checkLimits?(payload: Payload, settings: Settings): void;
  run(payload: Payload, context: JobRunContext): Promise<Result>;
}

/**
 * A kind whose work fans out over the queue (jobs/fanOut.ts): `split` checks the payload and
 * decides the chunks (a deterministic failure thrown there fails the job before anything is
 * enqueued), one `{jobId, chunk}` message per chunk runs `runChunk` on any worker (its result goes
 * to a blob), and the one delivery that wins the merge streams every chunk's result, in no set
 * order, into `startMerge(…).add`, then calls `complete`. `runChunk` must be deterministic (a
 * redelivered chunk overwrites its blob with the same value), and a chunk's result should be a
 * summary small enough that the merge's memory does not grow with the total work.
 */
export interface FanOutJobKind<Payload = unknown, Result = unknown, Chunk = unknown> {
  readonly payloadSchema: z.ZodType<Payload>;
  /** As SingleStepJobKind.checkLimits. */
  checkLimits?(payload: Payload, settings: Settings): void;
  split(payload: Payload, context: JobRunContext): ChunkLayout;
  runChunk(payload: Payload, chunk: ChunkRef, context: JobRunContext): Promise<Chunk>;
  startMerge(payload: Payload, context: JobRunContext): ChunkMerge<Chunk, Result>;
}

/** Folds chunk results, one at a time and in any order, into a fan-out job's result. */
export interface ChunkMerge<Chunk, Result> {
  add(index: number, chunk: Chunk): void | Promise<void>;
  complete(): Promise<Result>;
}

/** One kind of job; adding a kind means adding one entry to the registry (registry.ts). */
export type JobKind<Payload = unknown, Result = unknown> = SingleStepJobKind<Payload, Result> | FanOutJobKind<Payload, Result>;

export function isFanOutKind(kind: JobKind): kind is FanOutJobKind {
  return "split" in kind;
}

/**
 * A failure that another delivery would repeat (an unknown model, a payload the engine rejects):
 * the job ends `failed` at once instead of being retried.
 */
export class JobFailure extends Error {
  readonly code: string;

  constructor(code: string, message: string) {
    super(message);
    this.name = "JobFailure";
    this.code = code;
  }
}

/** Infers the type parameters of a single-step kind while checking it against the interface. */
export function defineJobKind<Payload, Result>(kind: SingleStepJobKind<Payload, Result>): SingleStepJobKind<Payload, Result> {
  return kind;
}

/** Infers the type parameters of a fan-out kind while checking it against the interface. */
export function defineFanOutJobKind<Payload, Result, Chunk>(
  kind: FanOutJobKind<Payload, Result, Chunk>,
): FanOutJobKind<Payload, Result, Chunk> {
  return kind;
}
