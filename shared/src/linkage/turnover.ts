import { COST_RATIO_PRESETS } from "../turnover/turnover";
import type { AnalysisTable } from "./table";
import { completeRows } from "./weightedColumns";
import { simpleRegression } from "./regression";
import type { ParsedLinkageRequest, TurnoverLinkage } from "./schemas";

/**
 * Turnover money (docs/domain.md#turnover-linkage): OLS of unit turnover rate (leavers / average headcount) on the unit
 * metric; +Δ points avoid −slope·Δ·headcount leavers, each costing salary × cost ratio.
 */
export function turnoverLinkage(request: ParsedLinkageRequest, table: AnalysisTable): { result: TurnoverLinkage | null; skipped?: string } {
  const options = request.turnover;
  if (!options) return { result: null };
  const x = table.x[options.x];
  // Plain arrays: mapping an Int32Array would truncate the rates to integers.
  const rows = Array.from(completeRows([x, table.headcount, table.leavers, table.salary], table.rows)).filter(
    (row) => table.headcount[row] > 0,
  );
  if (rows.length < 3) {
    return { result: null, skipped: `turnover linkage requires headcount, leavers and salary for at least 3 units, got ${rows.length}` };
  }
  const rates = rows.map((row) => table.leavers[row] / table.headcount[row]);
  const xs = rows.map((row) => x[row]);
  if (xs.every((value) => value === xs[0])) {
    return { result: null, skipped: `turnover linkage requires "${options.x}" to vary across units; it is ${xs[0]} in all ${rows.length}` };
  }
  const regression = simpleRegression(xs, rates, request.confidence);
  const headcount = rows.reduce((sum, row) => sum + table.headcount[row], 0);
  const meanSalary = rows.reduce((sum, row) => sum + table.salary[row] * table.headcount[row], 0) / headcount;
  const leaversPerPoint = -regression.slope * headcount;
  const valueAt = (ratio: number) => leaversPerPoint * meanSalary * ratio;
  return {
    result: {
      x: options.x,
      n: regression.n,
      slope: regression.slope,
      intercept: regression.intercept,
      low: regression.low,
      high: regression.high,
      p: regression.p,
      headcount,
      meanSalary,
      costRatio: options.costRatio,
      deltaPoints: options.deltaPoints,
      avoidedLeavers: leaversPerPoint * options.deltaPoints,
      valuePerPoint: valueAt(options.costRatio),
      valueOfDelta: valueAt(options.costRatio) * options.deltaPoints,
      presets: COST_RATIO_PRESETS.map((preset) => ({
        id: preset.id,
        costRatio: preset.ratio,
        valuePerPoint: valueAt(preset.ratio),
        valueOfDelta: valueAt(preset.ratio) * options.deltaPoints,
      })),
    },
  };
}
