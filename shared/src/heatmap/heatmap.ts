import { SymError } from "../errors";
import { netPromoterScore } from "../nps/nps";
import { jointSuppression, type JointSuppression } from "../privacy/jointSuppression";
import { sumCells, type CellSums, type CellTable } from "./cellTable";
import { groupingNotes, resolveGrouping, type GroupingNote, type HeatmapGrouping, type ResolvedGrouping } from "./groupings";

/** One dimension of one group: scores 0–100 and the gap in points; null where hidden or absent. */
export interface HeatmapCell {
  id: string;
  employee: number | null;
  customer: number | null;
  gap: number | null;
}

/** One group of a heat map. A hidden group shows no count (`n: null`: "fewer than N") and no figure. */
export interface HeatmapGroup {
  group: string;
  n: number | null;
  suppressed: boolean;
  /** eNPS of the group, null when hidden or without enough answers. */
  enps: number | null;
  dimensions: HeatmapCell[];
}

export interface HeatmapEntry {
  by: string;
  groups: HeatmapGroup[];
}

export interface Heatmap {
  heatmap: HeatmapEntry[];
  notes: GroupingNote[];
  minGroupSize: number;
}

export interface HeatmapOptions {
  readonly minGroupSize: number;
  /** Dimension ids in the order to show them (the model's); ids absent from the data are skipped. */
  readonly dimensions: readonly string[];
  /**
   * Groupings published elsewhere in the same output (eNPS by unit and manager, the support
   * block's unit types): suppressed jointly with the shown ones, but not mapped.
   */
  readonly alsoPublished?: readonly HeatmapGrouping[];
}

/** Decisions of one output: people (level one), then each statistic on its own counts (level two). */
export interface OutputConfidentiality {
  readonly groupings: ResolvedGrouping[];
  readonly people: JointSuppression;
  /** Per dimension (table order): a dimension mean is shown only where this keeps it visible. */
  readonly dimensions: JointSuppression[];
  /** eNPS answers. */
  readonly enps: JointSuppression;
}

/**
 * Confidentiality of everything an output shows about `groupings` (docs/domain.md#joint-suppression):
 * first on people (a group's n and its figures), all groupings jointly; then, with the hidden
 * groups kept hidden, again on the counts behind each statistic (the respondents who answered a
 * dimension, the eNPS answers), because a sum n_d × mean_d can be differenced like a count.
 */
export function outputConfidentiality(
  table: CellTable,
  groupings: readonly ResolvedGrouping[],
  minGroupSize: number,
): OutputConfidentiality {
  const cellGroupings = groupings.map((grouping) => ({ groupOf: grouping.groupOf, groupCount: grouping.labels.length }));
  const people = jointSuppression(table.respondents, cellGroupings, minGroupSize);
  const dimensionCount = table.dimensions.length;
  const cellCount = table.respondents.length;
  const dimensions = table.dimensions.map((_, dimension) => {
    const counts = new Float64Array(cellCount);
    for (let cell = 0; cell < cellCount; cell++) counts[cell] = table.counts[cell * dimensionCount + dimension];
    return jointSuppression(counts, cellGroupings, minGroupSize, { forced: people.hidden });
  });
  const answers = new Float64Array(cellCount);
  for (let cell = 0; cell < cellCount; cell++) answers[cell] = table.promoters[cell] + table.passives[cell] + table.detractors[cell];
  const enps = jointSuppression(answers, cellGroupings, minGroupSize, { forced: people.hidden });
  return { groupings: [...groupings], people, dimensions, enps };
}

/**
 * The heat map (docs/domain.md#heat-map): per grouping (unit, unit type, manager, any attribute
 * column), per group and dimension, the employee score (mean of respondent scores), the customer
 * score where the customer rows carry the same group, and the gap employee − customer (points);
 * n per group. Every grouping shown, and those in `alsoPublished`, are suppressed together
 * (`outputConfidentiality`), so no hidden figure follows from differencing anything published. A
 * customer score about fewer than `minGroupSize` customers is hidden too.
 *
 * @throws SymError invalid-argument for a grouping of more than 2,000 values, or no grouping
 */
export function computeHeatmap(
  employees: CellTable,
  customers: CellTable | undefined,
  shown: readonly HeatmapGrouping[],
  options: HeatmapOptions,
): Heatmap {
  const { minGroupSize } = options;
  if (!(Number.isInteger(minGroupSize) && minGroupSize >= 1)) {
    throw new SymError("invalid-argument", `computeHeatmap requires a whole confidentiality threshold of 1 or more, got ${minGroupSize}`, {
      value: minGroupSize,
    });
  }
  if (shown.length === 0) throw new SymError("invalid-argument", "computeHeatmap requires at least one grouping");
  const { all, decisions } = decideOutput(employees, [...shown, ...(options.alsoPublished ?? [])], minGroupSize);
  const resolved = decisions.groupings;
  const dimensionIds = options.dimensions.filter((id) => employees.dimensions.includes(id));
  const employeeIndex = dimensionIds.map((id) => employees.dimensions.indexOf(id));
  const notes: GroupingNote[] = [];
  const heatmap = shown.map((grouping) => {
    const laid = resolved[indexOfGrouping(all, grouping)];
    notes.push(...groupingNotes(laid));
    const groupingIndex = indexOfGrouping(all, grouping);
    const sums = sumCells(employees, laid.groupOf, laid.labels.length);
    const customerSums = customerGroups(customers, grouping, laid.labels);
    const customerIndex = dimensionIds.map((id) => customers?.dimensions.indexOf(id) ?? -1);
    const groups: HeatmapGroup[] = laid.labels.map((label, group) => {
      const hidden = decisions.people.hidden[groupingIndex][group];
      const own = sums[group];
      const customer = customerSums?.[group];
      return {
        group: label,
        n: hidden ? null : own.respondents,
        suppressed: hidden,
        enps: hidden || decisions.enps.hidden[groupingIndex][group] || answers(own) === 0 ? null : netPromoterScore(own),
        dimensions: dimensionIds.map((id, position) => {
          const dimension = employeeIndex[position];
          const summary = own.dimensions[dimension];
          const employeeShown = !hidden && !decisions.dimensions[dimension].hidden[groupingIndex][group] && summary.n > 0;
          const employee = employeeShown ? summary.mean : null;
          const customerSummary = customer && customerIndex[position] >= 0 ? customer.dimensions[customerIndex[position]] : undefined;
          const customerScore = !hidden && customerSummary && customerSummary.n >= minGroupSize ? customerSummary.mean : null;
          return {
            id,
            employee,
            customer: customerScore,
            gap: employee !== null && customerScore !== null ? employee - customerScore : null,
          };
        }),
      };
    });
    return { by: grouping.by, groups };
  });
  return { heatmap, notes, minGroupSize };
}

function answers(sums: CellSums): number {
  return sums.promoters + sums.passives + sums.detractors;
}

function sameGrouping(left: HeatmapGrouping, right: HeatmapGrouping): boolean {
  return left.by === right.by && left.key === right.key;
}

function indexOfGrouping(all: readonly HeatmapGrouping[], grouping: HeatmapGrouping): number {
  return all.findIndex((candidate) => sameGrouping(candidate, grouping));
}

/**
 * Every grouping of an output once, in a fixed order (by name, then label): the decisions of one
 * output are then the same whichever part of it (heat map, support block) asks for them.
 */
export function publishedGroupings(groupings: readonly HeatmapGrouping[]): HeatmapGrouping[] {
  const unique: HeatmapGrouping[] = [];
  for (const grouping of groupings) if (!unique.some((candidate) => sameGrouping(candidate, grouping))) unique.push(grouping);
  return unique.sort((left, right) =>
    left.by === right.by ? (left.key < right.key ? -1 : left.key > right.key ? 1 : 0) : left.by < right.by ? -1 : 1,
  );
}

/** Lays every grouping over the employees' cells and decides what the output may show. */
export function decideOutput(
  employees: CellTable,
  groupings: readonly HeatmapGrouping[],
  minGroupSize: number,
): { all: HeatmapGrouping[]; decisions: OutputConfidentiality } {
  const all = publishedGroupings(groupings);
  const resolved = all.map((grouping) => {
    const laid = resolveGrouping(employees, grouping);
    if (!laid)
      throw new SymError(
        "invalid-argument",
        `the employees have no ${JSON.stringify(grouping.key)} column to group by ${JSON.stringify(grouping.by)}`,
        { columnName: grouping.key },
      );
    return laid;
  });
  return { all, decisions: outputConfidentiality(employees, resolved, minGroupSize) };
}

/** Customer sums aligned with the employee groups' labels, or undefined when customers lack the label. */
function customerGroups(customers: CellTable | undefined, grouping: HeatmapGrouping, labels: readonly string[]): CellSums[] | undefined {
  if (!customers) return undefined;
  const laid = resolveGrouping(customers, grouping);
  if (!laid) return undefined;
  const sums = sumCells(customers, laid.groupOf, laid.labels.length);
  const byLabel = new Map(laid.labels.map((label, group) => [label, sums[group]]));
  return labels.map((label) => byLabel.get(label) ?? { respondents: 0, promoters: 0, passives: 0, detractors: 0, dimensions: [] });
}
