import { z } from "zod";
import type { BenchmarkSummary } from "./pool";

/**
 * The benchmark pool's answers as a client receives them (`GET /api/benchmarks/{model}`): a client
 * validates them before using a figure, so an empty object, nulls or an HTML error page give a
 * clear message instead of a crash.
 */

const percentiles = z.object({
  organisations: z.number().int().min(0),
  p10: z.number().finite(),
  p25: z.number().finite(),
  p50: z.number().finite(),
  p75: z.number().finite(),
  p90: z.number().finite(),
});

/** 200: the pool's percentiles (extra keys such as `modelId` or `sector` are allowed). */
export const BenchmarkSummarySchema = z.object({
  organisations: z.number().int().min(0),
  dimensions: z.record(z.string(), percentiles),
  enps: percentiles.nullable(),
  nps: percentiles.nullable(),
}) satisfies z.ZodType<BenchmarkSummary>;

/** 409: fewer organisations than a pool needs (the API gives the number required, never the number it has). */
export const NotEnoughOrganisationsSchema = z.object({
  details: z.object({ required: z.number().int().min(1) }),
});
