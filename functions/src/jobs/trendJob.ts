import { z } from "zod";
import {
  computeTrend,
  LanguageSchema,
  ModelSchema,
  orderSurveyWaves,
  PopulationAggregateSchema,
  ThresholdsSchema,
  wavePopulationsFromUnits,
} from "@symmetry/engine";
import { refuseLowerThreshold, resolveModel } from "./barometerJob";
import { defineJobKind, JobFailure } from "./kind";

/** One population of a `trend` job: unit aggregates per wave (wave → unit → aggregate), nothing finer. */
const WaveUnitsSchema = z.strictObject({ waves: PopulationAggregateSchema.shape.waves });

/** Payload of a `trend` job: unit aggregates per wave of both populations, never respondent rows. */
export const TrendPayloadSchema = z.strictObject({
  employees: WaveUnitsSchema,
  customers: WaveUnitsSchema,
  /** The waves to show, in this order (needed when dates and labels are mixed). */
  waves: z.array(z.string().min(1)).min(1).optional(),
  /** One comparison instead of each wave with the next. */
  from: z.string().min(1).optional(),
  to: z.string().min(1).optional(),
  modelId: ModelSchema.shape.id.optional(),
  thresholds: ThresholdsSchema.partial().optional(),
  language: LanguageSchema.optional(),
  confidence: z.number().gt(0).lt(1).optional(),
});
export type TrendPayload = z.infer<typeof TrendPayloadSchema>;

/**
 * The `trend` kind: `computeTrend` (shared/src/trend) on each wave's units merged, in the order of
 * `orderSurveyWaves`. Each wave's total is the merge of its units, as the CLI computes it from
 * rows that all carry a unit. Order and pair errors fail the job with the engine's message.
 */
export const trendJob = defineJobKind({
  payloadSchema: TrendPayloadSchema,
  async run(payload: TrendPayload, context) {
    const model = await resolveModel(payload.modelId, context.models, context.tenant);
    refuseLowerThreshold(payload.thresholds?.minGroupSize, model);
    const employees = wavePopulationsFromUnits(payload.employees);
    const customers = wavePopulationsFromUnits(payload.customers);
    const order = orderSurveyWaves([...employees.keys(), ...customers.keys()], payload.waves);
    const empty = { n: 0, recommendation: { promoters: 0, passives: 0, detractors: 0 }, dimensions: {} };
    if ((payload.from === undefined) !== (payload.to === undefined)) throw new JobFailure("invalid-payload", "from and to go together");
    await context.reportProgress(50);
    return computeTrend(
      order.map((wave) => ({ wave, employees: employees.get(wave) ?? empty, customers: customers.get(wave) ?? empty })),
      {
        model,
        thresholds: payload.thresholds,
        language: payload.language,
        confidence: payload.confidence,
        ...(payload.from !== undefined && payload.to !== undefined ? { pairs: [{ from: payload.from, to: payload.to }] } : {}),
      },
    );
  },
});
