import { z } from "zod";
import { SymError, describeList } from "../errors";
import { DEFAULT_MIN_GROUP_SIZE } from "../privacy/suppression";

/**
 * One organisation's contribution to an anonymous benchmark pool (docs/domain.md#benchmark): aggregates only,
 * never respondent rows. The API stores one per (organisation, model, wave); the CLI and the
 * add-in build it from their barometer.
 */

const label = (what: string, max: number) =>
  z
    .string()
    .regex(
      new RegExp(`^[A-Za-z0-9][A-Za-z0-9 ._-]{0,${max - 1}}$`),
      `${what} uses letters, digits, spaces, '.', '-' or '_' (at most ${max}), starting with a letter or digit`,
    );

export const BenchmarkSectorSchema = label("a sector", 64);
export const BenchmarkWaveSchema = label("a wave", 32);

/** A score on the 0–100 scale of the normalisation (docs/domain.md#scale-normalisation). */
const score = z.number().finite().min(0).max(100);
/** An NPS or eNPS, −100 to 100 (docs/domain.md#nps). */
const netScore = z.number().finite().min(-100).max(100);

export const BenchmarkContributionSchema = z.strictObject({
  sector: BenchmarkSectorSchema,
  wave: BenchmarkWaveSchema,
  /** Employee respondents behind the figures: refused under the confidentiality threshold. */
  n: z.number().int().min(0),
  /** Employee score per dimension id of the model (0–100). */
  dimensions: z
    .record(z.string().regex(/^[a-z][a-z0-9_-]{0,63}$/, "dimension ids use lower-case letters, digits, '-' or '_'"), score)
    .refine((dimensions) => Object.keys(dimensions).length > 0, { message: "give at least one dimension score" }),
  enps: netScore.nullable().default(null),
  /** Customer NPS. */
  nps: netScore.nullable().default(null),
});
export type BenchmarkContributionInput = z.input<typeof BenchmarkContributionSchema>;
export type BenchmarkContribution = z.output<typeof BenchmarkContributionSchema>;

/** The confidentiality threshold of a contribution: the model's minimum group size, never under 5 (docs/domain.md#confidentiality). */
export function contributionThreshold(minGroupSize?: number): number {
  return Math.max(DEFAULT_MIN_GROUP_SIZE, minGroupSize ?? DEFAULT_MIN_GROUP_SIZE);
}

/**
 * Checks a contribution against its model: the confidentiality rule (docs/domain.md#confidentiality) (no figure about fewer
 * than N employees; N = the model's threshold, never under 5) and dimension ids the model knows.
 *
 * @throws below-threshold when `n` is under the threshold; invalid-argument for an unknown dimension
 * @example checkContribution({ ...contribution, n: 4 }, { dimensionIds: ["culture"] }) // throws below-threshold
 */
export function checkContribution(
  contribution: BenchmarkContribution,
  model: { dimensionIds: readonly string[]; minGroupSize?: number },
): void {
  const threshold = contributionThreshold(model.minGroupSize);
  if (contribution.n < threshold) {
    throw new SymError(
      "below-threshold",
      `a benchmark contribution requires at least ${threshold} employee respondents, got n = ${contribution.n}`,
      { value: contribution.n },
    );
  }
  const unknown = Object.keys(contribution.dimensions).find((id) => !model.dimensionIds.includes(id));
  if (unknown !== undefined) {
    throw new SymError(
      "invalid-argument",
      `dimension "${unknown}" is not in the model (its dimensions: ${describeList(model.dimensionIds)})`,
      { value: unknown },
    );
  }
}
