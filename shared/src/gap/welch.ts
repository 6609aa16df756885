import { SymError } from "../errors";
import { checkConfidence, tCritical, twoSidedPFromT } from "../_lib/distributions";
import { summaryVariance, type SampleSummary } from "../_lib/summary";

export interface GapTest {
  /** Employee score − customer score, in points. */
  gap: number;
  low: number;
  high: number;
  t: number;
  degreesOfFreedom: number;
  p: number;
  hedgesG: number;
}

/**
 * Welch's t test of the gap between two independent groups of respondent scores (docs/domain.md#welch-gap),
 * from their summaries: `se = sqrt(v1/n1 + v2/n2)`, Welch–Satterthwaite
 * `df = se⁴ / ((v1/n1)²/(n1−1) + (v2/n2)²/(n2−1))`, CI `gap ± t(df)·se`, two-sided p.
 * Hedges' g: the pooled-SD standardised difference times `J = 1 − 3/(4(n1+n2−2) − 1)`
 * (Hedges & Olkin 1985, small-sample correction).
 * Reference: scipy.stats.ttest_ind(a, b, equal_var=False).
 *
 * @throws too-few-values when a group has fewer than two scores
 * @throws zero-variance when both groups are constant (t undefined)
 */
export function welchGapTest(employees: SampleSummary, customers: SampleSummary, confidence = 0.95): GapTest {
  checkConfidence(confidence, "welchGapTest");
  for (const [group, summary] of [
    ["employee", employees],
    ["customer", customers],
  ] as const) {
    if (summary.n < 2) {
      throw new SymError(
        "too-few-values",
        `welchGapTest requires at least two scores in each group, got ${summary.n} ${group} score${summary.n === 1 ? "" : "s"}`,
        {
          value: summary.n,
        },
      );
    }
  }
  const varianceEmployees = summaryVariance(employees);
  const varianceCustomers = summaryVariance(customers);
  const shareEmployees = varianceEmployees / employees.n;
  const shareCustomers = varianceCustomers / customers.n;
  const standardError = Math.sqrt(shareEmployees + shareCustomers);
  if (standardError === 0) {
    throw new SymError(
      "zero-variance",
      `welchGapTest requires scores that vary in at least one group, got every employee score ${employees.mean} and every customer score ${customers.mean}`,
      { value: [employees.mean, customers.mean] },
    );
  }
  const gap = employees.mean - customers.mean;
  const degreesOfFreedom =
    (shareEmployees + shareCustomers) ** 2 / (shareEmployees ** 2 / (employees.n - 1) + shareCustomers ** 2 / (customers.n - 1));
  const t = gap / standardError;
  const margin = tCritical(confidence, degreesOfFreedom) * standardError;
  const pooledDf = employees.n + customers.n - 2;
  const pooledSd = Math.sqrt((employees.squaredDeviations + customers.squaredDeviations) / pooledDf);
  const correction = 1 - 3 / (4 * pooledDf - 1);
  return {
    gap,
    low: gap - margin,
    high: gap + margin,
    t,
    degreesOfFreedom,
    p: twoSidedPFromT(t, degreesOfFreedom),
    hedgesG: pooledSd > 0 ? (correction * gap) / pooledSd : Number.NaN,
  };
}
