import type { SymErrorCode } from "@symmetry/engine";

/**
 * What `GET /api/jobs/{id}` says about a failed job: its code and a fixed sentence for that
 * code. The message recorded when it failed (an exception's text, a count, a model id) stays in
 * the job table and the logs: it can name internals or a figure about a small group.
 */
const TEXTS: Record<string, string> = {
  "unknown-model": "the job names a model that does not exist for this tenant",
  "unknown-kind": "the job's kind is not known to this server",
  "unknown-chunk": "a part of the job could not be matched to its job",
  "invalid-payload": "the job's payload does not match its kind",
  "threshold-below-model": "the job asks for a confidentiality threshold below its model's",
  "retries-exhausted": "the job failed on every delivery and was given up",
  "invalid-answer": "an answer is not a number on the question's scale",
  "out-of-scale": "a value lies outside its scale",
  "not-recommendation": "a recommendation answer is not a whole number from 0 to 10",
  "shape-mismatch": "two inputs that must align do not",
  "too-few-values": "there are too few values for the analysis",
  "below-threshold": "a group is under the confidentiality threshold",
  "zero-variance": "a statistic is undefined because the values do not vary",
  "invalid-argument": "a parameter of the job is out of its domain",
  "limit-exceeded": "the job is larger than this server accepts",
} satisfies Record<SymErrorCode, string> & Record<string, string>;

/** The public form of a job's error: code, and the fixed sentence of that code. */
export function publicJobError(code: string): { code: string; message: string } {
  return { code, message: TEXTS[code] ?? "the job failed" };
}
