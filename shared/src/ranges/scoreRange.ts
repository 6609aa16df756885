import { SymError } from "../errors";
import type { Scale } from "../model/schemas";
import { DEFAULT_MIN_GROUP_SIZE } from "../privacy/suppression";
import { checkScale } from "../scale/answers";
import { addToSummary, emptySummary, type SampleSummary } from "../_lib/summary";
import { welchGapTest, type GapTest } from "../gap/welch";
import { gapStatus, type GapVerdict } from "../gap/status";
import { declaredShape, failOutOfScale, failRaggedRow, readCellAt, type CellRange } from "./cells";
import { checkMinimumAnswers, requireShowable } from "./threshold";

/** The default scale of the barometer's questionnaires (1–5 agreement). */
export const DEFAULT_ANSWER_SCALE: Scale = { min: 1, max: 5 };

/**
 * One respondent's dimension score (docs/domain.md#respondent-score): the mean of the row's normalised answers,
 * `100·(x−lo)/(hi−lo)` or reversed `100·(hi−x)/(hi−lo)`, missing answers skipped; NaN when the
 * whole row is blank. Reads the cells in place.
 */
function rowScore(
  cells: readonly unknown[],
  columns: number,
  rowNumber: number,
  scale: Scale,
  reversed: boolean,
  argument: string,
): number {
  if (!cells || cells.length !== columns) failRaggedRow(cells, columns, argument, rowNumber);
  const { min, max } = scale;
  const span = max - min;
  let sum = 0;
  let count = 0;
  for (let column = 0; column < columns; column++) {
    let value = cells[column] as number;
    if (typeof value !== "number") {
      if (value === null || value === undefined || (value as unknown) === "") continue;
      value = readCellAt(value, argument, rowNumber, column + 1);
      if (value !== value) continue;
    }
    // a desktop blank arriving as 0 lands here and fails on a 1–5 scale: it is never dropped
    if (!(value >= min && value <= max)) failOutOfScale(value, min, max, argument, rowNumber, column + 1);
    sum += reversed ? max - value : value - min;
    count += 1;
  }
  return count > 0 ? (100 * sum) / (span * count) : Number.NaN;
}

/**
 * Respondent scores of a range (rows are respondents, columns items of one dimension), NaN for
 * blank rows. One Float64Array of one number per row is the only allocation.
 */
export function respondentScoresOfRange(range: CellRange, scale: Scale, reversed = false, argument = "answers"): Float64Array {
  checkScale(scale, argument);
  const { columns } = declaredShape(range, argument);
  const scores = new Float64Array(range.length);
  for (let row = 0; row < range.length; row++) scores[row] = rowScore(range[row], columns, row + 1, scale, reversed, argument);
  return scores;
}

/**
 * Running summary (n, mean, squared deviations) of the respondent scores of a range, in one pass
 * and without allocating: what the group score and the Welch gap test need.
 */
export function scoreSummaryOfRange(range: CellRange, scale: Scale, reversed = false, argument = "answers"): SampleSummary {
  checkScale(scale, argument);
  const { columns } = declaredShape(range, argument);
  const summary = emptySummary();
  for (let row = 0; row < range.length; row++) {
    const score = rowScore(range[row], columns, row + 1, scale, reversed, argument);
    if (score === score) addToSummary(summary, score);
  }
  return summary;
}

/**
 * Group score (docs/domain.md#group-score): the mean over respondents of their dimension scores, 0–100, hidden
 * under the confidentiality threshold.
 *
 * @example scoreOfRange([[4, 5], [2, null], [5, 5], [3, 4], [1, 2]], { min: 1, max: 5 }) // { score: 60, n: 5 }
 */
export function scoreOfRange(
  range: CellRange,
  scale: Scale,
  reversed = false,
  minimum = DEFAULT_MIN_GROUP_SIZE,
  argument = "answers",
): { score: number; n: number } {
  checkMinimumAnswers(minimum, "SCORE");
  const summary = scoreSummaryOfRange(range, scale, reversed, argument);
  requireShowable(summary.n, minimum);
  return { score: summary.mean, n: summary.n };
}

/**
 * Favourable % (top-2-box, docs/domain.md#favourable): the share of present answers in the top two points of the
 * scale, over every cell of the range; the threshold counts respondents with at least one answer.
 */
export function favourableShareOfRange(
  range: CellRange,
  scale: Scale,
  minimum = DEFAULT_MIN_GROUP_SIZE,
  argument = "answers",
): { share: number; n: number; answers: number } {
  checkMinimumAnswers(minimum, "FAVORABLE");
  checkScale(scale, "FAVORABLE");
  const { columns } = declaredShape(range, argument);
  const { min, max } = scale;
  const favourableFrom = max - 1;
  let favourable = 0;
  let answers = 0;
  let respondents = 0;
  for (let row = 0; row < range.length; row++) {
    const cells = range[row];
    if (!cells || cells.length !== columns) failRaggedRow(cells, columns, argument, row + 1);
    let answered = false;
    for (let column = 0; column < columns; column++) {
      let value = cells[column] as number;
      if (typeof value !== "number") {
        if (value === null || value === undefined || (value as unknown) === "") continue;
        value = readCellAt(value, argument, row + 1, column + 1);
        if (value !== value) continue;
      }
      if (!(value >= min && value <= max)) failOutOfScale(value, min, max, argument, row + 1, column + 1);
      answered = true;
      answers += 1;
      if (value >= favourableFrom) favourable += 1;
    }
    if (answered) respondents += 1;
  }
  requireShowable(respondents, minimum);
  return { share: (100 * favourable) / answers, n: respondents, answers };
}

export interface GapOfRanges {
  /** Employee score − customer score, points on 0–100. */
  gap: number;
  employeeScore: number;
  customerScore: number;
  employees: number;
  customers: number;
}

/**
 * Gap for a dimension (docs/domain.md#gap) = employee score − customer score, each the mean of respondent
 * scores normalised on its own scale. Both groups must reach the confidentiality threshold.
 *
 * @example gapOfRanges([[4],[4],[5],[3],[4]], [[3],[2],[4],[3],[3]], {min:1,max:5}, {min:1,max:5}) // gap 20
 */
export function gapOfRanges(
  employeeAnswers: CellRange,
  customerAnswers: CellRange,
  employeeScale: Scale = DEFAULT_ANSWER_SCALE,
  customerScale: Scale = employeeScale,
  minimum = DEFAULT_MIN_GROUP_SIZE,
): GapOfRanges {
  checkMinimumAnswers(minimum, "SYMGAP");
  const employees = scoreSummaryOfRange(employeeAnswers, employeeScale, false, "employee_answers");
  const customers = scoreSummaryOfRange(customerAnswers, customerScale, false, "customer_answers");
  requireShowable(employees.n, minimum);
  requireShowable(customers.n, minimum);
  return {
    gap: employees.mean - customers.mean,
    employeeScore: employees.mean,
    customerScore: customers.mean,
    employees: employees.n,
    customers: customers.n,
  };
}

export type GapTestOfRanges = GapTest & { status: GapVerdict; confidence: number };

/**
 * The gap test of a dimension (docs/domain.md#welch-gap): Welch t on respondent scores, CI of the difference at
 * `1 − alpha` (so the interval excludes 0 exactly when p < alpha), two-sided p, Hedges' g, and
 * the status: alert when |gap| ≥ threshold and p < alpha, watch when |gap| ≥ threshold only.
 * Reference: scipy.stats.ttest_ind(equal_var=False).
 */
export function gapTestOfRanges(
  employeeAnswers: CellRange,
  customerAnswers: CellRange,
  scale: Scale = DEFAULT_ANSWER_SCALE,
  threshold = 10,
  alpha = 0.05,
  minimum = DEFAULT_MIN_GROUP_SIZE,
): GapTestOfRanges {
  checkMinimumAnswers(minimum, "GAPTEST");
  if (!(alpha > 0 && alpha < 1))
    throw new SymError("invalid-argument", `GAPTEST requires alpha between 0 and 1, got ${alpha}`, { value: alpha });
  if (!(threshold >= 0 && threshold <= 100)) {
    throw new SymError("invalid-argument", `GAPTEST requires a threshold from 0 to 100 points, got ${threshold}`, { value: threshold });
  }
  const employees = scoreSummaryOfRange(employeeAnswers, scale, false, "employee_answers");
  const customers = scoreSummaryOfRange(customerAnswers, scale, false, "customer_answers");
  requireShowable(employees.n, minimum);
  requireShowable(customers.n, minimum);
  const confidence = 1 - alpha;
  const test = welchGapTest(employees, customers, confidence);
  return { ...test, status: gapStatus(test.gap, test.p, threshold, alpha), confidence };
}
