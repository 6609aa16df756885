import { createHash, randomBytes } from "node:crypto";
import type { HttpRequest, HttpResponseInit, InvocationContext } from "@azure/functions";
import { describeIssues, isSymError } from "@symmetry/engine";
import { authorize } from "../http/auth";
import { readJsonBody } from "../http/body";
import { withErrors } from "../http/handler";
import { errorResponse, HttpError, jsonResponse } from "../http/responses";
import { withConflictRetries } from "../jobs/conflicts";
import { findJobKind } from "../jobs/registry";
import { JobRequestSchema } from "../jobs/request";
import { registerHttp } from "../register";
import { services, type Services } from "../services";
import type { Caller } from "../http/auth";

/** Longest accepted Idempotency-Key. */
const MAX_IDEMPOTENCY_KEY = 255;
/** A claimed key whose job still does not exist after this long belonged to a request that died. */
const ABANDONED_CLAIM_MS = 30_000;

/** 128 random bits, URL-safe: job ids cannot be guessed or enumerated. */
export function newJobId(): string {
  return randomBytes(16).toString("base64url");
}

const digest = (value: string) => createHash("sha256").update(value, "utf8").digest("hex");

function accepted(id: string, status: string, replayed: boolean): HttpResponseInit {
  return jsonResponse(
    202,
    { id, status },
    { Location: `/api/jobs/${id}`, "Retry-After": "1", ...(replayed ? { "Idempotent-Replayed": "true" } : {}) },
  );
}

/** Returns the earlier job of an Idempotency-Key, or undefined when this request may create it. */
async function replayOrClaim(
  store: Services["jobs"],
  caller: Caller,
  keyDigest: string,
  jobId: string,
  requestDigest: string,
  expiresAt: Date,
): Promise<HttpResponseInit | undefined> {
  const claim = await store.claimIdempotencyKey(caller.tenant, keyDigest, jobId, requestDigest, expiresAt);
  if (claim === "claimed") return undefined;
  if (claim.requestDigest !== requestDigest) {
    return errorResponse(
      409,
      "idempotency-key-reused",
      "this Idempotency-Key was used for a different request; use a new key for a new job",
    );
  }
  const existing = await store.get(claim.jobId);
  if (existing && existing.tenant === caller.tenant) return accepted(existing.id, existing.status, true);
  if (Date.now() - claim.createdAt.getTime() < ABANDONED_CLAIM_MS) return accepted(claim.jobId, "queued", true);
  // The first request claimed the key and died before storing its job: this one takes over.
  if (await store.takeOverIdempotencyKey(caller.tenant, keyDigest, claim, jobId)) return undefined;
  return errorResponse(409, "idempotency-key-busy", "another request with this Idempotency-Key is in progress; retry shortly");
}

/**
 * `POST /api/jobs` (Barometer.Read): validates `{kind, payload}` (the payload against its
 * kind's strict schema), stores the payload in a blob and the state in the table, enqueues the
 * job id only, and answers 202 with `{id, status}` and `Location`. With an `Idempotency-Key`,
 * a retry of the same request answers the same job; the same key on another request is 409.
 * Over the tenant's quota (jobs per minute, jobs queued or running): 429 with Retry-After.
 */
export const submitJob = withErrors(async (request: HttpRequest, context: InvocationContext): Promise<HttpResponseInit> => {
  const current = await services();
  const { settings, jobs, jobData, queue } = current;
  const caller = await authorize(request, current, "Barometer.Read");
  const body = await readJsonBody(request, JobRequestSchema, settings.maxPayloadBytes);
  const kind = findJobKind(body.kind)!;
  const payload = kind.payloadSchema.safeParse(body.payload);
  if (!payload.success) {
    throw new HttpError(
      400,
      "invalid-body",
      describeIssues(payload.error).map((issue) => ({ path: issue.path ? `payload.${issue.path}` : "payload", message: issue.message })),
    );
  }
  try {
    kind.checkLimits?.(payload.data, settings);
  } catch (error) {
    if (!isSymError(error) || error.code !== "limit-exceeded") throw error;
    const { field, limit, value } = error.details;
    throw new HttpError(400, "limit-exceeded", [{ path: field ? `payload.${field}` : "payload", message: error.message, limit, value }]);
  }
  if (body.testFault && !settings.testFaults) {
    throw new HttpError(400, "invalid-body", [
      { path: "testFault", message: "test faults are disabled on this server (setting SYM_TEST_FAULTS)" },
    ]);
  }

  const jobId = newJobId();
  const createdAt = new Date();
  const expiresAt = new Date(createdAt.getTime() + settings.jobTtlHours * 3600_000);
  const idempotencyKey = request.headers.get("idempotency-key");
  let keyDigest: string | undefined;
  if (idempotencyKey !== null) {
    if (idempotencyKey.length === 0 || idempotencyKey.length > MAX_IDEMPOTENCY_KEY) {
      throw new HttpError(400, "invalid-idempotency-key", `Idempotency-Key must have 1 to ${MAX_IDEMPOTENCY_KEY} characters`);
    }
    keyDigest = digest(idempotencyKey);
    const requestDigest = digest(JSON.stringify({ kind: body.kind, payload: payload.data, testFault: body.testFault ?? null }));
    const replay = await replayOrClaim(jobs, caller, keyDigest, jobId, requestDigest, expiresAt);
    if (replay) {
      context.log(`job submission replayed for an idempotency key (tenant ${caller.tenant})`);
      return replay;
    }
  }

  const quota = current.quota;
  let admission: Awaited<ReturnType<NonNullable<typeof quota>["admit"]>> = { admitted: true };
  if (quota) {
    try {
      admission = await withConflictRetries(`quota of tenant ${caller.tenant}`, () => quota.admit(caller.tenant, jobId));
    } catch (error) {
      // Many submissions of one tenant at the same instant: a busy quota is a reason to come back, not a server error.
      if (!(error instanceof Error && /kept changing/.test(error.message))) throw error;
      admission = {
        admitted: false,
        reason: "rate",
        retryAfterSeconds: 1,
        message: "this tenant's quota is being updated by many submissions at once; retry in 1 s",
      };
    }
  }
  if (!admission.admitted) {
    if (keyDigest) await jobs.releaseIdempotencyKey(caller.tenant, keyDigest);
    context.log(`job submission of tenant ${caller.tenant} refused: ${admission.reason} limit`);
    return errorResponse(429, admission.reason === "rate" ? "too-many-jobs" : "too-many-active-jobs", admission.message, {
      "Retry-After": String(admission.retryAfterSeconds),
    });
  }
  await jobData.writePayload(jobId, payload.data);
  await jobs.create({
    id: jobId,
    tenant: caller.tenant,
    kind: body.kind,
    createdAt,
    expiresAt,
    idempotencyKey: keyDigest,
    testFault: body.testFault ? JSON.stringify(body.testFault) : undefined,
  });
  await queue.send({ jobId });
  context.log(`job ${jobId} queued (kind ${body.kind}, tenant ${caller.tenant})`);
  return accepted(jobId, "queued", false);
});

registerHttp("submitJob", submitJob);
