import type { z } from "zod";
import type { ModelStore } from "../storage/modelStore";

/** What a job's worker may use besides its payload. */
export interface JobRunContext {
  readonly jobId: string;
  readonly models: ModelStore;
  /** Records progress (0–100) on the job; best effort. */
  reportProgress(percent: number): Promise<void>;
  /** Logs a line tagged with the job id; never pass survey values or names. */
  log(message: string): void;
}

/**
 * One kind of job: the strict zod schema of its payload and the function that turns a payload
 * into a result. Adding a kind means adding one entry to the registry (registry.ts).
 *
 * A kind that must fan out (the linkage job over many units) can also implement `runChunk`:
 * its `run` enqueues `{jobId, chunk}` messages and the worker hands those to `runChunk`.
 */
export interface JobKind<Payload = unknown, Result = unknown> {
  readonly payloadSchema: z.ZodType<Payload>;
  run(payload: Payload, context: JobRunContext): Promise<Result>;
  runChunk?(payload: Payload, chunk: number, context: JobRunContext): Promise<void>;
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

/** Infers the type parameters of a kind while checking it against JobKind. */
export function defineJobKind<Payload, Result>(kind: JobKind<Payload, Result>): JobKind<Payload, Result> {
  return kind;
}
