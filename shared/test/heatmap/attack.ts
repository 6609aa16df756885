/**
 * The adversary's differencing (see adversary.test.ts), shared with the add-in's test of
 * SYM.HEATMAP: every figure an output publishes, every single- and two-level difference.
 */
import type { Heatmap } from "@symmetry/engine";
import type { Respondent } from "./organisation";

interface PublishedSet {
  name: string;
  members: number[];
  n: number;
  /** Σ culture score of its members, as n × mean: what differencing a mean recovers. */
  cultureSum: number;
}

export function membersOf(respondents: readonly Respondent[], labelOf: (person: Respondent) => string, label: string): number[] {
  const members: number[] = [];
  respondents.forEach((person, index) => {
    if (labelOf(person) === label) members.push(index);
  });
  return members;
}

const keyOf = (members: readonly number[]) => members.join(",");

/** Every leak the adversary finds in `output` (empty when the output is safe). */
export function attack(
  respondents: readonly Respondent[],
  output: Heatmap,
  labelOf: Record<string, (person: Respondent) => string>,
  threshold: number,
): string[] {
  const score = (person: Respondent) => (100 * (person.answers[0] - 1)) / 4;
  const visible: Record<string, PublishedSet[]> = {};
  const hidden = new Map<string, string>();
  for (const entry of output.heatmap) {
    visible[entry.by] = [];
    for (const group of entry.groups) {
      const members = membersOf(respondents, labelOf[entry.by], group.group);
      if (group.suppressed) {
        expect(group.n).toBeNull();
        expect(group.dimensions.every((cell) => cell.employee === null)).toBe(true);
        hidden.set(keyOf(members), `${entry.by} ${group.group}`);
        continue;
      }
      const culture = group.dimensions.find((cell) => cell.id === "culture")!;
      visible[entry.by].push({ name: `${entry.by} ${group.group}`, members, n: group.n!, cultureSum: group.n! * culture.employee! });
    }
  }
  const everyone = respondents.map((_, index) => index);
  const total: PublishedSet = {
    name: "total",
    members: everyone,
    n: respondents.length,
    cultureSum: respondents.reduce((sum, person) => sum + score(person), 0),
  };
  const leaks: string[] = [];
  const judge = (description: string, rest: number[], n: number, cultureSum: number) => {
    if (rest.length === 0) return;
    // The published figures alone give the remainder's count and sum: check they describe these people.
    expect(n).toBe(rest.length);
    expect(cultureSum).toBeCloseTo(
      rest.reduce((sum, index) => sum + score(respondents[index]), 0),
      6,
    );
    if (rest.length < threshold) leaks.push(`${description}: ${rest.length} people`);
    else if (rest.length < respondents.length && hidden.has(keyOf(rest))) leaks.push(`${description} = hidden ${hidden.get(keyOf(rest))}`);
  };
  const subtractInside = (from: { members: number[]; n: number; cultureSum: number }, groups: readonly PublishedSet[]) => {
    const inside = new Set(from.members);
    const taken = groups.filter((group) => group.members.every((member) => inside.has(member)));
    const gone = new Set(taken.flatMap((group) => group.members));
    return {
      taken,
      members: from.members.filter((member) => !gone.has(member)),
      n: from.n - taken.reduce((sum, group) => sum + group.n, 0),
      cultureSum: from.cultureSum - taken.reduce((sum, group) => sum + group.cultureSum, 0),
    };
  };
  const groupings = Object.keys(visible);
  const parents: [string | undefined, PublishedSet][] = [
    [undefined, total],
    ...groupings.flatMap((by) => visible[by].map((set) => [by, set] as [string, PublishedSet])),
  ];
  for (const [ownGrouping, parent] of parents) {
    for (const first of groupings) {
      if (first === ownGrouping) continue;
      const once = subtractInside(parent, visible[first]);
      judge(`${parent.name} − visible ${first}`, once.members, once.n, once.cultureSum);
      for (const second of groupings) {
        if (second === first || second === ownGrouping) continue;
        const twice = subtractInside(once, visible[second]);
        if (twice.taken.length === 0) continue;
        judge(`${parent.name} − visible ${first} − visible ${second}`, twice.members, twice.n, twice.cultureSum);
      }
    }
  }
  return leaks;
}
