import type { HttpRequest, HttpResponseInit } from "@azure/functions";
import { authorize } from "../http/auth";
import { withErrors } from "../http/handler";
import { chunkProgress } from "../jobs/fanOut";
import { errorResponse, jsonResponse } from "../http/responses";
import { publicJobError } from "../jobs/errorText";
import { registerHttp } from "../register";
import { services } from "../services";

/**
 * `GET /api/jobs/{id}` (Barometer.Read): status (`queued|running|succeeded|failed`),
 * progress 0–100 (for a fan-out job, done chunks over all chunks, also given as `chunks`), attempts, dates, and the result (succeeded) or error (failed: its code and the fixed sentence of that code, jobs/errorText.ts). A job of
 * another tenant, or past its time to live, is 404 like an unknown one: nothing tells a caller
 * that an id exists elsewhere.
 */
const isTerminalStatus = (status: string) => status === "succeeded" || status === "failed";

export const getJob = withErrors(async (request: HttpRequest): Promise<HttpResponseInit> => {
  const current = await services();
  const { jobs, jobData } = current;
  const caller = await authorize(request, current, "Barometer.Read");
  const id = request.params.id ?? "";
  const job = /^[A-Za-z0-9_-]{16,64}$/.test(id) ? await jobs.get(id) : undefined;
  if (!job || job.tenant !== caller.tenant || job.expiresAt.getTime() <= Date.now()) {
    return errorResponse(404, "job-not-found", `no job ${JSON.stringify(id)} for this key`);
  }
  // A fan-out job's progress is counted from its chunk records: chunks never write the job's state.
  const chunksDone = job.chunks !== undefined && !isTerminalStatus(job.status) ? (await jobs.chunksDone(job.id)).length : undefined;
  const body = {
    id: job.id,
    kind: job.kind,
    status: job.status,
    progress: chunksDone !== undefined ? chunkProgress(chunksDone, job.chunks!) : job.progress,
    attempts: job.attempts,
    createdAt: job.createdAt.toISOString(),
    updatedAt: job.updatedAt.toISOString(),
    startedAt: job.startedAt?.toISOString() ?? null,
    completedAt: job.completedAt?.toISOString() ?? null,
    expiresAt: job.expiresAt.toISOString(),
    ...(job.chunks !== undefined
      ? { chunks: { total: job.chunks, done: chunksDone ?? (job.status === "succeeded" ? job.chunks : 0) } }
      : {}),
    ...(job.status === "succeeded" ? { result: await jobData.readResult(job.id) } : {}),
    ...(job.status === "failed" ? { error: publicJobError(job.error?.code ?? "failed") } : {}),
  };
  const headers: Record<string, string> = job.status === "queued" || job.status === "running" ? { "Retry-After": "1" } : {};
  return jsonResponse(200, body, headers);
});

registerHttp("getJob", getJob);
