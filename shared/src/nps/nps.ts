import { SymError } from "../errors";
import { checkConfidence, twoSidedPFromZ, zCritical } from "../_lib/distributions";
import { checkRecommendation, isMissing } from "../scale/answers";
import { checkAtPosition } from "../_lib/position";

/** Counts of a recommendation question: promoters 9–10, passives 7–8, detractors 0–6. */
export interface RecommendationCounts {
  promoters: number;
  passives: number;
  detractors: number;
}

export function emptyCounts(): RecommendationCounts {
  return { promoters: 0, passives: 0, detractors: 0 };
}

export function countTotal(counts: RecommendationCounts): number {
  return counts.promoters + counts.passives + counts.detractors;
}

/** Counts are whole numbers of people, 0 or more: anything else is an `invalid-argument` naming it. */
function checkCounts(counts: RecommendationCounts, functionName: string): number {
  for (const kind of ["promoters", "passives", "detractors"] as const) {
    const count = counts[kind];
    if (!(Number.isInteger(count) && count >= 0)) {
      throw new SymError("invalid-argument", `${functionName} requires whole counts of 0 or more, got ${kind} ${count}`, { value: count });
    }
  }
  const n = countTotal(counts);
  if (n === 0) throw new SymError("too-few-values", `${functionName} requires at least one answer, got 0`, { value: 0 });
  return n;
}

/** Adds one 0–10 answer to the counts (missing answers are skipped by the caller). */
export function addRecommendation(counts: RecommendationCounts, answer: number): void {
  checkRecommendation(answer);
  if (answer >= 9) counts.promoters += 1;
  else if (answer >= 7) counts.passives += 1;
  else counts.detractors += 1;
}

/**
 * Counts promoters, passives and detractors of 0–10 answers, NaN = missing.
 *
 * @throws not-recommendation naming the answer and its 1-based position (`details.row`)
 */
export function countRecommendations(answers: ArrayLike<number>): RecommendationCounts {
  const counts = emptyCounts();
  for (let index = 0; index < answers.length; index++) {
    const answer = answers[index];
    if (!isMissing(answer)) checkAtPosition(index, () => addRecommendation(counts, answer));
  }
  return counts;
}

export function mergeCounts(left: RecommendationCounts, right: RecommendationCounts): RecommendationCounts {
  return {
    promoters: left.promoters + right.promoters,
    passives: left.passives + right.passives,
    detractors: left.detractors + right.detractors,
  };
}

/**
 * NPS / eNPS (docs/domain.md#nps): `100·(P−D)/n`.
 *
 * @example netPromoterScore({ promoters: 5, passives: 3, detractors: 2 }) // 30
 * @throws too-few-values without answers
 */
export function netPromoterScore(counts: RecommendationCounts): number {
  const n = checkCounts(counts, "netPromoterScore");
  return (100 * (counts.promoters - counts.detractors)) / n;
}

/**
 * Standard error of the NPS in points. Each respondent scores +1, 0 or −1, so
 * `var = pP + pD − (pP − pD)²` and `SE = 100·sqrt(var/n)` (docs/domain.md#nps).
 */
export function npsStandardError(counts: RecommendationCounts): number {
  const n = checkCounts(counts, "npsStandardError");
  const pP = counts.promoters / n;
  const pD = counts.detractors / n;
  return 100 * Math.sqrt((pP + pD - (pP - pD) ** 2) / n);
}

interface AdjustedWald {
  /** Adjusted NPS as a proportion difference, pP' − pD'. */
  adjusted: number;
  variance: number;
  n: number;
}

/** Rocks (2016) adjusted Wald: add 3 virtual respondents, 0.75 promoter and 0.75 detractor. */
function adjustedWald(counts: RecommendationCounts): AdjustedWald {
  const n = countTotal(counts) + 3;
  const pP = (counts.promoters + 0.75) / n;
  const pD = (counts.detractors + 0.75) / n;
  return { adjusted: pP - pD, variance: pP + pD - (pP - pD) ** 2, n };
}

export interface NpsInterval {
  value: number;
  low: number;
  high: number;
  n: number;
}

/**
 * NPS with its adjusted-Wald interval (Rocks 2016, The American Statistician; MeasuringU):
 * `n' = n + 3`, `pP' = (P + 0.75)/n'`, `pD' = (D + 0.75)/n'`, interval
 * `(pP' − pD') ± z·sqrt(var'/n')`, in points and clipped to [−100, 100]. `value` is the plain NPS.
 *
 * @example npsInterval({ promoters: 50, passives: 30, detractors: 20 }) // { value: 30, low: ≈14.05, high: ≈44.20, n: 100 }
 */
export function npsInterval(counts: RecommendationCounts, confidence = 0.95): NpsInterval {
  checkConfidence(confidence, "npsInterval");
  checkCounts(counts, "npsInterval");
  const value = netPromoterScore(counts);
  const { adjusted, variance, n } = adjustedWald(counts);
  const margin = zCritical(confidence) * Math.sqrt(variance / n);
  return {
    value,
    low: Math.max(-100, 100 * (adjusted - margin)),
    high: Math.min(100, 100 * (adjusted + margin)),
    n: countTotal(counts),
  };
}

export interface NpsDifference {
  /** Plain NPS of the first group minus that of the second, in points. */
  difference: number;
  z: number;
  p: number;
}

/**
 * Difference of two independent NPS (docs/domain.md#nps-difference, after Rocks 2016):
 * `z = (NPS'1 − NPS'2) / sqrt(var'1/n'1 + var'2/n'2)`, two-sided p from the normal.
 * For the same panel over time use a bootstrap instead.
 */
export function npsDifference(first: RecommendationCounts, second: RecommendationCounts): NpsDifference {
  checkCounts(first, "npsDifference");
  checkCounts(second, "npsDifference");
  const difference = netPromoterScore(first) - netPromoterScore(second);
  const a = adjustedWald(first);
  const b = adjustedWald(second);
  const z = (a.adjusted - b.adjusted) / Math.sqrt(a.variance / a.n + b.variance / b.n);
  return { difference, z, p: twoSidedPFromZ(z) };
}
