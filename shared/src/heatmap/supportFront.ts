import { SymError } from "../errors";
import { gapStatus } from "../gap/status";
import { welchGapTest } from "../gap/welch";
import type { GapStatus } from "../model/schemas";
import { sumCells, type CellTable } from "./cellTable";
import type { HeatmapGrouping } from "./groupings";
import { decideOutput } from "./heatmap";

/** The unit type ids compared (the default model's unit attributes). */
export const FRONT_OFFICE = "front-office";
export const SUPPORT = "support";

export interface TypeScore {
  score: number | null;
  /** People of that type; null when the type is hidden ("fewer than N"). */
  n: number | null;
}

export interface SupportVersusFrontRow {
  id: string;
  front: TypeScore;
  support: TypeScore;
  /** Support − front office, points on 0–100. */
  difference: number | null;
  low: number | null;
  high: number | null;
  p: number | null;
  status: GapStatus;
}

export interface SupportVersusFront {
  dimensions: SupportVersusFrontRow[];
}

export interface SupportVersusFrontOptions {
  readonly minGroupSize: number;
  readonly dimensions: readonly string[];
  readonly gapThreshold: number;
  readonly alpha: number;
  readonly confidence?: number;
  /** Every other grouping of the same output, for joint suppression (see `computeHeatmap`). */
  readonly alsoPublished?: readonly HeatmapGrouping[];
}

/**
 * Support versus front office (docs/domain.md#support-front; the article on recognising support staff: support and back-office staff are the most
 * often forgotten): per dimension, the employee score of support units against front-office
 * units, Welch t on respondent scores (Welch–Satterthwaite df), CI of the difference
 * support − front, two-sided p, and the gap rule's status (alert when |difference| ≥ threshold
 * and p < α, watch when only the size is reached). `types` maps each unit to its type; both
 * types are suppressed jointly with everything else the output shows.
 *
 * Undefined when the units carry no support or no front-office type.
 */
export function supportVersusFront(
  employees: CellTable,
  types: HeatmapGrouping,
  options: SupportVersusFrontOptions,
): SupportVersusFront | undefined {
  const { decisions, all } = decideOutput(employees, [types, ...(options.alsoPublished ?? [])], options.minGroupSize);
  const position = all.findIndex((grouping) => grouping.by === types.by && grouping.key === types.key);
  const laid = decisions.groupings[position];
  const front = laid.labels.indexOf(FRONT_OFFICE);
  const support = laid.labels.indexOf(SUPPORT);
  if (front < 0 || support < 0) return undefined;
  const sums = sumCells(employees, laid.groupOf, laid.labels.length);
  const rows: SupportVersusFrontRow[] = [];
  for (const id of options.dimensions) {
    const dimension = employees.dimensions.indexOf(id);
    if (dimension < 0) continue;
    const shown = (group: number) =>
      !decisions.people.hidden[position][group] &&
      !decisions.dimensions[dimension].hidden[position][group] &&
      sums[group].dimensions[dimension].n > 0;
    const score = (group: number): TypeScore => ({
      score: shown(group) ? sums[group].dimensions[dimension].mean : null,
      n: decisions.people.hidden[position][group] ? null : sums[group].respondents,
    });
    const row: SupportVersusFrontRow = {
      id,
      front: score(front),
      support: score(support),
      difference: null,
      low: null,
      high: null,
      p: null,
      status: "suppressed",
    };
    if (row.front.score !== null && row.support.score !== null) {
      row.difference = row.support.score - row.front.score;
      try {
        const test = welchGapTest(sums[support].dimensions[dimension], sums[front].dimensions[dimension], options.confidence ?? 0.95);
        row.low = test.low;
        row.high = test.high;
        row.p = test.p;
      } catch (error) {
        // Constant scores or a type of one respondent: the difference stands, its test does not.
        if (!(error instanceof SymError) || (error.code !== "zero-variance" && error.code !== "too-few-values")) throw error;
      }
      row.status = gapStatus(row.difference, row.p, options.gapThreshold, options.alpha);
    }
    rows.push(row);
  }
  return { dimensions: rows };
}
