import { SymError } from "../errors";
import type { CellTable } from "./cellTable";
import { cellKey } from "./cellTable";

/** A grouping column with more distinct values than this is refused: it is an identifier, not a group. */
export const MAX_GROUPS = 2000;

/** How a heat map groups respondents: by one cell label, optionally relabelled (unit → unit type). */
export interface HeatmapGrouping {
  /** The name shown in the output: `unit`, `type`, `manager`, or the attribute column's header. */
  readonly by: string;
  /** The cell label it reads (`unit`, `manager`, `wave`, an attribute column). */
  readonly key: string;
  /** Maps each label to its group (unit → unit type); a label it lacks belongs to no group. */
  readonly relabel?: ReadonlyMap<string, string>;
  /**
   * A grouping the data names by role (units, managers): as many groups as the organisation has,
   * never refused for their number. An attribute column is refused over `MAX_GROUPS` (an identifier).
   */
  readonly known?: boolean;
}

/** A grouping laid over a table's cells: groups sorted by label, so row order never matters. */
export interface ResolvedGrouping {
  readonly by: string;
  readonly labels: string[];
  readonly groupOf: Int32Array;
}

/** Something about a grouping's values that the user should see; never a figure. */
export type GroupingNote =
  | { readonly by: string; readonly kind: "single-group"; readonly group: string }
  | { readonly by: string; readonly kind: "possible-typo"; readonly spellings: readonly string[] };

/** Label order of every output: numeric-aware, so "Store 2" comes before "Store 10". */
export function compareLabels(left: string, right: string): number {
  return left.localeCompare(right, "en", { numeric: true });
}

/**
 * Lays a grouping over the cells of `table`. Undefined when the table lacks the label (customers
 * carry no manager), so the caller can leave that side empty.
 *
 * @throws SymError invalid-argument when an attribute grouping (not `known`) has more than
 *   `MAX_GROUPS` distinct values, with the count
 */
export function resolveGrouping(table: CellTable, grouping: HeatmapGrouping): ResolvedGrouping | undefined {
  const values = cellKey(table, grouping.key);
  if (!values) return undefined;
  const labelOf = (value: string): string => (value === "" ? "" : grouping.relabel ? (grouping.relabel.get(value) ?? "") : value);
  const distinct = new Set<string>();
  for (const value of values) {
    const label = labelOf(value);
    if (label !== "") distinct.add(label);
  }
  if (!grouping.known && distinct.size > MAX_GROUPS) {
    throw new SymError(
      "invalid-argument",
      `the grouping ${JSON.stringify(grouping.by)} has ${distinct.size} distinct values, more than the ${MAX_GROUPS} a heat map can show: is it an identifier column?`,
      { value: distinct.size, columnName: grouping.by },
    );
  }
  const labels = [...distinct].sort(compareLabels);
  const index = new Map(labels.map((label, position) => [label, position]));
  const groupOf = Int32Array.from(values, (value) => {
    const label = labelOf(value);
    return label === "" ? -1 : index.get(label)!;
  });
  return { by: grouping.by, labels, groupOf };
}

/**
 * What to tell the user about a grouping's values: one group only (every respondent shares the
 * value, so a map would say nothing), and labels equal but for case or spaces (`Lyon` and
 * `lyon `): a likely typo, with both spellings.
 */
export function groupingNotes(grouping: ResolvedGrouping): GroupingNote[] {
  const notes: GroupingNote[] = [];
  if (grouping.labels.length === 1) notes.push({ by: grouping.by, kind: "single-group", group: grouping.labels[0] });
  const spellings = new Map<string, string[]>();
  for (const label of grouping.labels) {
    const folded = label.toLocaleLowerCase("en").replace(/\s+/g, " ").trim();
    const list = spellings.get(folded) ?? [];
    list.push(label);
    spellings.set(folded, list);
  }
  for (const list of spellings.values()) if (list.length > 1) notes.push({ by: grouping.by, kind: "possible-typo", spellings: list });
  return notes;
}
