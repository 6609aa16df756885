import { z } from "zod";
import {
  computeBarometer,
  DEFAULT_MODEL,
  LanguageSchema,
  ModelSchema,
  PopulationAggregateSchema,
  ThresholdsSchema,
  type Model,
} from "@symmetry/engine";
import { defineJobKind, JobFailure } from "./kind";

/** Payload of a `barometer` job: the aggregates of both populations, never respondent rows. */
export const BarometerPayloadSchema = z.strictObject({
  employees: PopulationAggregateSchema,
  customers: PopulationAggregateSchema,
  /** Model to score against; the embedded default model when absent. */
  modelId: ModelSchema.shape.id.optional(),
  /** Overrides of the model's thresholds; the confidentiality threshold can only be raised. */
  thresholds: ThresholdsSchema.partial().optional(),
  language: LanguageSchema.optional(),
  /** Level of the gap and NPS intervals (0.95). */
  confidence: z.number().gt(0).lt(1).optional(),
});
export type BarometerPayload = z.infer<typeof BarometerPayloadSchema>;

/** The model a payload names: the default one, or one of the job's tenant (fails the job if unknown). */
export async function resolveModel(
  modelId: string | undefined,
  models: { get(tenant: string, id: string): Promise<{ model: Model } | undefined> },
  tenant: string,
): Promise<Model> {
  if (modelId === undefined || modelId === DEFAULT_MODEL.id) return DEFAULT_MODEL;
  const stored = await models.get(tenant, modelId);
  if (!stored) throw new JobFailure("unknown-model", `model "${modelId}" does not exist`);
  return stored.model;
}

/** A request may raise the model's confidentiality threshold, never lower it. */
export function refuseLowerThreshold(requested: number | undefined, model: Model): void {
  if (requested !== undefined && requested < model.thresholds.minGroupSize) {
    throw new JobFailure(
      "threshold-below-model",
      `thresholds.minGroupSize ${requested} is below the model's confidentiality threshold ${model.thresholds.minGroupSize}`,
    );
  }
}

/**
 * The `barometer` kind: `computeBarometer` (shared/src/barometer) on the aggregates, with the
 * named model. A request may not lower the model's confidentiality threshold (docs/domain.md#confidentiality: no
 * figure about fewer than N employees), so no caller can obtain figures about smaller groups.
 */
export const barometerJob = defineJobKind({
  payloadSchema: BarometerPayloadSchema,
  async run(payload: BarometerPayload, context) {
    const model = await resolveModel(payload.modelId, context.models, context.tenant);
    refuseLowerThreshold(payload.thresholds?.minGroupSize, model);
    await context.reportProgress(50);
    return computeBarometer(payload.employees, payload.customers, {
      model,
      thresholds: payload.thresholds,
      language: payload.language,
      confidence: payload.confidence,
    });
  },
});
