import { benjaminiHochberg, correlationTest } from "../correlation/correlation";
import { welchGapTest } from "../gap/welch";
import { summarise } from "../_lib/summary";
import { summaryInterval, type SeriesSummary } from "./bootstrapSummary";
import { pick, type LinkagePlan } from "./plan";
import type { CorrelationRow, DriverRow, LinkageResult, QuartileRow } from "./schemas";

/**
 * The rows of a linkage result from its plan and merged bootstrap summaries: correlations with
 * their tests and intervals, quartile comparisons, key drivers, and the turnover money computed
 * with the plan.
 */

function correlationRows(plan: LinkagePlan, replicates: readonly SeriesSummary[]): CorrelationRow[] {
  const { methods, confidence, bootstrap } = plan.request;
  return methods.flatMap((method, methodIndex) => {
    const tests = plan.pairs.map((pair) =>
      correlationTest(pick(plan.table.x[pair.x], pair.rows), pick(plan.table.y[pair.y], pair.rows), method, confidence),
    );
    const q = benjaminiHochberg(tests.map((test) => test.p));
    return tests.map((test, pairIndex) => {
      const interval = bootstrap > 0 ? summaryInterval(replicates[methodIndex * plan.pairs.length + pairIndex], confidence) : null;
      return {
        x: plan.pairs[pairIndex].x,
        y: plan.pairs[pairIndex].y,
        method,
        ...test,
        q: q[pairIndex],
        bootLow: interval && Number.isFinite(interval.low) ? interval.low : null,
        bootHigh: interval && Number.isFinite(interval.high) ? interval.high : null,
      };
    });
  });
}

/**
 * Top versus bottom quartile of units by x (Harter, Schmidt & Hayes 2002 style): mean outcome in
 * each, difference and its Welch CI. Quartiles hold ⌊n/4⌋ units each; ties in x are broken by
 * the table's (wave, unit) order, so the split does not depend on the input order.
 */
function quartileRows(plan: LinkagePlan): QuartileRow[] {
  const { table, request } = plan;
  return plan.pairs.flatMap((pair) => {
    const size = Math.floor(pair.rows.length / 4);
    if (size < 2) return [];
    const x = table.x[pair.x];
    const ordered = [...pair.rows].sort((a, b) => x[a] - x[b] || a - b);
    const y = table.y[pair.y];
    const bottom = summarise(ordered.slice(0, size).map((row) => y[row]));
    const top = summarise(ordered.slice(-size).map((row) => y[row]));
    let test: { low: number; high: number; p: number } | null = null;
    try {
      test = welchGapTest(top, bottom, request.confidence);
    } catch {
      test = null; // both quartiles constant: the difference stands without an interval
    }
    return [
      {
        x: pair.x,
        y: pair.y,
        unitsPerQuartile: size,
        top: top.mean,
        bottom: bottom.mean,
        difference: top.mean - bottom.mean,
        low: test?.low ?? null,
        high: test?.high ?? null,
        p: test?.p ?? null,
      },
    ];
  });
}

function driverRows(plan: LinkagePlan, replicates: readonly SeriesSummary[]): DriverRow[] {
  let series = 0;
  return plan.drivers.flatMap((driver) =>
    driver.predictors.map((id, index) => {
      const interval = plan.request.bootstrap > 0 ? summaryInterval(replicates[series++], plan.request.confidence) : null;
      return {
        y: driver.y,
        id,
        weight: driver.weights[index],
        share: driver.weights[index] / driver.rSquared,
        low: interval && Number.isFinite(interval.low) ? interval.low : null,
        high: interval && Number.isFinite(interval.high) ? interval.high : null,
        rSquared: driver.rSquared,
        n: driver.columns.rows.length,
      };
    }),
  );
}

/** The linkage result of a plan, with the bootstrap intervals read from the merged summaries. */
export function linkageResult(plan: LinkagePlan, correlations: readonly SeriesSummary[], drivers: readonly SeriesSummary[]): LinkageResult {
  const { turnover } = plan;
  return {
    units: plan.table.units,
    excluded: plan.table.excluded,
    observations: plan.table.rows,
    lag: plan.request.lag,
    bootstrap: plan.request.bootstrap,
    seed: plan.request.seed,
    correlations: correlationRows(plan, correlations),
    quartiles: quartileRows(plan),
    drivers: driverRows(plan, drivers),
    turnover: turnover.result,
    ...(turnover.skipped ? { turnoverSkipped: turnover.skipped } : {}),
  };
}
