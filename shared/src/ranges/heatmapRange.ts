import { SymError } from "../errors";
import { DEFAULT_MODEL } from "../model/defaultModel";
import { normaliseHeader } from "../model/headers";
import type { Model, Scale } from "../model/schemas";
import type { CellTable } from "../heatmap/cellTable";
import type { HeatmapGrouping } from "../heatmap/groupings";
import { computeHeatmap, type HeatmapGroup } from "../heatmap/heatmap";
import { declaredShape, rangeShape, type CellRange } from "./cells";
import { readRecommendationAt } from "./recommendationRange";
import { respondentScoresOfRange } from "./scoreRange";
import { checkMinimumAnswers } from "./threshold";

/** Which grouping a heat map spills; the others are still suppressed with it. */
export type HeatmapView = "unit" | "manager" | "type";

const VIEW_WORDS: Record<string, HeatmapView> = {
  unit: "unit",
  units: "unit",
  unite: "unit",
  unites: "unit",
  manager: "manager",
  managers: "manager",
  responsable: "manager",
  type: "type",
  "unit type": "type",
  "type d'unite": "type",
};

/**
 * Reads `by`: "unit", "manager" or "type" (French "unité", "responsable" too), any case, or
 * several separated by commas ("unit, type"), each once, in the order given.
 */
export function parseHeatmapViews(by: unknown): HeatmapView[] {
  const views: HeatmapView[] = [];
  for (const part of (typeof by === "string" ? by : "").split(",")) {
    const view = VIEW_WORDS[normaliseHeader(part).replace(/_/g, " ")];
    if (!view || views.includes(view)) {
      throw new SymError(
        "invalid-argument",
        `by must be "unit", "manager", "type" or several of them separated by commas, got ${JSON.stringify(by)}`,
        {
          value: by,
        },
      );
    }
    views.push(view);
  }
  return views;
}

/**
 * Unit-type words as people write them in a Units sheet, folded as headers are (case, accents),
 * to the model's attribute ids (`front-office`, `support`): the id, the id with spaces, the French
 * and English labels; "back office" also means `support`.
 */
export function unitTypeIndex(model: Model = DEFAULT_MODEL): Map<string, string> {
  const index = new Map<string, string>();
  for (const attribute of model.unitAttributes) {
    for (const name of [attribute.id, attribute.id.replace(/-/g, " "), attribute.label.fr, attribute.label.en])
      index.set(normaliseHeader(name), attribute.id);
  }
  if (index.has("support")) for (const name of ["back office", "back-office", "backoffice"]) index.set(name, "support");
  return index;
}

export interface HeatmapOfRangesInput {
  /** The groupings to spill, one after another. */
  readonly by: readonly HeatmapView[];
  /** Unit of each respondent (one column, aligned with the answers); null when the data has none. */
  readonly units: CellRange | null;
  /** Manager of each respondent (one column, aligned); null when the data has none. */
  readonly managers: CellRange | null;
  /** Two columns, unit then type (front office / support), one row per unit; null when none. */
  readonly unitTypes: CellRange | null;
  /** The 0–10 recommendation answer of each respondent (one column, aligned); null for no eNPS. */
  readonly recommendation: CellRange | null;
  /** One answer matrix per dimension (rows: respondents, columns: that dimension's items); none for n and eNPS only. */
  readonly answers: readonly CellRange[];
  readonly scale: Scale;
  readonly minimum: number;
}

/** A heat map spilled from ranges: per view, its groups in label order, scores in the order of `answers`. */
export interface HeatmapOfRanges {
  readonly maps: readonly { readonly by: HeatmapView; readonly groups: readonly HeatmapGroup[] }[];
}

function label(cell: unknown): string {
  if (cell === null || cell === undefined) return "";
  return String(cell).trim();
}

function oneColumn(range: CellRange, argument: string, rows: number): void {
  const shape = rangeShape(range, argument);
  if (shape.columns !== 1 || shape.rows !== rows) {
    throw new SymError(
      "shape-mismatch",
      `${argument} must be one column with one row per respondent (${rows}), got ${shape.rows} × ${shape.columns}`,
      { value: shape },
    );
  }
}

/** Unit → type id from the two-column table; a type the model does not know is refused, naming it. */
function typesOfUnits(table: CellRange): Map<string, string> {
  const shape = rangeShape(table, "unit_types");
  if (shape.columns !== 2) {
    throw new SymError("shape-mismatch", `unit_types must be two columns (unit, type), got ${shape.columns}`, { value: shape });
  }
  const index = unitTypeIndex();
  const types = new Map<string, string>();
  table.forEach((row, position) => {
    const unit = label(row[0]);
    const written = label(row[1]);
    if (unit === "" || written === "") return;
    const type = index.get(normaliseHeader(written));
    if (!type) {
      throw new SymError(
        "invalid-argument",
        `unit_types row ${position + 1}: ${JSON.stringify(written)} is not a unit type (front office or support)`,
        { row: position + 1, value: written },
      );
    }
    types.set(unit, type);
  });
  return types;
}

/**
 * The heat map of a survey's ranges (docs/domain.md#heat-map): per group of `by` and per dimension,
 * the employee score (mean of respondent scores, docs/domain.md#group-score), n and eNPS. Every
 * grouping the ranges carry (units, managers, unit types) is suppressed jointly
 * (docs/domain.md#joint-suppression), whichever one is spilled: calls that differ only in `by`
 * hide the same groups, so a sheet that shows the units, the managers and the types of the same
 * data gives nothing away by differencing them.
 *
 * @throws SymError shape-mismatch for a range not aligned with the answers, invalid-argument for a
 *   threshold below 5, a grouping the data lack, more than 2,000 groups or an unknown unit type
 */
export function heatmapOfRanges(input: HeatmapOfRangesInput): HeatmapOfRanges {
  const minimum = checkMinimumAnswers(input.minimum, "HEATMAP");
  // Without answers the map is n and eNPS only; its hidden groups are those of the full map,
  // since people are decided on respondent counts alone and the eNPS on its answers alone.
  const first = input.answers[0] ?? input.units ?? input.managers;
  if (!first) throw new SymError("invalid-argument", "HEATMAP requires the units or the managers");
  const rows = declaredShape(first, input.answers.length > 0 ? "answers 1" : input.units ? "units" : "managers").rows;
  const scores = input.answers.map((range, position) => {
    const argument = `answers ${position + 1}`;
    if (declaredShape(range, argument).rows !== rows) {
      throw new SymError(
        "shape-mismatch",
        `${argument} has ${range.length} rows, answers 1 has ${rows}: every range must have one row per respondent`,
      );
    }
    return respondentScoresOfRange(range, input.scale, false, argument);
  });
  if (input.units) oneColumn(input.units, "units", rows);
  if (input.managers) oneColumn(input.managers, "managers", rows);
  if (input.recommendation) oneColumn(input.recommendation, "recommendation", rows);
  const types = input.unitTypes ? typesOfUnits(input.unitTypes) : undefined;
  const wants = (view: HeatmapView) => input.by.includes(view);
  if ((wants("unit") || wants("type")) && !input.units) throw new SymError("invalid-argument", "HEATMAP by unit or type needs the units");
  if (wants("manager") && !input.managers) throw new SymError("invalid-argument", "HEATMAP by manager needs the managers");
  if (wants("type") && (!types || types.size === 0)) throw new SymError("invalid-argument", "HEATMAP by type needs unit_types");

  const table = cellTableOf(rows, input, scores);
  const groupings: Record<HeatmapView, HeatmapGrouping | undefined> = {
    unit: input.units ? { by: "unit", key: "unit", known: true } : undefined,
    manager: input.managers ? { by: "manager", key: "manager", known: true } : undefined,
    type: types ? { by: "type", key: "unit", relabel: types } : undefined,
  };
  const published = Object.values(groupings).filter((grouping): grouping is HeatmapGrouping => grouping !== undefined);
  // A grouping spilled from cells is held to the 2,000-group limit (an identifier is no group).
  const shown = input.by.map((view) => ({ ...groupings[view]!, known: false }));
  const heatmap = computeHeatmap(table, undefined, shown, {
    minGroupSize: minimum,
    dimensions: table.dimensions,
    alsoPublished: published.filter((grouping) => !input.by.includes(grouping.by as HeatmapView)),
  });
  const maps = heatmap.heatmap.map((entry) => {
    if (entry.groups.length === 0) throw new SymError("too-few-values", `HEATMAP by ${entry.by}: no respondent has a ${entry.by}`);
    return { by: entry.by as HeatmapView, groups: entry.groups };
  });
  return { maps };
}

/** One cell per distinct (unit, manager) pair, with the sums `CellTable` keeps. */
function cellTableOf(rows: number, input: HeatmapOfRangesInput, scores: readonly Float64Array[]): CellTable {
  const dimensionCount = scores.length;
  const cellOf = new Map<string, number>();
  const units: string[] = [];
  const managers: string[] = [];
  const respondents: number[] = [];
  const answers = [[], [], []] as number[][];
  const counts: number[] = [];
  const sums: number[] = [];
  const squares: number[] = [];
  for (let row = 0; row < rows; row++) {
    const unit = input.units ? label(input.units[row][0]) : "";
    const manager = input.managers ? label(input.managers[row][0]) : "";
    const key = JSON.stringify([unit, manager]);
    let cell = cellOf.get(key);
    if (cell === undefined) {
      cell = units.length;
      cellOf.set(key, cell);
      units.push(unit);
      managers.push(manager);
      respondents.push(0);
      for (const list of answers) list.push(0);
      for (let dimension = 0; dimension < dimensionCount; dimension++) {
        counts.push(0);
        sums.push(0);
        squares.push(0);
      }
    }
    respondents[cell] += 1;
    if (input.recommendation) {
      const answer = readRecommendationAt(input.recommendation[row][0], "recommendation", row + 1, 1);
      if (answer === answer) answers[answer >= 9 ? 0 : answer >= 7 ? 1 : 2][cell] += 1; // promoter, passive, detractor
    }
    for (let dimension = 0; dimension < dimensionCount; dimension++) {
      const score = scores[dimension][row];
      if (score !== score) continue;
      const index = cell * dimensionCount + dimension;
      counts[index] += 1;
      sums[index] += score - 50;
      squares[index] += (score - 50) * (score - 50);
    }
  }
  return {
    dimensions: scores.map((_, position) => String(position + 1)),
    keyNames: ["unit", "manager"],
    keys: [units, managers],
    respondents: Float64Array.from(respondents),
    promoters: Float64Array.from(answers[0]),
    passives: Float64Array.from(answers[1]),
    detractors: Float64Array.from(answers[2]),
    counts: Float64Array.from(counts),
    shiftedSums: Float64Array.from(sums),
    shiftedSquares: Float64Array.from(squares),
  };
}
