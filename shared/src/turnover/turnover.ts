import { SymError } from "../errors";

/** Replacement-cost presets, as shares of annual salary (docs/domain.md#turnover). */
export const COST_RATIO_PRESETS = [
  { id: "cap-median", ratio: 0.21, source: "Boushey & Glynn 2012 (Center for American Progress), median" },
  { id: "half", ratio: 0.5, source: "Gallup: one-half of annual salary" },
  { id: "one-and-a-half", ratio: 1.5, source: "Gallup: up to two times annual salary (midpoint 1.5)" },
] as const;

export const DEFAULT_COST_RATIO = 0.21;

/**
 * Turnover rate = leavers / average headcount.
 *
 * @example turnoverRate(12, 80) // 0.15
 */
export function turnoverRate(leavers: number, averageHeadcount: number): number {
  if (!(leavers >= 0) || !Number.isFinite(leavers))
    throw new SymError("invalid-argument", `turnoverRate requires leavers of 0 or more, got ${leavers}`, { value: leavers });
  if (!Number.isFinite(averageHeadcount))
    throw new SymError("invalid-argument", `turnoverRate requires a numeric average headcount, got ${averageHeadcount}`, {
      value: averageHeadcount,
    });
  if (averageHeadcount < 0)
    throw new SymError("invalid-argument", `turnoverRate requires an average headcount above 0, got ${averageHeadcount}`, {
      value: averageHeadcount,
    });
  // A headcount of 0 is a division by zero (Excel's #DIV/0!), hence the zero-variance code.
  if (averageHeadcount === 0)
    throw new SymError("zero-variance", `turnoverRate requires an average headcount above 0, got ${averageHeadcount}`, {
      value: averageHeadcount,
    });
  return leavers / averageHeadcount;
}

/**
 * Turnover cost = leavers × annual salary × replacement-cost ratio (default 21 %, Boushey & Glynn 2012).
 *
 * @example turnoverCost(10, 30000) // 63000
 */
export function turnoverCost(leavers: number, annualSalary: number, costRatio = DEFAULT_COST_RATIO): number {
  if (!(leavers >= 0) || !Number.isFinite(leavers))
    throw new SymError("invalid-argument", `turnoverCost requires leavers of 0 or more, got ${leavers}`, { value: leavers });
  if (!(annualSalary >= 0) || !Number.isFinite(annualSalary))
    throw new SymError("invalid-argument", `turnoverCost requires an annual salary of 0 or more, got ${annualSalary}`, {
      value: annualSalary,
    });
  if (!(costRatio >= 0) || !Number.isFinite(costRatio))
    throw new SymError("invalid-argument", `turnoverCost requires a cost ratio of 0 or more, got ${costRatio}`, { value: costRatio });
  return leavers * annualSalary * costRatio;
}
