import { z } from "zod";
import { checkAtColumn } from "../_lib/columnError";
import { MAX_GROUPS, MAX_WAVES, canonicalLabel, tooManyGroups } from "../_lib/groupLabels";
import { addToSummary, emptySummary, mergeSummaries, type SampleSummary } from "../_lib/summary";
import { addRecommendation, emptyCounts, mergeCounts, type RecommendationCounts } from "../nps/nps";
import { ItemCovarianceAccumulator, cronbachAlphaFromCovariance } from "../reliability/cronbach";
import { checkInScale, checkRecommendation, checkScale, isMissing } from "../scale/answers";
import type { Population, Scale } from "../model/schemas";

/**
 * Aggregates of one population (employees or customers): what leaves a workbook for the API,
 * and what the barometer is computed from. Respondent rows are folded in one at a time, so a
 * million rows never sit in memory, and unit aggregates merge into population aggregates.
 */

const SummarySchema = z.strictObject({
  n: z.number().int().min(0),
  mean: z.number().finite(),
  squaredDeviations: z.number().finite().min(0),
});

const CountsSchema = z.strictObject({
  promoters: z.number().int().min(0),
  passives: z.number().int().min(0),
  detractors: z.number().int().min(0),
});

const GroupAggregateSchema = z.strictObject({
  n: z.number().int().min(0),
  recommendation: CountsSchema,
  dimensions: z.record(z.string(), SummarySchema),
});

export const PopulationAggregateSchema = z.strictObject({
  n: z.number().int().min(0),
  recommendation: CountsSchema,
  dimensions: z.record(z.string(), SummarySchema),
  /** Cronbach's α per dimension, computed where the rows were (not mergeable across units). */
  alpha: z.record(z.string(), z.number().nullable()).default({}),
  units: z.record(z.string(), GroupAggregateSchema).default({}),
  managers: z.record(z.string(), GroupAggregateSchema).default({}),
  /** Units again, per survey wave (wave → unit → aggregate), when the source has a wave column. */
  waves: z.record(z.string(), z.record(z.string(), GroupAggregateSchema)).default({}),
  /**
   * Respondents and eNPS answers per (unit, manager) pair ("" for a row without one of them): how
   * the two groupings nest, so that units and managers are suppressed jointly
   * (docs/domain.md#joint-suppression). Counts only: no score of a cell leaves the rows.
   */
  unitManagerCells: z
    .array(z.strictObject({ unit: z.string(), manager: z.string(), n: z.number().int().min(0), recommendation: CountsSchema }))
    .default([]),
});

export type GroupAggregate = z.infer<typeof GroupAggregateSchema>;
export type PopulationAggregate = z.infer<typeof PopulationAggregateSchema>;

/** One mapped item column of a population's source. */
export interface ItemColumn {
  readonly column: number;
  readonly dimension: string;
  readonly reversed: boolean;
}

export interface PopulationLayout {
  readonly population: Population;
  readonly scale: Scale;
  readonly items: readonly ItemColumn[];
  readonly recommendationColumn?: number;
}

interface DimensionSlot {
  readonly dimension: string;
  readonly columns: Int32Array;
  readonly reversed: Uint8Array;
  readonly alpha: ItemCovarianceAccumulator;
  readonly normalised: Float64Array;
}

/** Sets `record[key]` as an own property, even for "__proto__" (a plain assignment would set the prototype). */
function defineEntry<T>(record: Record<string, T>, key: string, value: T): void {
  Object.defineProperty(record, key, { value, writable: true, enumerable: true, configurable: true });
}

function emptyGroup(dimensions: readonly string[]): GroupAggregate {
  return { n: 0, recommendation: emptyCounts(), dimensions: Object.fromEntries(dimensions.map((id) => [id, emptySummary()])) };
}

/**
 * Folds respondent rows into a PopulationAggregate. Each row is an array of numbers aligned with
 * the source columns (NaN = missing); answers are checked against the scale (docs/domain.md#scale-normalisation: a number
 * outside [lo, hi] is an error) and recommendation answers must be integers 0–10.
 */
export class PopulationAccumulator {
  private readonly layout: PopulationLayout;
  private readonly slots: DimensionSlot[];
  private readonly dimensionIds: string[];
  private readonly aggregate: PopulationAggregate;
  private readonly scores: Float64Array;
  private readonly cells = new Map<string, PopulationAggregate["unitManagerCells"][number]>();
  /** Groups created in each record (units, managers, units of a wave), checked against MAX_GROUPS. */
  private readonly groupCounts = new Map<object, number>();

  constructor(layout: PopulationLayout) {
    checkScale(layout.scale, "PopulationAccumulator");
    this.layout = layout;
    const byDimension = new Map<string, ItemColumn[]>();
    for (const item of layout.items) {
      const list = byDimension.get(item.dimension) ?? [];
      list.push(item);
      byDimension.set(item.dimension, list);
    }
    this.slots = [...byDimension].map(([dimension, items]) => ({
      dimension,
      columns: Int32Array.from(items.map((item) => item.column)),
      reversed: Uint8Array.from(items.map((item) => (item.reversed ? 1 : 0))),
      alpha: new ItemCovarianceAccumulator(items.length),
      normalised: new Float64Array(items.length),
    }));
    this.dimensionIds = this.slots.map((slot) => slot.dimension);
    this.scores = new Float64Array(this.slots.length);
    this.aggregate = { ...emptyGroup(this.dimensionIds), alpha: {}, units: {}, managers: {}, waves: {}, unitManagerCells: [] };
  }

  /**
   * Adds one respondent. `unit`, `manager` and `wave` label the groups the respondent belongs to.
   * The whole row is checked before anything is added, so a rejected row leaves the aggregate
   * as it was.
   *
   * @throws SymError naming the value and its column (`details.column`, 1-based) on an invalid answer
   */
  addRow(values: ArrayLike<number>, unit?: string, manager?: string, wave?: string): void {
    const { scale } = this.layout;
    const span = scale.max - scale.min;
    let recommendation = Number.NaN;
    if (this.layout.recommendationColumn !== undefined) {
      recommendation = values[this.layout.recommendationColumn];
      if (!isMissing(recommendation)) checkAtColumn(() => checkRecommendation(recommendation), this.layout.recommendationColumn);
    }
    for (let slotIndex = 0; slotIndex < this.slots.length; slotIndex++) {
      const slot = this.slots[slotIndex];
      let sum = 0;
      let count = 0;
      for (let item = 0; item < slot.columns.length; item++) {
        const value = values[slot.columns[item]];
        if (isMissing(value)) {
          slot.normalised[item] = Number.NaN;
          continue;
        }
        if (value < scale.min || value > scale.max) checkAtColumn(() => checkInScale(value, scale), slot.columns[item]);
        // Scale normalisation (docs/domain.md#scale-normalisation): 100·(x−lo)/(hi−lo), reversed 100·(hi−x)/(hi−lo)
        const normalised = slot.reversed[item] === 1 ? (100 * (scale.max - value)) / span : (100 * (value - scale.min)) / span;
        slot.normalised[item] = normalised;
        sum += normalised;
        count += 1;
      }
      this.scores[slotIndex] = count > 0 ? sum / count : Number.NaN;
    }
    // Every answer of the row is valid: only now does it reach the α accumulators and the groups.
    for (const slot of this.slots) if (slot.columns.length > 1) slot.alpha.add(slot.normalised);
    // Groups are found before anything is added, so a row over a group limit leaves the aggregate as it was.
    const unitGroup = unit !== undefined && unit !== "" ? this.group(this.aggregate.units, unit, "units") : undefined;
    const managerGroup = manager !== undefined && manager !== "" ? this.group(this.aggregate.managers, manager, "managers") : undefined;
    let waveGroup: GroupAggregate | undefined;
    if (wave !== undefined && wave !== "" && unitGroup) {
      const key = canonicalLabel(wave);
      if (!Object.hasOwn(this.aggregate.waves, key)) {
        if (Object.keys(this.aggregate.waves).length >= MAX_WAVES) throw tooManyGroups("waves", MAX_WAVES);
        defineEntry(this.aggregate.waves, key, {});
      }
      waveGroup = this.group(this.aggregate.waves[key], unit!, "units");
    }
    this.addTo(this.aggregate, recommendation);
    if (unitGroup) this.addTo(unitGroup, recommendation);
    if (managerGroup) this.addTo(managerGroup, recommendation);
    if (waveGroup) this.addTo(waveGroup, recommendation);
    if (unitGroup || managerGroup) {
      this.addToCell(unitGroup ? canonicalLabel(unit!) : "", managerGroup ? canonicalLabel(manager!) : "", recommendation);
    }
  }

  /** Counts of one (unit, manager) cell; there are at most as many cells as rows with a unit or a manager. */
  private addToCell(unit: string, manager: string, recommendation: number): void {
    const key = `${unit}\u0000${manager}`;
    let cell = this.cells.get(key);
    if (!cell) {
      cell = { unit, manager, n: 0, recommendation: emptyCounts() };
      this.cells.set(key, cell);
      this.aggregate.unitManagerCells.push(cell);
    }
    cell.n += 1;
    if (!isMissing(recommendation)) addRecommendation(cell.recommendation, recommendation);
  }

  /** The group of a label (NFC), created on first use within the group limit. */
  private group(groups: Record<string, GroupAggregate>, label: string, what: "units" | "managers"): GroupAggregate {
    const key = canonicalLabel(label);
    // Own keys only: a unit named "constructor" or "__proto__" is a group like any other.
    if (Object.hasOwn(groups, key)) return groups[key];
    const counted = this.groupCounts.get(groups) ?? 0;
    if (counted >= MAX_GROUPS) throw tooManyGroups(what, MAX_GROUPS);
    this.groupCounts.set(groups, counted + 1);
    const group = emptyGroup(this.dimensionIds);
    defineEntry(groups, key, group);
    return group;
  }

  private addTo(group: GroupAggregate, recommendation: number): void {
    group.n += 1;
    if (!isMissing(recommendation)) addRecommendation(group.recommendation, recommendation);
    for (let slotIndex = 0; slotIndex < this.slots.length; slotIndex++) {
      const score = this.scores[slotIndex];
      if (!isMissing(score)) addToSummary(group.dimensions[this.dimensionIds[slotIndex]], score);
    }
  }

  /** The aggregate so far, with Cronbach's α per dimension (null where it is undefined). */
  result(): PopulationAggregate {
    const alpha: Record<string, number | null> = {};
    for (const slot of this.slots) {
      try {
        alpha[slot.dimension] = slot.columns.length > 1 ? cronbachAlphaFromCovariance(slot.alpha) : null;
      } catch {
        alpha[slot.dimension] = null; // too few complete rows or constant totals: α is undefined
      }
    }
    return { ...this.aggregate, alpha };
  }
}

/** Merges group aggregates (units of one population) into one, as if their rows had been pooled. */
export function mergeGroupAggregates(groups: readonly GroupAggregate[]): GroupAggregate {
  const dimensions: Record<string, SampleSummary> = {};
  let n = 0;
  let recommendation: RecommendationCounts = emptyCounts();
  for (const group of groups) {
    n += group.n;
    recommendation = mergeCounts(recommendation, group.recommendation);
    for (const [id, summary] of Object.entries(group.dimensions)) {
      dimensions[id] = mergeSummaries(dimensions[id] ?? emptySummary(), summary);
    }
  }
  return { n, recommendation, dimensions };
}
