import { SymError } from "../errors";
import type { Scale } from "../model/schemas";
import { DEFAULT_MIN_GROUP_SIZE, suppressGroups, type SuppressionReason } from "../privacy/suppression";
import { readRecommendationAt } from "./recommendationRange";
import { DEFAULT_ANSWER_SCALE, respondentScoresOfRange } from "./scoreRange";
import { rangeShape, readInScaleAt, type CellRange } from "./cells";
import { checkScale } from "../scale/answers";
import { checkMinimumAnswers } from "./threshold";

export type GroupMetric = "enps" | "nps" | "score" | "favorable";

const METRIC_NAMES: Record<string, GroupMetric> = {
  enps: "enps",
  nps: "nps",
  score: "score",
  favorable: "favorable",
  favourable: "favorable",
};

/** Reads a metric name ("enps" by default), any case. */
export function parseGroupMetric(metric: string | null | undefined): GroupMetric {
  if (metric === null || metric === undefined || metric === "") return "enps";
  const found = METRIC_NAMES[String(metric).trim().toLowerCase()];
  if (!found) {
    throw new SymError("invalid-argument", `metric must be "enps", "nps", "score" or "favorable", got ${JSON.stringify(metric)}`, {
      value: metric,
    });
  }
  return found;
}

export interface GroupFigure {
  readonly group: string;
  /** Respondents counted (answers for eNPS/NPS); null when the group is hidden. */
  readonly n: number | null;
  /** The metric; null when the group is hidden. */
  readonly value: number | null;
  readonly suppressed: boolean;
  readonly reason?: SuppressionReason;
}

/** A group label as text; blank labels (no group) give undefined. */
function groupLabel(cell: unknown): string | undefined {
  if (cell === null || cell === undefined) return undefined;
  const label = String(cell).trim();
  return label === "" ? undefined : label;
}

interface GroupTally {
  n: number;
  sum: number;
  favourable: number;
  answers: number;
}

/**
 * A metric per group (per manager, per unit) with confidentiality (docs/domain.md#complementary-suppression): a group of fewer
 * than `minimum` counted people is hidden, and complementary suppression (`suppressGroups`) hides
 * more so no hidden group can be recovered by subtraction. A hidden group carries neither n nor
 * value. Groups come sorted by label (numeric-aware); rows with a blank group belong to none.
 *
 * Metrics: "enps"/"nps" `100·(P−D)/n` on a 0–10 column; "score" mean of respondent scores 0–100;
 * "favorable" top-2-box % of answers, both on `scale`.
 */
export function groupsOfRange(
  groups: CellRange,
  answers: CellRange,
  metric: GroupMetric = "enps",
  minimum = DEFAULT_MIN_GROUP_SIZE,
  scale: Scale = DEFAULT_ANSWER_SCALE,
): GroupFigure[] {
  checkMinimumAnswers(minimum, "BYGROUP");
  const groupShape = rangeShape(groups, "groups");
  const answerShape = rangeShape(answers, "answers");
  if (groupShape.columns !== 1 || groupShape.rows !== answerShape.rows) {
    throw new SymError(
      "shape-mismatch",
      `groups must be one column with one row per row of answers, got ${groupShape.rows} × ${groupShape.columns} groups for ${answerShape.rows} rows of answers`,
      { value: { groups: groupShape, answers: answerShape } },
    );
  }
  const tallies = new Map<string, GroupTally>();
  const tallyOf = (row: number): GroupTally | undefined => {
    const label = groupLabel(groups[row][0]);
    if (label === undefined) return undefined;
    let tally = tallies.get(label);
    if (!tally) {
      tally = { n: 0, sum: 0, favourable: 0, answers: 0 };
      tallies.set(label, tally);
    }
    return tally;
  };

  if (metric === "enps" || metric === "nps") {
    if (answerShape.columns !== 1) {
      throw new SymError(
        "shape-mismatch",
        `answers must be one column of 0–10 answers for metric ${metric}, got ${answerShape.columns} columns`,
      );
    }
    for (let row = 0; row < answers.length; row++) {
      const answer = readRecommendationAt(answers[row][0], "answers", row + 1, 1);
      const tally = tallyOf(row);
      if (!tally || answer !== answer) continue;
      tally.n += 1;
      tally.sum += answer >= 9 ? 1 : answer >= 7 ? 0 : -1; // promoter +1, passive 0, detractor −1
    }
  } else if (metric === "score") {
    const scores = respondentScoresOfRange(answers, scale, false, "answers");
    for (let row = 0; row < scores.length; row++) {
      const tally = tallyOf(row);
      if (!tally || scores[row] !== scores[row]) continue;
      tally.n += 1;
      tally.sum += scores[row];
    }
  } else {
    checkScale(scale, "BYGROUP");
    for (let row = 0; row < answers.length; row++) {
      const tally = tallyOf(row);
      const cells = answers[row];
      let answered = 0;
      let favourable = 0;
      for (let column = 0; column < cells.length; column++) {
        const value = readInScaleAt(cells[column], scale.min, scale.max, "answers", row + 1, column + 1);
        if (value !== value) continue;
        answered += 1;
        if (value >= scale.max - 1) favourable += 1; // top-2-box
      }
      if (!tally || answered === 0) continue;
      tally.n += 1;
      tally.favourable += favourable;
      tally.answers += answered;
    }
  }

  const labels = [...tallies.keys()].sort((a, b) => a.localeCompare(b, undefined, { numeric: true }));
  const decisions = suppressGroups(
    labels.map((label) => ({ group: label, n: tallies.get(label)!.n })),
    minimum,
  );
  return decisions.map((decision) => {
    const tally = tallies.get(decision.group)!;
    if (decision.suppressed) return { group: decision.group, n: null, value: null, suppressed: true, reason: decision.reason };
    const value =
      metric === "favorable"
        ? (100 * tally.favourable) / tally.answers
        : metric === "score"
          ? tally.sum / tally.n
          : (100 * tally.sum) / tally.n;
    return { group: decision.group, n: tally.n, value, suppressed: false };
  });
}
