import { SymError } from "../errors";

/** The default confidentiality threshold for scores (Viva Glint, Culture Amp, Lattice, Dayforce: 5). */
export const DEFAULT_MIN_GROUP_SIZE = 5;

/**
 * The lowest confidentiality threshold any setting may hold: a model, a workbook's mapping part, a
 * job or a command-line option can raise the threshold, never lower it under 5 (docs/domain.md#confidentiality: a 2-person unit at eNPS −100 reveals both answers).
 */
export const CONFIDENTIALITY_FLOOR = DEFAULT_MIN_GROUP_SIZE;

export interface GroupCount {
  readonly group: string;
  readonly n: number;
}

export type SuppressionReason = "below-threshold" | "complementary";

export interface SuppressionDecision {
  readonly group: string;
  readonly n: number;
  readonly suppressed: boolean;
  readonly reason?: SuppressionReason;
}

/**
 * Confidentiality with complementary suppression. Primary: every group under the threshold is
 * hidden. Complementary: when the total of all groups is shown, the hidden groups can be
 * recovered by subtraction, so while the hidden set is a single group, or holds fewer than
 * `threshold` people together, the smallest visible group is hidden too. Then subtraction only
 * ever yields an aggregate of at least `threshold` people spread over two or more groups.
 * Groups of nobody are hidden but call for no cover.
 * (Same rule as statistical offices' cell suppression, applied to one level of grouping.)
 *
 * @example suppressGroups([{group:"A",n:3},{group:"B",n:8},{group:"C",n:20}])
 *   // A below-threshold, B complementary, C shown
 */
export function suppressGroups(groups: readonly GroupCount[], threshold = DEFAULT_MIN_GROUP_SIZE): SuppressionDecision[] {
  if (!(Number.isInteger(threshold) && threshold >= 1)) {
    throw new SymError("invalid-argument", `suppressGroups requires a whole threshold of 1 or more, got ${threshold}`, {
      value: threshold,
    });
  }
  groups.forEach((group, index) => {
    if (!(Number.isInteger(group.n) && group.n >= 0)) {
      throw new SymError(
        "invalid-argument",
        `suppressGroups requires whole group sizes of 0 or more, got ${group.n} for ${JSON.stringify(group.group)} at position ${index + 1}`,
        {
          value: group.n,
          row: index + 1,
        },
      );
    }
  });
  const reasons = new Map<number, SuppressionReason>();
  groups.forEach((group, index) => {
    if (group.n < threshold) reasons.set(index, "below-threshold");
  });
  // Groups of nobody are hidden (there is no figure to show) but reveal nothing by subtraction,
  // so they neither call for nor count as complementary cover.
  const peopleGroups = groups.filter((group) => group.n > 0).length;
  const hidden = () => [...reasons.keys()].filter((index) => groups[index].n > 0);
  const hiddenTotal = () => hidden().reduce((sum, index) => sum + groups[index].n, 0);
  while (hidden().length > 0 && hidden().length < peopleGroups && (hidden().length === 1 || hiddenTotal() < threshold)) {
    let smallest = -1;
    groups.forEach((group, index) => {
      if (!reasons.has(index) && (smallest < 0 || group.n < groups[smallest].n)) smallest = index;
    });
    reasons.set(smallest, "complementary");
  }
  return groups.map((group, index) => ({
    group: group.group,
    n: group.n,
    suppressed: reasons.has(index),
    ...(reasons.has(index) ? { reason: reasons.get(index) } : {}),
  }));
}

/** True when a figure about `n` people may be shown. */
export function isShowable(n: number, threshold = DEFAULT_MIN_GROUP_SIZE): boolean {
  return n >= threshold;
}
