import { SymError } from "../errors";
import type { Scale } from "../model/schemas";
import { DEFAULT_MIN_GROUP_SIZE } from "../privacy/suppression";
import { gapChange, type GapChangeStatus } from "../trend/change";
import type { CellRange } from "./cells";
import { DEFAULT_ANSWER_SCALE, scoreSummaryOfRange } from "./scoreRange";
import { checkMinimumAnswers, requireShowable } from "./threshold";

export interface GapChangeOfRanges {
  gapChange: number;
  low: number;
  high: number;
  p: number;
  status: GapChangeStatus;
}

/**
 * Change of a dimension's gap between two waves, from the four answer ranges (rows are
 * respondents, columns items): ΔG = (E₂ − C₂) − (E₁ − C₁), four-sample Welch–Satterthwaite test,
 * interval at 1 − alpha, two-sided p, status narrowed / widened / stable (docs/domain.md#gap-change;
 * `gapChange`). Each range must hold at least `minimum` respondents.
 */
export function gapChangeOfRanges(
  employeesFrom: CellRange,
  customersFrom: CellRange,
  employeesTo: CellRange,
  customersTo: CellRange,
  scale: Scale = DEFAULT_ANSWER_SCALE,
  alpha = 0.05,
  minimum = DEFAULT_MIN_GROUP_SIZE,
): GapChangeOfRanges {
  checkMinimumAnswers(minimum, "GAPCHANGE");
  if (!(alpha > 0 && alpha < 1))
    throw new SymError("invalid-argument", `GAPCHANGE requires alpha between 0 and 1, got ${alpha}`, { value: alpha });
  const summaries = (
    [
      [employeesFrom, "employee_answers_1"],
      [customersFrom, "customer_answers_1"],
      [employeesTo, "employee_answers_2"],
      [customersTo, "customer_answers_2"],
    ] as const
  ).map(([range, argument]) => {
    const summary = scoreSummaryOfRange(range, scale, false, argument);
    requireShowable(summary.n, minimum);
    return summary;
  });
  const change = gapChange(
    { employeesFrom: summaries[0], customersFrom: summaries[1], employeesTo: summaries[2], customersTo: summaries[3] },
    1 - alpha,
    alpha,
  );
  return { gapChange: change.gapChange, low: change.low, high: change.high, p: change.p, status: change.status };
}
