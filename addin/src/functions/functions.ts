/**
 * Excel custom functions of the SYM namespace (=SYM.ENPS, =SYM.SYMGAP, ...). Thin wrappers:
 * each reads its arguments, makes one call into the engine (`shared/`), and turns engine errors
 * into Excel error values. Exported under the lower-case Excel name so plain Node can call them;
 * nothing here touches an Office global at import time.
 *
 * Ranges arrive as rows of cells (rows are respondents, columns are items of one dimension).
 * Blank cells are `null` or `""` (missing). Desktop Excel may pass a blank as `0`, which is an
 * answer (and out of scale on 1–5): formulas written by the task pane wrap ranges in
 * `FILTER(r, r<>"")` so desktop blanks never arrive as 0.
 */
import {
  DEFAULT_COST_RATIO,
  DEFAULT_MIN_GROUP_SIZE,
  alphaOfRange,
  correlationOfRanges,
  correlationTestOfRanges,
  driversOfRanges,
  favourableShareOfRange,
  gapChangeOfRanges,
  gapOfRanges,
  gapTestOfRanges,
  groupsOfRange,
  heatmapOfRanges,
  npsDifferenceOfRanges,
  npsIntervalOfRange,
  npsOfRange,
  parseCorrelationMethod,
  parseGroupMetric,
  parseHeatmapViews,
  FRONT_OFFICE,
  SUPPORT,
  type HeatmapGroup,
  scoreOfRange,
  symmetryIndexOfRange,
  turnoverCost,
  turnoverRate,
} from "@symmetry/engine";
import { orDefault } from "./arguments";
import { excelError, withExcelErrors } from "./excelErrors";
import { changeStatusText, fewerThanText, HIDDEN_FIGURE, statusText, SUPPORT_MINUS_FRONT, unitTypeText } from "./language";

/**
 * eNPS: 100 × (promoters 9–10 − detractors 0–6) / answers, on a column of 0–10 answers. #N/A under the confidentiality threshold.
 * @customfunction ENPS
 * @param answers Column of 0–10 recommendation answers, one per employee (blanks are skipped).
 * @param min_n Confidentiality threshold: fewer answers give #N/A (default 5).
 * @returns eNPS in points, from −100 to 100.
 */
export function enps(answers: any[][], min_n?: number): number {
  return withExcelErrors(() => npsOfRange(answers, orDefault(min_n, DEFAULT_MIN_GROUP_SIZE)).value);
}

/**
 * NPS: 100 × (promoters 9–10 − detractors 0–6) / answers, on a column of 0–10 answers.
 * @customfunction NPS
 * @param answers Column of 0–10 recommendation answers, one per respondent (blanks are skipped).
 * @returns NPS in points, from −100 to 100.
 */
export function nps(answers: any[][]): number {
  return withExcelErrors(() => npsOfRange(answers).value);
}

/**
 * NPS with its adjusted-Wald confidence interval (Rocks 2016). Spills value, low, high, n.
 * @customfunction NPSCI
 * @param answers Column of 0–10 recommendation answers (blanks are skipped).
 * @param confidence Confidence level of the interval (default 0.95).
 * @returns One row: NPS, interval low, interval high, number of answers.
 */
export function npsci(answers: any[][], confidence?: number): number[][] {
  return withExcelErrors(() => {
    const interval = npsIntervalOfRange(answers, orDefault(confidence, 0.95));
    return [[interval.value, interval.low, interval.high, interval.n]];
  });
}

/**
 * Difference between the NPS of two independent groups, with its z test. Spills difference, z, p.
 * @customfunction NPSDIFF
 * @param a Column of 0–10 answers of the first group.
 * @param b Column of 0–10 answers of the second group.
 * @returns One row: NPS of a − NPS of b in points, z statistic, two-sided p.
 */
export function npsdiff(a: any[][], b: any[][]): number[][] {
  return withExcelErrors(() => {
    const difference = npsDifferenceOfRanges(a, b);
    return [[difference.difference, difference.z, difference.p]];
  });
}

/**
 * Mean score 0–100 of a dimension: each respondent's answers normalised to 0–100 and averaged, then averaged over respondents.
 * @customfunction SCORE
 * @param answers Answers, one row per respondent and one column per item of the dimension.
 * @param scale_min Lowest point of the answer scale (for example 1).
 * @param scale_max Highest point of the answer scale (for example 5).
 * @param reversed TRUE when a high answer means a bad experience (default FALSE).
 * @returns Mean score from 0 to 100.
 */
export function score(answers: any[][], scale_min: number, scale_max: number, reversed?: boolean): number {
  return withExcelErrors(() => scoreOfRange(answers, { min: scale_min, max: scale_max }, orDefault(reversed, false)).score);
}

/**
 * Favourable %: share of answers in the top two points of the scale (top-2-box).
 * @customfunction FAVORABLE
 * @param answers Answers, one row per respondent and one column per item.
 * @param scale_min Lowest point of the answer scale (for example 1).
 * @param scale_max Highest point of the answer scale (for example 5).
 * @returns Percentage of favourable answers, from 0 to 100.
 */
export function favorable(answers: any[][], scale_min: number, scale_max: number): number {
  return withExcelErrors(() => favourableShareOfRange(answers, { min: scale_min, max: scale_max }).share);
}

/**
 * Symmetry gap of a dimension: employee score − customer score, in points on 0–100.
 * @customfunction SYMGAP
 * @param employee_answers Employee answers, one row per employee, one column per item.
 * @param customer_answers Customer answers, one row per customer, one column per item.
 * @param scale_min Lowest point of the employee scale (default 1).
 * @param scale_max Highest point of the employee scale (default 5).
 * @param customer_scale_min Lowest point of the customer scale (default: the employee one).
 * @param customer_scale_max Highest point of the customer scale (default: the employee one).
 * @returns Gap in points: positive when employees rate higher than customers.
 */
export function symgap(
  employee_answers: any[][],
  customer_answers: any[][],
  scale_min?: number,
  scale_max?: number,
  customer_scale_min?: number,
  customer_scale_max?: number,
): number {
  return withExcelErrors(() => {
    const employeeScale = { min: orDefault(scale_min, 1), max: orDefault(scale_max, 5) };
    const customerScale = { min: orDefault(customer_scale_min, employeeScale.min), max: orDefault(customer_scale_max, employeeScale.max) };
    return gapOfRanges(employee_answers, customer_answers, employeeScale, customerScale).gap;
  });
}

/**
 * Welch test of the symmetry gap. Spills gap, low, high, p, Hedges' g and the status alert / watch / ok.
 * @customfunction GAPTEST
 * @param employee_answers Employee answers, one row per employee, one column per item.
 * @param customer_answers Customer answers, one row per customer, one column per item.
 * @param scale_min Lowest point of the scale of both questionnaires (default 1).
 * @param scale_max Highest point of the scale of both questionnaires (default 5).
 * @param threshold Gap in points from which the dimension is on alert or watch (default 10).
 * @param alpha Significance level; the interval is at 1 − alpha (default 0.05).
 * @returns One row: gap, interval low, interval high, p, Hedges' g, status.
 */
export function gaptest(
  employee_answers: any[][],
  customer_answers: any[][],
  scale_min?: number,
  scale_max?: number,
  threshold?: number,
  alpha?: number,
): any[][] {
  return withExcelErrors(() => {
    const scale = { min: orDefault(scale_min, 1), max: orDefault(scale_max, 5) };
    const test = gapTestOfRanges(employee_answers, customer_answers, scale, orDefault(threshold, 10), orDefault(alpha, 0.05));
    return [[test.gap, test.low, test.high, test.p, test.hedgesG, statusText(test.status)]];
  });
}

/**
 * One dimension in one call: both mean scores and the Welch test of the gap, so that each answer range is sent to the add-in once per recalculation. Spills employee score, customer score, gap, low, high, p, Hedges' g, status.
 * @customfunction DIMENSION
 * @param employee_answers Employee answers, one row per employee, one column per item.
 * @param customer_answers Customer answers, one row per customer, one column per item.
 * @param scale_min Lowest point of the employee scale (default 1).
 * @param scale_max Highest point of the employee scale (default 5).
 * @param customer_scale_min Lowest point of the customer scale (default: the employee one).
 * @param customer_scale_max Highest point of the customer scale (default: the employee one).
 * @param threshold Gap in points from which the dimension is on alert or watch (default 10).
 * @param alpha Significance level; the interval is at 1 − alpha (default 0.05).
 * @returns One row: employee score, customer score, gap, interval low, interval high, p, Hedges' g, status (the test is left empty when the two scales differ).
 */
export function dimension(
  employee_answers: any[][],
  customer_answers: any[][],
  scale_min?: number,
  scale_max?: number,
  customer_scale_min?: number,
  customer_scale_max?: number,
  threshold?: number,
  alpha?: number,
): any[][] {
  return withExcelErrors(() => {
    const employeeScale = { min: orDefault(scale_min, 1), max: orDefault(scale_max, 5) };
    const customerScale = { min: orDefault(customer_scale_min, employeeScale.min), max: orDefault(customer_scale_max, employeeScale.max) };
    const employeeScore = scoreOfRange(employee_answers, employeeScale, false, DEFAULT_MIN_GROUP_SIZE, "employee_answers").score;
    const customerScore = scoreOfRange(customer_answers, customerScale, false, DEFAULT_MIN_GROUP_SIZE, "customer_answers").score;
    const sameScale = employeeScale.min === customerScale.min && employeeScale.max === customerScale.max;
    if (!sameScale) {
      // The Welch test needs one scale; with two, only the gap (as SYMGAP gives it) is shown.
      const gap = gapOfRanges(employee_answers, customer_answers, employeeScale, customerScale).gap;
      return [[employeeScore, customerScore, gap, "", "", "", "", ""]];
    }
    const test = gapTestOfRanges(employee_answers, customer_answers, employeeScale, orDefault(threshold, 10), orDefault(alpha, 0.05));
    return [[employeeScore, customerScore, test.gap, test.low, test.high, test.p, test.hedgesG, statusText(test.status)]];
  });
}

/**
 * Change of a dimension's gap between two waves (four-sample Welch test). Spills gap change, low, high, p and the status narrowed / widened / stable.
 * @customfunction GAPCHANGE
 * @param employee_answers_1 Employee answers of the first wave, one row per employee, one column per item.
 * @param customer_answers_1 Customer answers of the first wave.
 * @param employee_answers_2 Employee answers of the second wave.
 * @param customer_answers_2 Customer answers of the second wave.
 * @param scale_min Lowest point of the scale of every range (default 1).
 * @param scale_max Highest point of the scale of every range (default 5).
 * @param alpha Significance level; the interval is at 1 − alpha (default 0.05).
 * @returns One row: change of the gap in points (wave 2 − wave 1), interval low, interval high, p, status.
 */
export function gapchange(
  employee_answers_1: any[][],
  customer_answers_1: any[][],
  employee_answers_2: any[][],
  customer_answers_2: any[][],
  scale_min?: number,
  scale_max?: number,
  alpha?: number,
): any[][] {
  return withExcelErrors(() => {
    const scale = { min: orDefault(scale_min, 1), max: orDefault(scale_max, 5) };
    const change = gapChangeOfRanges(
      employee_answers_1,
      customer_answers_1,
      employee_answers_2,
      customer_answers_2,
      scale,
      orDefault(alpha, 0.05),
    );
    return [[change.gapChange, change.low, change.high, change.p, changeStatusText(change.status)]];
  });
}

/**
 * Symmetry index: 100 − weighted mean of the absolute gaps (100 = perfect symmetry).
 * @customfunction SYMINDEX
 * @param gaps Gaps of the dimensions in points (blanks are skipped).
 * @param weights Weights of the dimensions, same shape as gaps (default: all 1).
 * @returns Index from 0 to 100.
 */
export function symindex(gaps: any[][], weights?: any[][]): number {
  return withExcelErrors(() => symmetryIndexOfRange(gaps, weights ?? null));
}

/**
 * Cronbach's alpha of the items of one dimension (listwise, sample variances).
 * @customfunction ALPHA
 * @param item_answers Answers, one row per respondent and one column per item (two items or more).
 * @returns Cronbach's alpha.
 */
export function alpha(item_answers: any[][]): number {
  return withExcelErrors(() => alphaOfRange(item_answers));
}

/**
 * A metric per group (manager, unit) with confidentiality: a hidden group shows #N/A. Spills group, n, value.
 * @customfunction BYGROUP
 * @param groups Column of group labels, one per respondent, aligned with answers.
 * @param answers Answers, one row per respondent.
 * @param metric "enps" (default), "nps", "score" or "favorable".
 * @param min_n Confidentiality threshold: smaller groups are hidden (default 5).
 * @param scale_min Lowest point of the scale for "score" and "favorable" (default 1).
 * @param scale_max Highest point of the scale for "score" and "favorable" (default 5).
 * @returns One row per group: label, number counted, value (#N/A when hidden).
 */
export function bygroup(
  groups: any[][],
  answers: any[][],
  metric?: string,
  min_n?: number,
  scale_min?: number,
  scale_max?: number,
): any[][] {
  return withExcelErrors(() => {
    const minimum = orDefault(min_n, DEFAULT_MIN_GROUP_SIZE);
    const scale = { min: orDefault(scale_min, 1), max: orDefault(scale_max, 5) };
    const figures = groupsOfRange(groups, answers, parseGroupMetric(metric), minimum, scale);
    return figures.map((figure) => {
      if (!figure.suppressed) return [figure.group, figure.n, figure.value];
      const message =
        figure.reason === "below-threshold"
          ? `fewer than ${minimum} answers`
          : `hidden so that a group of fewer than ${minimum} answers cannot be recovered by subtraction`;
      return [figure.group, excelError("#N/A", message), excelError("#N/A", message)];
    });
  });
}

/**
 * Heat map: n, eNPS and the employee score of every dimension by unit, manager or unit type; units, managers and types are hidden together so no hidden group can be recovered by subtraction. Spills group, n, eNPS, then one score per range of answers.
 * @customfunction HEATMAP
 * @param by "unit", "manager" or "type", or several separated by commas ("unit,type"): the groups to spill, one after another; with "type", a last row gives support − front office.
 * @param units Column of units, one per respondent, aligned with the answers.
 * @param managers Column of managers, one per respondent (leave empty when there are none).
 * @param unit_types Two columns, unit then type (front office or support), one row per unit (leave empty when there are none).
 * @param recommendation Column of 0–10 recommendation answers, one per respondent, for the eNPS (leave empty for none).
 * @param min_n Confidentiality threshold: groups of fewer respondents are hidden, with a complement (default 5; it can only be raised).
 * @param scale_min Lowest point of the answer scale (default 1).
 * @param scale_max Highest point of the answer scale (default 5).
 * @param answers One range of answers per dimension (rows: respondents, columns: the dimension's items), in the order of the score columns.
 * @returns One row per group: label, number of respondents ("fewer than 5" when hidden), eNPS, one score per dimension ("·" when hidden).
 */
export function heatmap(
  by: string,
  units: any[][],
  managers?: any[][],
  unit_types?: any[][],
  recommendation?: any[][],
  min_n?: number,
  scale_min?: number,
  scale_max?: number,
  answers?: any[][][],
): any[][] {
  return withExcelErrors(() => {
    const minimum = orDefault(min_n, DEFAULT_MIN_GROUP_SIZE);
    const result = heatmapOfRanges({
      by: parseHeatmapViews(by),
      units: rangeOrNull(units),
      managers: rangeOrNull(managers),
      unitTypes: rangeOrNull(unit_types),
      recommendation: rangeOrNull(recommendation),
      answers: Array.isArray(answers) ? answers : [],
      scale: { min: orDefault(scale_min, 1), max: orDefault(scale_max, 5) },
      minimum,
    });
    const figures = (group: HeatmapGroup) => [group.enps, ...group.dimensions.map((cell) => cell.employee)];
    return result.maps.flatMap((map) => {
      const rows: any[][] = map.groups.map((group) => [
        map.by === "type" ? unitTypeText(group.group) : group.group,
        group.n ?? fewerThanText(minimum),
        ...figures(group).map((figure) => figure ?? HIDDEN_FIGURE),
      ]);
      const front = map.groups.find((group) => group.group === FRONT_OFFICE);
      const support = map.groups.find((group) => group.group === SUPPORT);
      if (map.by !== "type" || !front || !support) return rows;
      // Support − front office of two visible figures: nothing a reader could not subtract.
      const [frontFigures, supportFigures] = [figures(front), figures(support)];
      const differences = supportFigures.map((figure, index) =>
        figure === null || frontFigures[index] === null ? HIDDEN_FIGURE : figure - frontFigures[index]!,
      );
      return [...rows, [SUPPORT_MINUS_FRONT, "", ...differences]];
    });
  });
}

// Excel hands the values of a repeating parameter to the function as one array ("Custom functions
// parameter options", repeating parameters); the formula stand-in reads where that parameter
// starts from this mark, and the metadata test checks the mark against functions.json.
Object.defineProperty(heatmap, "repeatingParameter", { value: 8 });

/** An optional range left empty reaches the function as null, or as one blank cell. */
function rangeOrNull(range: any[][] | null | undefined): any[][] | null {
  if (!Array.isArray(range)) return null;
  if (range.length === 1 && Array.isArray(range[0]) && range[0].length === 1 && (range[0][0] === null || range[0][0] === "")) return null;
  return range;
}

/**
 * Correlation across units: Pearson (default) or Spearman.
 * @customfunction CORR
 * @param x First measure, one value per unit.
 * @param y Second measure, one value per unit, aligned with x.
 * @param method "pearson" (default) or "spearman".
 * @returns Correlation coefficient from −1 to 1.
 */
export function corr(x: any[][], y: any[][], method?: string): number {
  return withExcelErrors(() => correlationOfRanges(x, y, parseCorrelationMethod(method)));
}

/**
 * Correlation with its Fisher-z confidence interval and p value. Spills r, low, high, p, n.
 * @customfunction CORRTEST
 * @param x First measure, one value per unit.
 * @param y Second measure, one value per unit, aligned with x.
 * @param method "pearson" (default) or "spearman".
 * @param confidence Confidence level of the interval (default 0.95).
 * @returns One row: r, interval low, interval high, two-sided p, number of pairs.
 */
export function corrtest(x: any[][], y: any[][], method?: string, confidence?: number): number[][] {
  return withExcelErrors(() => {
    const test = correlationTestOfRanges(x, y, parseCorrelationMethod(method), orDefault(confidence, 0.95));
    return [[test.r, test.low, test.high, test.p, test.n]];
  });
}

/**
 * Turnover rate: leavers / average headcount.
 * @customfunction TURNOVER
 * @param leavers Number of leavers over the period.
 * @param average_headcount Average headcount over the period.
 * @returns Turnover rate (0.15 = 15 %).
 */
export function turnover(leavers: number, average_headcount: number): number {
  return withExcelErrors(() => turnoverRate(leavers, average_headcount));
}

/**
 * Turnover cost: leavers × annual salary × replacement-cost ratio.
 * @customfunction TURNOVERCOST
 * @param leavers Number of leavers.
 * @param annual_salary Average annual salary of a leaver.
 * @param cost_ratio Replacement cost as a share of annual salary (default 0.21, Boushey & Glynn 2012).
 * @returns Cost of turnover, in the salary's currency.
 */
export function turnovercost(leavers: number, annual_salary: number, cost_ratio?: number): number {
  return withExcelErrors(() => turnoverCost(leavers, annual_salary, orDefault(cost_ratio, DEFAULT_COST_RATIO)));
}

/**
 * Key drivers across units: relative weights (Johnson 2000) of employee dimension scores on an outcome, their shares of R² and bootstrap intervals. #N/A under 25 units.
 * @customfunction DRIVERS
 * @param employee_dimension_scores Dimension scores, one row per unit and one column per dimension (an optional header row names them).
 * @param outcome Outcome per unit (customer NPS, turnover…), one column aligned with the scores.
 * @param bootstrap Bootstrap replicates over units for the intervals (default 1000; 0 for none).
 * @param seed Seed of the bootstrap: the same seed gives the same intervals (default 1).
 * @returns One row per dimension: header or column number, raw weight, share of R², interval low, interval high.
 */
export function drivers(employee_dimension_scores: any[][], outcome: any[][], bootstrap?: number, seed?: number): any[][] {
  return withExcelErrors(() =>
    driversOfRanges(employee_dimension_scores, outcome, { bootstrap: orDefault(bootstrap, 1000), seed: orDefault(seed, 1) }).drivers.map(
      (driver) => [driver.dimension, driver.weight, driver.share, driver.low ?? "", driver.high ?? ""],
    ),
  );
}
