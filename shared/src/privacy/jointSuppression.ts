import { SymError } from "../errors";

/**
 * One grouping of respondents published in an output (units, managers, unit types, an attribute
 * column, a unit in one wave…), over the output's *cells*: a cell is one combination of every
 * grouping's label, so each grouping's group is a set of cells. `groupOf[cell]` is the cell's group
 * (0 … groupCount − 1), or −1 when the cell's respondents have no label in this grouping.
 */
export interface CellGrouping {
  readonly groupOf: ArrayLike<number>;
  readonly groupCount: number;
}

export type JointSuppressionReason = "below-threshold" | "complementary" | "forced";

export interface JointSuppressionOptions {
  /** Groups already hidden (per grouping, per group): by a coarser pass, or by the caller. */
  readonly forced?: readonly (readonly boolean[])[];
}

export interface JointSuppression {
  /** `hidden[grouping][group]`: the group's figures (count and every mean) must not be shown. */
  readonly hidden: boolean[][];
  readonly reasons: (JointSuppressionReason | undefined)[][];
  /** False when the whole output concerns fewer than the threshold: nothing may be shown. */
  readonly totalShown: boolean;
}

interface GroupingState {
  readonly groupOf: ArrayLike<number>;
  /** Group `groupCount` is the cells without a label: never published, protected like a hidden group. */
  readonly unlabelled: number;
  readonly cells: Int32Array[];
  readonly counts: Float64Array;
  readonly hidden: Uint8Array;
  readonly reasons: (JointSuppressionReason | undefined)[];
  /** Scratch: cells of the current set in each group, and the groups touched. */
  readonly inside: Int32Array;
}

/**
 * Confidentiality across every grouping shown together (docs/domain.md#joint-suppression): no figure
 * about fewer than `threshold` people, and no hidden figure recoverable by differencing what is
 * published — the total and each visible group of any grouping. A published sum is n × mean, so
 * what protects a count protects every mean built on the same people.
 *
 * Primary suppression hides each group of 1 … threshold − 1 people. Then, until nothing changes,
 * for every published set A (the total, each visible group) and every other grouping g, the
 * differencing an adversary can do is checked at two levels:
 * - one level: R = A − the visible groups of g that lie wholly inside A (parent − visible
 *   children; total − visible groups; pooled − other waves, when a wave × group grouping is given);
 * - two levels: R − the visible groups of a third grouping that lie wholly inside R.
 * A remainder leaks when it concerns 1 … threshold − 1 people, or is exactly one hidden group.
 * The remedy hides the smallest visible group subtracted (the usual complementary suppression of
 * statistical offices' tables), or A itself when it had none. Cells without a label in a grouping
 * form an unpublished group there, protected the same way.
 *
 * Cost per pass: O(cells × groupings³); passes ≤ hidden groups + 1.
 *
 * @param cellCounts people per cell (whole numbers ≥ 0)
 * @example two units of 12 and 3 people, one manager each but U1 has two (M1: 8, M2: 4):
 *   U2 hidden (3 < 5), U1 hidden as its cover against the total, M2 hidden (4 < 5), M1 hidden as
 *   its cover against U1… every figure but the total.
 */
export function jointSuppression(
  cellCounts: ArrayLike<number>,
  groupings: readonly CellGrouping[],
  threshold: number,
  options: JointSuppressionOptions = {},
): JointSuppression {
  if (!(Number.isInteger(threshold) && threshold >= 1)) {
    throw new SymError("invalid-argument", `jointSuppression requires a whole threshold of 1 or more, got ${threshold}`, {
      value: threshold,
    });
  }
  const cellCount = cellCounts.length;
  for (let cell = 0; cell < cellCount; cell++) {
    const n = cellCounts[cell];
    if (!(Number.isInteger(n) && n >= 0)) {
      throw new SymError("invalid-argument", `jointSuppression requires whole cell counts of 0 or more, got ${n} at cell ${cell + 1}`, {
        value: n,
        row: cell + 1,
      });
    }
  }
  const states = groupings.map((grouping, index) => groupingState(grouping, index, cellCounts, options.forced?.[index]));
  const populated: number[] = [];
  let total = 0;
  for (let cell = 0; cell < cellCount; cell++) {
    if (cellCounts[cell] > 0) populated.push(cell);
    total += cellCounts[cell];
  }
  const totalShown = total >= threshold;
  if (!totalShown) {
    for (const state of states) state.hidden.fill(1);
  }
  for (const state of states) {
    for (let group = 0; group < state.unlabelled; group++) {
      if (!state.hidden[group] && state.counts[group] > 0 && state.counts[group] < threshold) hide(state, group, "below-threshold");
    }
  }
  const audit = new Audit(states, cellCounts, threshold);
  let changed = totalShown;
  while (changed) {
    changed = false;
    if (audit.checkSet(Int32Array.from(populated), -1, -1)) changed = true;
    for (let index = 0; index < states.length; index++) {
      const state = states[index];
      for (let group = 0; group < state.unlabelled; group++) {
        if (state.hidden[group] || state.counts[group] === 0) continue;
        if (audit.checkSet(state.cells[group], index, group)) changed = true;
      }
    }
  }
  return {
    hidden: states.map((state) => Array.from(state.hidden.subarray(0, state.unlabelled), (flag) => flag === 1)),
    reasons: states.map((state) => state.reasons.slice(0, state.unlabelled)),
    totalShown,
  };
}

function groupingState(
  grouping: CellGrouping,
  index: number,
  cellCounts: ArrayLike<number>,
  forced: readonly boolean[] | undefined,
): GroupingState {
  const { groupOf, groupCount } = grouping;
  if (groupOf.length !== cellCounts.length) {
    throw new SymError(
      "invalid-argument",
      `jointSuppression requires one group per cell in grouping ${index + 1}, got ${groupOf.length} for ${cellCounts.length} cells`,
    );
  }
  const lists: number[][] = Array.from({ length: groupCount + 1 }, () => []);
  const counts = new Float64Array(groupCount + 1);
  for (let cell = 0; cell < groupOf.length; cell++) {
    const group = groupOf[cell];
    if (!(Number.isInteger(group) && group >= -1 && group < groupCount)) {
      throw new SymError(
        "invalid-argument",
        `jointSuppression: cell ${cell + 1} of grouping ${index + 1} names group ${group}, outside 0…${groupCount - 1}`,
        { value: group },
      );
    }
    if (cellCounts[cell] === 0) continue;
    const slot = group < 0 ? groupCount : group;
    lists[slot].push(cell);
    counts[slot] += cellCounts[cell];
  }
  const hidden = new Uint8Array(groupCount + 1);
  hidden[groupCount] = 1; // the unlabelled cells are never published
  const reasons: (JointSuppressionReason | undefined)[] = new Array(groupCount + 1).fill(undefined);
  forced?.forEach((flag, group) => {
    if (flag && group < groupCount) {
      hidden[group] = 1;
      reasons[group] = "forced";
    }
  });
  return {
    groupOf,
    unlabelled: groupCount,
    cells: lists.map((list) => Int32Array.from(list)),
    counts,
    hidden,
    reasons,
    inside: new Int32Array(groupCount + 1),
  };
}

function hide(state: GroupingState, group: number, reason: JointSuppressionReason): void {
  state.hidden[group] = 1;
  state.reasons[group] = reason;
}

/** The adversary's differencing, run on one published set at a time; hides a cover when it leaks. */
class Audit {
  /** Scratch marks: 1 = cell of the current set, 2 = taken away at level one, 3 = at level two. */
  private readonly marks: Uint8Array;

  constructor(
    private readonly states: readonly GroupingState[],
    private readonly cellCounts: ArrayLike<number>,
    private readonly threshold: number,
  ) {
    this.marks = new Uint8Array(cellCounts.length);
  }

  /** Checks A (its cells; `grouping`/`group` = −1 for the total). Returns true when it hid something. */
  checkSet(cells: Int32Array, grouping: number, group: number): boolean {
    const { states, marks } = this;
    for (let index = 0; index < states.length; index++) {
      if (index === grouping) continue;
      const children = this.visibleInside(cells, states[index]);
      for (const child of children) for (const cell of states[index].cells[child]) marks[cell] = 1;
      const rest = this.remainder(cells);
      for (const child of children) for (const cell of states[index].cells[child]) marks[cell] = 0;
      if (rest.length === 0) continue;
      if (this.leaks(rest) && this.cover(children, states[index], grouping, group)) return true;
      for (let second = 0; second < states.length; second++) {
        if (second === index || second === grouping) continue;
        const grandchildren = this.visibleInside(rest, states[second]);
        if (grandchildren.length === 0) continue;
        for (const child of grandchildren) for (const cell of states[second].cells[child]) marks[cell] = 1;
        const deeper = this.remainder(rest);
        for (const child of grandchildren) for (const cell of states[second].cells[child]) marks[cell] = 0;
        if (deeper.length > 0 && this.leaks(deeper) && this.cover(grandchildren, states[second], grouping, group)) return true;
      }
    }
    return false;
  }

  /** Visible groups of `state` whose every cell is in `cells`. */
  private visibleInside(cells: Int32Array, state: GroupingState): number[] {
    const touched: number[] = [];
    for (const cell of cells) {
      const raw = state.groupOf[cell];
      const slot = raw < 0 ? state.unlabelled : raw;
      if (state.inside[slot] === 0) touched.push(slot);
      state.inside[slot] += 1;
    }
    const inside: number[] = [];
    for (const slot of touched) {
      if (!state.hidden[slot] && state.inside[slot] === state.cells[slot].length) inside.push(slot);
      state.inside[slot] = 0;
    }
    return inside;
  }

  /** The cells of `cells` not marked as taken away. */
  private remainder(cells: Int32Array): Int32Array {
    const rest: number[] = [];
    for (const cell of cells) if (this.marks[cell] === 0) rest.push(cell);
    return Int32Array.from(rest);
  }

  /** A remainder about 1 … threshold − 1 people, or exactly one hidden group of any grouping. */
  private leaks(rest: Int32Array): boolean {
    let people = 0;
    for (const cell of rest) people += this.cellCounts[cell];
    if (people === 0) return false;
    if (people < this.threshold) return true;
    for (const state of this.states) {
      const raw = state.groupOf[rest[0]];
      if (raw < 0) continue; // unlabelled people of threshold or more: not a hidden group's figure
      if (!state.hidden[raw] || state.cells[raw].length !== rest.length) continue;
      let same = true;
      for (const cell of rest) {
        if (state.groupOf[cell] !== raw) {
          same = false;
          break;
        }
      }
      if (same) return true;
    }
    return false;
  }

  /**
   * Hides the smallest of `candidates` (visible groups that were subtracted), else the set itself.
   * The total with nothing subtracted is the total: a hidden group of all the people reveals only
   * the published total, so there is nothing to hide (returns false).
   */
  private cover(candidates: readonly number[], state: GroupingState, grouping: number, group: number): boolean {
    let smallest = -1;
    for (const candidate of candidates) {
      // Ties go to the first group in label order, never to the order cells arrived in.
      if (
        smallest < 0 ||
        state.counts[candidate] < state.counts[smallest] ||
        (state.counts[candidate] === state.counts[smallest] && candidate < smallest)
      )
        smallest = candidate;
    }
    if (smallest >= 0) hide(state, smallest, "complementary");
    else if (grouping >= 0) hide(this.states[grouping], group, "complementary");
    else return false;
    return true;
  }
}
