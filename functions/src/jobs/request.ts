import { z } from "zod";
import { jobKindNames } from "./registry";

/**
 * Test-only fault injection, accepted only when the setting SYM_TEST_FAULTS is 1 (off by
 * default): `delayMs` keeps every delivery busy (to kill the host mid-run), `failAttempts` makes the
 * first deliveries of the job's message throw (to exhaust maxDequeueCount), `failChunkAttempts`
 * does the same to every chunk message of a fan-out job. Documented in docs/api.md.
 */
export const TestFaultSchema = z.strictObject({
  delayMs: z.number().int().min(0).max(600_000).optional(),
  failAttempts: z.number().int().min(0).max(100).optional(),
  failChunkAttempts: z.number().int().min(0).max(100).optional(),
});
export type TestFault = z.infer<typeof TestFaultSchema>;

/** Body of `POST /api/jobs`; the payload is checked afterwards against its kind's schema. */
export const JobRequestSchema = z.strictObject({
  kind: z
    .string()
    .refine((kind) => jobKindNames().includes(kind), { message: `unknown job kind; known kinds: ${jobKindNames().join(", ")}` }),
  payload: z.unknown().refine((payload) => payload !== undefined, { message: "payload is required" }),
  testFault: TestFaultSchema.optional(),
});
export type JobRequest = z.infer<typeof JobRequestSchema>;
