import { SymError } from "../errors";
import { relativeWeights } from "../linkage/relativeWeights";
import type { DriverShares } from "./priorities";

/**
 * Listwise co-moments over respondents of (dimension scores…, eNPS answer, eNPS contribution):
 * enough for their correlations and for least squares on them. The contribution is the answer
 * recoded as the respondent's share of eNPS (promoter +100, passive 0, detractor −100), whose mean
 * is the eNPS itself: regressed on the scores it says how many eNPS points a score point goes with. Updated one respondent at a time (Welford's update of means and cross-products,
 * stable where raw sums of squares of 0–100 scores over a million rows would lose digits).
 */
export interface RespondentMoments {
  /** Dimension ids, in the order of the means and co-moments. */
  dimensions: string[];
  /** Respondents with every dimension score and an eNPS answer. */
  n: number;
  /** Means of the k dimension scores, then of the eNPS answer, then of the eNPS contribution. */
  means: number[];
  /** Co-moments Σ(xᵢ − x̄ᵢ)(xⱼ − x̄ⱼ), (k + 2) × (k + 2), row-major. */
  comoments: number[];
}

/** A respondent's share of eNPS (docs/domain.md#nps): +100 for 9–10, 0 for 7–8, −100 for 0–6. */
export function enpsContribution(recommendation: number): number {
  return recommendation >= 9 ? 100 : recommendation >= 7 ? 0 : -100;
}

/** Folds respondents into `RespondentMoments`; a respondent missing any value is left out (listwise). */
export class RespondentMomentsAccumulator {
  private n = 0;
  private readonly means: Float64Array;
  private readonly comoments: Float64Array;
  private readonly delta: Float64Array;
  private readonly values: Float64Array;

  constructor(private readonly dimensionCount: number) {
    const size = dimensionCount + 2;
    this.means = new Float64Array(size);
    this.comoments = new Float64Array(size * size);
    this.delta = new Float64Array(size);
    this.values = new Float64Array(size);
  }

  /**
   * @param scores the respondent's dimension scores (NaN where absent)
   * @param recommendation the eNPS answer 0–10 (NaN where absent)
   */
  add(scores: ArrayLike<number>, recommendation: number): void {
    const k = this.dimensionCount;
    if (recommendation !== recommendation) return;
    for (let index = 0; index < k; index++) if (scores[index] !== scores[index]) return;
    const { means, comoments, delta, values } = this;
    const size = k + 2;
    for (let index = 0; index < k; index++) values[index] = scores[index];
    values[k] = recommendation;
    values[k + 1] = enpsContribution(recommendation);
    this.n += 1;
    const n = this.n;
    for (let index = 0; index < size; index++) {
      delta[index] = values[index] - means[index];
      means[index] += delta[index] / n;
    }
    for (let i = 0; i < size; i++) {
      const after = values[i] - means[i];
      const row = i * size;
      for (let j = 0; j < size; j++) comoments[row + j] += delta[j] * after;
    }
  }

  /** @param dimensions the ids of the k dimension scores, in the order `add` receives them */
  result(dimensions: readonly string[]): RespondentMoments {
    if (dimensions.length !== this.dimensionCount) {
      throw new SymError("invalid-argument", `respondent moments hold ${this.dimensionCount} dimensions, got ${dimensions.length} ids`);
    }
    return { dimensions: [...dimensions], n: this.n, means: Array.from(this.means), comoments: Array.from(this.comoments) };
  }
}

/** Respondents needed for respondent-level drivers (docs/domain.md#respondent-drivers). */
export const MIN_DRIVER_RESPONDENTS = 30;

/**
 * Key drivers across respondents (docs/domain.md#respondent-drivers), for organisations with too few units
 * for drivers across units: relative weights (Johnson 2000) of the respondents' dimension scores
 * on their eNPS answer (0–10), listwise, as shares of R². Labelled `respondents`: they say what
 * moves a person's recommendation, not what separates units. Needs at least
 * `MIN_DRIVER_RESPONDENTS` complete respondents and more than k + 1; else, or with collinear or
 * constant scores, every dimension gets 1/k. `dimensions` may be a subset of the moments' (the
 * respondents stay those complete on every dimension the moments hold).
 */
export function respondentDriverShares(
  moments: RespondentMoments,
  dimensions: readonly string[],
  minRespondents = MIN_DRIVER_RESPONDENTS,
): DriverShares {
  const k = dimensions.length;
  const size = moments.dimensions.length + 2;
  const positions = [...dimensions.map((id) => moments.dimensions.indexOf(id)), moments.dimensions.length];
  const missing = dimensions.filter((_, index) => positions[index] < 0);
  if (missing.length > 0) {
    throw new SymError("invalid-argument", `respondent moments have no ${missing.join(", ")} (they hold ${moments.dimensions.join(", ")})`);
  }
  const equal: DriverShares = {
    source: "equal",
    shares: Object.fromEntries(dimensions.map((id) => [id, 1 / k])),
    units: 0,
    rSquared: null,
  };
  if (k === 0) return { ...equal, shares: {} };
  if (moments.n < Math.max(minRespondents, k + 2)) return equal;
  const comoment = (i: number, j: number) => moments.comoments[positions[i] * size + positions[j]];
  for (let index = 0; index <= k; index++) if (!(comoment(index, index) > 0)) return equal;
  const correlation = (i: number, j: number) => comoment(i, j) / Math.sqrt(comoment(i, i) * comoment(j, j));
  const predictors = dimensions.map((_, i) => dimensions.map((__, j) => (i === j ? 1 : correlation(i, j))));
  const outcome = dimensions.map((_, i) => correlation(i, k));
  try {
    const result = relativeWeights(predictors, outcome);
    if (!(result.rSquared > 0)) return equal;
    return {
      source: "respondents",
      shares: Object.fromEntries(dimensions.map((id, index) => [id, result.weights[index] / result.rSquared])),
      units: 0,
      respondents: moments.n,
      rSquared: result.rSquared,
    };
  } catch (error) {
    if (error instanceof SymError && error.code === "zero-variance") return equal;
    throw error;
  }
}
