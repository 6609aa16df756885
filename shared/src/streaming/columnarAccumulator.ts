import { SymError } from "../errors";
import { checkInScale, checkRecommendation, checkScale } from "../scale/answers";
import type { GroupAggregate, PopulationAggregate, PopulationLayout } from "../barometer/aggregate";

/**
 * The same fold as `PopulationAccumulator` (same checks, same Welford updates in the same order,
 * same Cronbach α co-moments, same `PopulationAggregate` out), laid out for a million rows:
 * groups (total, units, managers, units per wave) are interned to integer ids and their counts, means and sums of
 * squared deviations live in typed arrays indexed `group × dimension`, instead of one object per
 * group looked up by name for every dimension of every row. The CLI reads 1 M respondents per
 * file with it in a fraction of a second.
 *
 * Formulas: DOMAIN.md scale normalisation `100·(x−lo)/(hi−lo)` (reversed `100·(hi−x)/(hi−lo)`),
 * respondent dimension score = mean of the present normalised items, group summaries by Welford's
 * algorithm (see `_lib/summary.ts`), promoters 9–10 / passives 7–8 / detractors 0–6.
 */
export class ColumnarPopulationAccumulator {
  private readonly scaleMin: number;
  private readonly scaleMax: number;
  private readonly span: number;
  /** Normalised value of each whole answer min, min+1, … (then the same reversed). */
  private readonly normalisedTable: Float64Array;
  private readonly tableWidth: number;
  private readonly dimensionIds: string[];
  /** Item columns of all dimensions, concatenated; dimension d owns [itemStart[d], itemStart[d+1]). */
  private readonly itemColumns: Int32Array;
  private readonly itemReversed: Uint8Array;
  private readonly itemStart: Int32Array;
  /**
   * Cronbach's α accumulators of all dimensions in flat arrays: the same listwise co-moment updates
   * as ItemCovarianceAccumulator.add, in the same order (so the same doubles), without one call
   * and one object per dimension per row.
   */
  private readonly normalisedRow: Float64Array;
  private readonly completeRows: Float64Array;
  private readonly itemMeans: Float64Array;
  private readonly itemDeltas: Float64Array;
  private readonly coMoments: Float64Array;
  private readonly coMomentStart: Int32Array;
  private readonly recommendationColumn: number;
  private readonly scores: Float64Array;
  private readonly unitIds = new Map<string, number>();
  private readonly managerIds = new Map<string, number>();
  /** Units again per survey wave: wave → unit → group id. */
  private readonly waveUnitIds = new Map<string, Map<string, number>>();
  private lastUnit: string | undefined;
  private lastUnitId = -1;
  private lastManager: string | undefined;
  private lastManagerId = -1;
  /** Group 0 is the whole population; the others are units and managers in order of appearance. */
  private groupCount = 1;
  private capacity = 64;
  private respondents = new Float64Array(this.capacity);
  private promoters = new Float64Array(this.capacity);
  private passives = new Float64Array(this.capacity);
  private detractors = new Float64Array(this.capacity);
  private counts: Float64Array;
  private means: Float64Array;
  private squaredDeviations: Float64Array;

  constructor(layout: PopulationLayout) {
    checkScale(layout.scale, "ColumnarPopulationAccumulator");
    this.scaleMin = layout.scale.min;
    this.scaleMax = layout.scale.max;
    this.span = layout.scale.max - layout.scale.min;
    // Only whole steps from a whole min, within the scale: a 1–5 scale gets 1, 2, 3, 4, 5.
    this.tableWidth = Number.isInteger(layout.scale.min) ? Math.min(Math.floor(this.span) + 1, 1024) : 0;
    this.normalisedTable = new Float64Array(2 * this.tableWidth);
    for (let step = 0; step < this.tableWidth; step++) {
      const value = layout.scale.min + step;
      // DOMAIN.md scale normalisation, written exactly as in the loop below (same doubles).
      this.normalisedTable[step] = (100 * (value - layout.scale.min)) / this.span;
      this.normalisedTable[this.tableWidth + step] = (100 * (layout.scale.max - value)) / this.span;
    }
    const byDimension = new Map<string, { column: number; reversed: boolean }[]>();
    for (const item of layout.items) {
      const list = byDimension.get(item.dimension) ?? [];
      list.push(item);
      byDimension.set(item.dimension, list);
    }
    this.dimensionIds = [...byDimension.keys()];
    const items = [...byDimension.values()];
    this.itemStart = new Int32Array(items.length + 1);
    items.forEach((list, index) => (this.itemStart[index + 1] = this.itemStart[index] + list.length));
    this.itemColumns = Int32Array.from(items.flat().map((item) => item.column));
    this.itemReversed = Uint8Array.from(items.flat().map((item) => (item.reversed ? 1 : 0)));
    const itemCount = this.itemColumns.length;
    this.normalisedRow = new Float64Array(itemCount);
    this.completeRows = new Float64Array(items.length);
    this.itemMeans = new Float64Array(itemCount);
    this.itemDeltas = new Float64Array(itemCount);
    this.coMomentStart = new Int32Array(items.length + 1);
    items.forEach((list, index) => (this.coMomentStart[index + 1] = this.coMomentStart[index] + list.length * list.length));
    this.coMoments = new Float64Array(this.coMomentStart[items.length]);
    this.recommendationColumn = layout.recommendationColumn ?? -1;
    this.scores = new Float64Array(items.length);
    const cells = this.capacity * items.length;
    this.counts = new Float64Array(cells);
    this.means = new Float64Array(cells);
    this.squaredDeviations = new Float64Array(cells);
  }

  /**
   * Adds one respondent: `values` aligned with the source columns (NaN = missing).
   *
   * @throws SymError out-of-scale / not-recommendation with `details.column` (1-based source column)
   */
  addRow(values: ArrayLike<number>, unit?: string, manager?: string, wave?: string): void {
    const { itemColumns, itemReversed, itemStart, scores, scaleMin, scaleMax, span, normalisedTable: table } = this;
    const tableWidth = this.tableWidth;
    let recommendation = Number.NaN;
    if (this.recommendationColumn >= 0) {
      recommendation = values[this.recommendationColumn];
      if (recommendation === recommendation && !(recommendation >= 0 && recommendation <= 10 && Number.isInteger(recommendation))) {
        this.failRecommendation(recommendation);
      }
    }
    const dimensionCount = scores.length;
    for (let dimension = 0; dimension < dimensionCount; dimension++) {
      const first = itemStart[dimension];
      const last = itemStart[dimension + 1];
      const row = this.normalisedRow;
      let sum = 0;
      let present = 0;
      for (let item = first; item < last; item++) {
        const value = values[itemColumns[item]];
        if (value !== value) {
          row[item] = Number.NaN;
          continue;
        }
        if (value < scaleMin || value > scaleMax) this.failScale(value, itemColumns[item]);
        const offset = value - scaleMin;
        // Whole answers read their normalised value from a table built with the same formula.
        const normalised =
          (offset | 0) === offset && offset < tableWidth
            ? table[itemReversed[item] * tableWidth + offset]
            : itemReversed[item] === 1
              ? (100 * (scaleMax - value)) / span
              : (100 * (value - scaleMin)) / span;
        row[item] = normalised;
        sum += normalised;
        present += 1;
      }
      scores[dimension] = present > 0 ? sum / present : Number.NaN;
    }
    // Every answer of the row is valid: only now does it reach the α accumulators and the groups,
    // so a rejected row leaves the aggregate as it was (as PopulationAccumulator does).
    for (let dimension = 0; dimension < dimensionCount; dimension++) this.addToAlpha(dimension);
    this.addTo(0, recommendation);
    const hasUnit = unit !== undefined && unit !== "";
    if (hasUnit) this.addTo(this.unitGroup(unit), recommendation);
    if (manager !== undefined && manager !== "") this.addTo(this.managerGroup(manager), recommendation);
    if (hasUnit && wave !== undefined && wave !== "") this.addTo(this.waveGroup(wave, unit), recommendation);
  }

  /** ItemCovarianceAccumulator.add on one dimension's slice of the row (listwise: complete rows only). */
  private addToAlpha(dimension: number): void {
    const first = this.itemStart[dimension];
    const k = this.itemStart[dimension + 1] - first;
    if (k < 2) return;
    const { normalisedRow: row, itemMeans: means, itemDeltas: deltas, coMoments } = this;
    for (let item = 0; item < k; item++) if (row[first + item] !== row[first + item]) return;
    const rows = this.completeRows[dimension] + 1;
    this.completeRows[dimension] = rows;
    for (let item = 0; item < k; item++) {
      deltas[first + item] = row[first + item] - means[first + item];
      means[first + item] += deltas[first + item] / rows;
    }
    const base = this.coMomentStart[dimension];
    for (let i = 0; i < k; i++) {
      const after = row[first + i] - means[first + i];
      for (let j = 0; j < k; j++) coMoments[base + i * k + j] += deltas[first + j] * after;
    }
  }

  /** cronbachAlphaFromCovariance's formula on the flat co-moments: (k/(k−1))·(1 − Σ var_i / var_total). */
  private alphaOf(dimension: number): number | null {
    const first = this.itemStart[dimension];
    const k = this.itemStart[dimension + 1] - first;
    const rows = this.completeRows[dimension];
    if (k < 2 || rows < 2) return null;
    const base = this.coMomentStart[dimension];
    let itemVariances = 0;
    let totalVariance = 0;
    for (let i = 0; i < k; i++) {
      itemVariances += this.coMoments[base + i * k + i] / (rows - 1);
      for (let j = 0; j < k; j++) totalVariance += this.coMoments[base + i * k + j] / (rows - 1);
    }
    if (!(totalVariance > 0)) return null; // constant totals: α is undefined
    return (k / (k - 1)) * (1 - itemVariances / totalVariance);
  }

  private waveGroup(wave: string, unit: string): number {
    let units = this.waveUnitIds.get(wave);
    if (!units) {
      units = new Map();
      this.waveUnitIds.set(wave, units);
    }
    return this.intern(units, unit);
  }

  private unitGroup(unit: string): number {
    if (unit !== this.lastUnit) {
      this.lastUnit = unit;
      this.lastUnitId = this.intern(this.unitIds, unit);
    }
    return this.lastUnitId;
  }

  private managerGroup(manager: string): number {
    if (manager !== this.lastManager) {
      this.lastManager = manager;
      this.lastManagerId = this.intern(this.managerIds, manager);
    }
    return this.lastManagerId;
  }

  private intern(ids: Map<string, number>, name: string): number {
    let id = ids.get(name);
    if (id === undefined) {
      id = this.groupCount++;
      ids.set(name, id);
      if (this.groupCount > this.capacity) this.grow();
    }
    return id;
  }

  private grow(): void {
    this.capacity *= 2;
    const larger = (array: Float64Array, width: number) => {
      const copy = new Float64Array(this.capacity * width);
      copy.set(array);
      return copy;
    };
    const dimensions = this.scores.length;
    this.respondents = larger(this.respondents, 1);
    this.promoters = larger(this.promoters, 1);
    this.passives = larger(this.passives, 1);
    this.detractors = larger(this.detractors, 1);
    this.counts = larger(this.counts, dimensions);
    this.means = larger(this.means, dimensions);
    this.squaredDeviations = larger(this.squaredDeviations, dimensions);
  }

  private addTo(group: number, recommendation: number): void {
    this.respondents[group] += 1;
    if (recommendation === recommendation) {
      if (recommendation >= 9) this.promoters[group] += 1;
      else if (recommendation >= 7) this.passives[group] += 1;
      else this.detractors[group] += 1;
    }
    const { scores, counts, means, squaredDeviations } = this;
    const dimensionCount = scores.length;
    const base = group * dimensionCount;
    for (let dimension = 0; dimension < dimensionCount; dimension++) {
      const score = scores[dimension];
      if (score !== score) continue;
      // Welford, exactly as addToSummary: n += 1; δ = x − mean; mean += δ/n; M2 += δ·(x − mean)
      const cell = base + dimension;
      const n = counts[cell] + 1;
      counts[cell] = n;
      const delta = score - means[cell];
      means[cell] += delta / n;
      squaredDeviations[cell] += delta * (score - means[cell]);
    }
  }

  // The failure paths are methods, not closures in the loops: a closure capturing the loop's value
  // would make V8 allocate a context for every answer read.
  private failScale(value: number, column: number): never {
    return this.rethrowAt(() => checkInScale(value, { min: this.scaleMin, max: this.scaleMax }), column);
  }

  private failRecommendation(value: number): never {
    return this.rethrowAt(() => checkRecommendation(value), this.recommendationColumn);
  }

  private rethrowAt(check: () => void, column: number): never {
    try {
      check();
    } catch (error) {
      if (error instanceof SymError) throw new SymError(error.code, error.message, { ...error.details, column: column + 1 });
      throw error;
    }
    throw new SymError("invalid-argument", `ColumnarPopulationAccumulator: column ${column + 1} was rejected by the fast check only`);
  }

  private groupAggregate(group: number): GroupAggregate {
    const dimensionCount = this.scores.length;
    const dimensions: GroupAggregate["dimensions"] = {};
    this.dimensionIds.forEach((id, dimension) => {
      const cell = group * dimensionCount + dimension;
      dimensions[id] = { n: this.counts[cell], mean: this.means[cell], squaredDeviations: this.squaredDeviations[cell] };
    });
    const recommendation = { promoters: this.promoters[group], passives: this.passives[group], detractors: this.detractors[group] };
    return { n: this.respondents[group], recommendation, dimensions };
  }

  /** The aggregate so far, in the engine's `PopulationAggregate` shape (α null where undefined). */
  result(): PopulationAggregate {
    const alpha: Record<string, number | null> = {};
    this.dimensionIds.forEach((id, dimension) => (alpha[id] = this.alphaOf(dimension)));
    const groups = (ids: Map<string, number>) => Object.fromEntries([...ids].map(([name, id]) => [name, this.groupAggregate(id)]));
    const waves = Object.fromEntries([...this.waveUnitIds].map(([wave, units]) => [wave, groups(units)]));
    return { ...this.groupAggregate(0), alpha, units: groups(this.unitIds), managers: groups(this.managerIds), waves };
  }
}
