import { SymError } from "../errors";
import { checkAtColumn } from "../_lib/columnError";
import { MAX_GROUP_CELLS, MAX_GROUPS, MAX_WAVES, canonicalLabel, tooManyGroups } from "../_lib/groupLabels";
import { checkInScale, checkRecommendation, checkScale } from "../scale/answers";
import type { GroupAggregate, PopulationAggregate, PopulationLayout } from "../barometer/aggregate";
import type { CellTable } from "../heatmap/cellTable";
import { RespondentMomentsAccumulator, type RespondentMoments } from "../priorities/respondentDrivers";

/** Joins a row's attribute values into one cell label (a unit separator: never typed in a CSV field). */
export const ATTRIBUTE_SEPARATOR = "\u001f";

/** One wave of a population: its total over every row of the wave, and its units. */
export interface WaveTotal extends GroupAggregate {
  units: Record<string, GroupAggregate>;
}

/**
 * The fold of `PopulationAccumulator` (same checks, same scores, same `PopulationAggregate` out)
 * laid out for a million rows, as the CLI streams survey files:
 * - each row updates one *cell*, its (unit, manager, wave) combination, interned to an integer;
 *   the total, the units, the managers and the units per wave are sums of cells, formed once at
 *   the end, instead of three or four named groups updated for every row;
 * - a cell keeps, per dimension, the count, the sum and the sum of squares of the respondent
 *   scores shifted by 50 (the middle of 0–100, so the squares stay small and `Σ(x−50)² −
 *   (Σ(x−50))²/n` loses no precision), in typed arrays indexed `cell × dimension`: no division,
 *   no object, no string lookup per row;
 * - Cronbach's α keeps, over complete rows, each item's sums and the row totals' sums, the same way.
 * Means and sums of squared deviations agree with Welford's to rounding (≈1e-12 relative).
 *
 * Formulas: scale normalisation (docs/domain.md#scale-normalisation) `100·(x−lo)/(hi−lo)` (reversed `100·(hi−x)/(hi−lo)`),
 * respondent dimension score = mean of the present normalised items, group score = mean over
 * respondents, promoters 9–10 / passives 7–8 / detractors 0–6, Cronbach's α
 * `k/(k−1)·(1 − Σ var_i / var_total)` with sample (co)variances, complete rows only.
 */
export class ColumnarPopulationAccumulator {
  private readonly scaleMin: number;
  private readonly scaleMax: number;
  private readonly span: number;
  /** Normalised value of each whole answer min, min+1, … (then the same reversed). */
  private readonly normalisedTable: Float64Array;
  private readonly tableWidth: number;
  private readonly dimensionIds: string[];
  private readonly moments: RespondentMomentsAccumulator | undefined;
  /** Item columns of all dimensions, concatenated; dimension d owns [itemStart[d], itemStart[d+1]). */
  private readonly itemColumns: Int32Array;
  private readonly itemReversed: Uint8Array;
  private readonly itemStart: Int32Array;
  private readonly recommendationColumn: number;
  private readonly normalisedRow: Float64Array;
  private readonly scores: Float64Array;

  /**
   * α per dimension, from complete rows only: their count, each item's sum and sum of squares, and
   * the sum and sum of squares of the row totals (α needs only item variances and the total's).
   * Everything is shifted by 50 like the group sums.
   */
  private readonly complete: Uint8Array;
  private readonly completeRows: Float64Array;
  private readonly itemSums: Float64Array;
  private readonly itemSquares: Float64Array;
  private readonly totalSums: Float64Array;
  private readonly totalSquares: Float64Array;
  private readonly rowTotals: Float64Array;

  /** unit → manager → wave → attributes → cell id ("" when the row has none). */
  private readonly cellIds = new Map<string, Map<string, Map<string, Map<string, number>>>>();
  private readonly cellKeys: { unit: string; manager: string; wave: string; attributes: string }[] = [];
  /** Distinct managers and waves seen (with "" for none), checked against their limits. */
  private readonly managerNames = new Set<string>();
  private readonly waveNames = new Set<string>();
  private lastUnit: string | undefined = undefined;
  private lastManager: string | undefined = undefined;
  private lastWave: string | undefined = undefined;
  private lastAttributes: string | undefined = undefined;
  private readonly attributeNames: readonly string[];
  private lastCell = -1;
  private capacity = 64;
  private respondents = new Float64Array(this.capacity);
  private promoters = new Float64Array(this.capacity);
  private passives = new Float64Array(this.capacity);
  private detractors = new Float64Array(this.capacity);
  private counts: Float64Array;
  private shiftedSums: Float64Array;
  private shiftedSquares: Float64Array;

  /**
   * @param attributeNames attribute columns the rows are also grouped by (heat maps by any
   *   column): `addRow` then receives their values joined by `ATTRIBUTE_SEPARATOR`
   */
  constructor(layout: PopulationLayout, attributeNames: readonly string[] = []) {
    checkScale(layout.scale, "ColumnarPopulationAccumulator");
    this.attributeNames = [...attributeNames];
    this.scaleMin = layout.scale.min;
    this.scaleMax = layout.scale.max;
    this.span = layout.scale.max - layout.scale.min;
    // Only whole steps from a whole min, within the scale: a 1–5 scale gets 1, 2, 3, 4, 5.
    this.tableWidth = Number.isInteger(layout.scale.min) ? Math.min(Math.floor(this.span) + 1, 1024) : 0;
    this.normalisedTable = new Float64Array(2 * this.tableWidth);
    for (let step = 0; step < this.tableWidth; step++) {
      const value = layout.scale.min + step;
      // Scale normalisation (docs/domain.md#scale-normalisation), written exactly as in the loop below (same doubles).
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
    const dimensionCount = items.length;
    this.itemStart = new Int32Array(dimensionCount + 1);
    items.forEach((list, index) => (this.itemStart[index + 1] = this.itemStart[index] + list.length));
    this.itemColumns = Int32Array.from(items.flat().map((item) => item.column));
    this.itemReversed = Uint8Array.from(items.flat().map((item) => (item.reversed ? 1 : 0)));
    this.recommendationColumn = layout.recommendationColumn ?? -1;
    this.normalisedRow = new Float64Array(this.itemColumns.length);
    this.scores = new Float64Array(dimensionCount);
    this.complete = new Uint8Array(dimensionCount);
    this.completeRows = new Float64Array(dimensionCount);
    this.itemSums = new Float64Array(this.itemColumns.length);
    this.itemSquares = new Float64Array(this.itemColumns.length);
    this.totalSums = new Float64Array(dimensionCount);
    this.totalSquares = new Float64Array(dimensionCount);
    this.rowTotals = new Float64Array(dimensionCount);
    const cells = this.capacity * dimensionCount;
    this.counts = new Float64Array(cells);
    this.shiftedSums = new Float64Array(cells);
    this.shiftedSquares = new Float64Array(cells);
    // Respondent-level drivers need each employee's scores with their eNPS answer, not only sums per cell.
    this.moments =
      layout.population === "employees" && this.recommendationColumn >= 0 ? new RespondentMomentsAccumulator(dimensionCount) : undefined;
  }

  /** Listwise co-moments of the employees' dimension scores and eNPS answer (respondent-level drivers). */
  respondentMoments(): RespondentMoments | undefined {
    return this.moments?.result(this.dimensionIds);
  }

  /**
   * Adds one respondent: `values` aligned with the source columns (NaN = missing). The whole row
   * is checked before anything is added, so a rejected row leaves the aggregate as it was.
   *
   * @throws SymError out-of-scale / not-recommendation with `details.column` (1-based source column)
   */
  addRow(values: ArrayLike<number>, unit?: string, manager?: string, wave?: string, attributes?: string): void {
    const { itemColumns, itemReversed, itemStart, scores, scaleMin, scaleMax, span, normalisedTable: table, normalisedRow: row } = this;
    const { tableWidth, complete, rowTotals } = this;
    let recommendation = Number.NaN;
    if (this.recommendationColumn >= 0) {
      recommendation = values[this.recommendationColumn];
      if (recommendation === recommendation && !(recommendation >= 0 && recommendation <= 10 && Number.isInteger(recommendation))) {
        this.failRecommendation(recommendation);
      }
    }
    const dimensionCount = scores.length;
    for (let dimension = 0; dimension < dimensionCount; dimension++) {
      const last = itemStart[dimension + 1];
      let sum = 0;
      let present = 0;
      for (let item = itemStart[dimension]; item < last; item++) {
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
      const itemCount = last - itemStart[dimension];
      complete[dimension] = present === itemCount && itemCount > 1 ? 1 : 0;
      rowTotals[dimension] = sum - 50 * itemCount;
    }
    // Every answer of the row is valid: only now does it reach the α sums and the cell.
    for (let dimension = 0; dimension < dimensionCount; dimension++) if (complete[dimension] === 1) this.addToAlpha(dimension);
    this.addToCell(this.cellOf(unit ?? "", manager ?? "", wave ?? "", attributes ?? ""), recommendation);
  }

  /** Listwise: called only for a row whose items of this dimension are all present. */
  private addToAlpha(dimension: number): void {
    const { normalisedRow: row, itemSums, itemSquares } = this;
    this.completeRows[dimension] += 1;
    const total = this.rowTotals[dimension];
    this.totalSums[dimension] += total;
    this.totalSquares[dimension] += total * total;
    const last = this.itemStart[dimension + 1];
    for (let item = this.itemStart[dimension]; item < last; item++) {
      const shifted = row[item] - 50;
      itemSums[item] += shifted;
      itemSquares[item] += shifted * shifted;
    }
  }

  private cellOf(rawUnit: string, rawManager: string, rawWave: string, attributes: string): number {
    // Exports are grouped by unit and manager: most rows repeat the previous row's labels.
    if (rawUnit === this.lastUnit && rawManager === this.lastManager && rawWave === this.lastWave && attributes === this.lastAttributes)
      return this.lastCell;
    const unit = canonicalLabel(rawUnit);
    const manager = canonicalLabel(rawManager);
    const wave = canonicalLabel(rawWave);
    let managers = this.cellIds.get(unit);
    if (!managers) {
      if (this.cellIds.size >= MAX_GROUPS) throw tooManyGroups("units", MAX_GROUPS);
      this.cellIds.set(unit, (managers = new Map()));
    }
    let waves = managers.get(manager);
    if (!waves) managers.set(manager, (waves = new Map()));
    let byAttributes = waves.get(wave);
    if (!byAttributes) waves.set(wave, (byAttributes = new Map()));
    let cell = byAttributes.get(attributes);
    if (cell === undefined) {
      if (!this.managerNames.has(manager)) {
        if (this.managerNames.size >= MAX_GROUPS) throw tooManyGroups("managers", MAX_GROUPS);
        this.managerNames.add(manager);
      }
      if (!this.waveNames.has(wave)) {
        if (this.waveNames.size >= MAX_WAVES) throw tooManyGroups("waves", MAX_WAVES);
        this.waveNames.add(wave);
      }
      if (this.cellKeys.length >= MAX_GROUP_CELLS) throw tooManyGroups("unit × manager × wave combinations", MAX_GROUP_CELLS);
      cell = this.cellKeys.length;
      this.cellKeys.push({ unit, manager, wave, attributes });
      byAttributes.set(attributes, cell);
      if (this.cellKeys.length > this.capacity) this.grow();
    }
    this.lastUnit = rawUnit;
    this.lastManager = rawManager;
    this.lastWave = rawWave;
    this.lastAttributes = attributes;
    this.lastCell = cell;
    return cell;
  }

  /**
   * The cells so far (heat maps): labels `unit`, `manager`, `wave`, then the attribute columns,
   * with the per-cell sums, trimmed to the cells used.
   */
  cellTable(): CellTable {
    const cells = this.cellKeys.length;
    const dimensions = this.scores.length;
    const attributeValues = this.attributeNames.map((_, index) =>
      this.cellKeys.map((key) =>
        this.attributeNames.length === 1 ? key.attributes : (key.attributes.split(ATTRIBUTE_SEPARATOR)[index] ?? ""),
      ),
    );
    return {
      dimensions: [...this.dimensionIds],
      keyNames: ["unit", "manager", "wave", ...this.attributeNames],
      keys: [
        this.cellKeys.map((key) => key.unit),
        this.cellKeys.map((key) => key.manager),
        this.cellKeys.map((key) => key.wave),
        ...attributeValues,
      ],
      respondents: this.respondents.slice(0, cells),
      promoters: this.promoters.slice(0, cells),
      passives: this.passives.slice(0, cells),
      detractors: this.detractors.slice(0, cells),
      counts: this.counts.slice(0, cells * dimensions),
      shiftedSums: this.shiftedSums.slice(0, cells * dimensions),
      shiftedSquares: this.shiftedSquares.slice(0, cells * dimensions),
    };
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
    this.shiftedSums = larger(this.shiftedSums, dimensions);
    this.shiftedSquares = larger(this.shiftedSquares, dimensions);
  }

  private addToCell(cell: number, recommendation: number): void {
    this.respondents[cell] += 1;
    if (recommendation === recommendation) {
      if (recommendation >= 9) this.promoters[cell] += 1;
      else if (recommendation >= 7) this.passives[cell] += 1;
      else this.detractors[cell] += 1;
    }
    const { scores, counts, shiftedSums, shiftedSquares } = this;
    this.moments?.add(scores, recommendation);
    const dimensionCount = scores.length;
    const base = cell * dimensionCount;
    for (let dimension = 0; dimension < dimensionCount; dimension++) {
      const score = scores[dimension];
      if (score !== score) continue;
      const shifted = score - 50;
      counts[base + dimension] += 1;
      shiftedSums[base + dimension] += shifted;
      shiftedSquares[base + dimension] += shifted * shifted;
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
    checkAtColumn(check, column);
    throw new SymError("invalid-argument", `ColumnarPopulationAccumulator: column ${column + 1} was rejected by the fast check only`);
  }

  /** α = k/(k−1)·(1 − Σ var_i / var_total), sample variances of the complete rows; null where undefined. */
  private alphaOf(dimension: number): number | null {
    const first = this.itemStart[dimension];
    const k = this.itemStart[dimension + 1] - first;
    const n = this.completeRows[dimension];
    if (k < 2 || n < 2) return null;
    const variance = (sum: number, squares: number) => (squares - (sum * sum) / n) / (n - 1);
    let itemVariances = 0;
    for (let item = first; item < first + k; item++) itemVariances += variance(this.itemSums[item], this.itemSquares[item]);
    const totalVariance = variance(this.totalSums[dimension], this.totalSquares[dimension]);
    // Constant totals: α is undefined (the relative threshold absorbs rounding of an exact zero).
    if (!(totalVariance > 1e-9 * Math.max(1, itemVariances))) return null;
    return (k / (k - 1)) * (1 - itemVariances / totalVariance);
  }

  /**
   * Sums cells into groups: `groupOf[cell]` is the group of each cell (−1: none). Returns one
   * aggregate per group, in group order.
   */
  private sumCells(groupOf: Int32Array, groupCount: number): GroupAggregate[] {
    const dimensionCount = this.scores.length;
    const respondents = new Float64Array(groupCount);
    const promoters = new Float64Array(groupCount);
    const passives = new Float64Array(groupCount);
    const detractors = new Float64Array(groupCount);
    const count = new Float64Array(groupCount * dimensionCount);
    const sum = new Float64Array(groupCount * dimensionCount);
    const squares = new Float64Array(groupCount * dimensionCount);
    for (let cell = 0; cell < groupOf.length; cell++) {
      const group = groupOf[cell];
      if (group < 0) continue;
      respondents[group] += this.respondents[cell];
      promoters[group] += this.promoters[cell];
      passives[group] += this.passives[cell];
      detractors[group] += this.detractors[cell];
      for (let dimension = 0; dimension < dimensionCount; dimension++) {
        count[group * dimensionCount + dimension] += this.counts[cell * dimensionCount + dimension];
        sum[group * dimensionCount + dimension] += this.shiftedSums[cell * dimensionCount + dimension];
        squares[group * dimensionCount + dimension] += this.shiftedSquares[cell * dimensionCount + dimension];
      }
    }
    const groups: GroupAggregate[] = [];
    for (let group = 0; group < groupCount; group++) {
      const dimensions: GroupAggregate["dimensions"] = {};
      for (let dimension = 0; dimension < dimensionCount; dimension++) {
        const index = group * dimensionCount + dimension;
        const size = count[index];
        const mean = size === 0 ? 0 : 50 + sum[index] / size;
        const squaredDeviations = size === 0 ? 0 : Math.max(0, squares[index] - (sum[index] * sum[index]) / size);
        dimensions[this.dimensionIds[dimension]] = { n: size, mean, squaredDeviations };
      }
      groups.push({
        n: respondents[group],
        recommendation: { promoters: promoters[group], passives: passives[group], detractors: detractors[group] },
        dimensions,
      });
    }
    return groups;
  }

  /** Groups the cells by a label of theirs ("" = none) and sums each group, keyed by label. */
  private groupBy(
    labelOf: (key: { unit: string; manager: string; wave: string; attributes: string }) => string,
    cells: readonly number[],
  ): Record<string, GroupAggregate> {
    const names = new Map<string, number>();
    const groupOf = new Int32Array(this.cellKeys.length).fill(-1);
    for (const cell of cells) {
      const label = labelOf(this.cellKeys[cell]);
      if (label === "") continue;
      let group = names.get(label);
      if (group === undefined) names.set(label, (group = names.size));
      groupOf[cell] = group;
    }
    const sums = this.sumCells(groupOf, names.size);
    return Object.fromEntries([...names].map(([name, group]) => [name, sums[group]]));
  }

  /** The aggregate so far, in the engine's `PopulationAggregate` shape (α null where undefined). */
  result(): PopulationAggregate {
    const alpha: Record<string, number | null> = {};
    this.dimensionIds.forEach((id, dimension) => (alpha[id] = this.alphaOf(dimension)));
    const allCells = this.cellKeys.map((_, cell) => cell);
    const total = this.sumCells(new Int32Array(this.cellKeys.length), 1)[0];
    const waves = [...new Set(this.cellKeys.filter((key) => key.unit !== "" && key.wave !== "").map((key) => key.wave))];
    return {
      ...total,
      alpha,
      units: this.groupBy((key) => key.unit, allCells),
      managers: this.groupBy((key) => key.manager, allCells),
      waves: Object.fromEntries(
        waves.map((wave) => [
          wave,
          this.groupBy(
            (key) => key.unit,
            allCells.filter((cell) => this.cellKeys[cell].wave === wave),
          ),
        ]),
      ),
      unitManagerCells: Object.entries(
        this.groupBy((key) => (key.unit === "" && key.manager === "" ? "" : JSON.stringify([key.unit, key.manager])), allCells),
      ).map(([pair, group]) => {
        const [unit, manager] = JSON.parse(pair) as [string, string];
        return { unit, manager, n: group.n, recommendation: group.recommendation };
      }),
    };
  }

  /**
   * Each wave's total (every row of the wave, with or without a unit) and its units, in the order
   * the waves first appear; rows without a wave belong to none. Empty when no row has a wave.
   */
  waveTotals(): { order: string[]; waves: Record<string, WaveTotal> } {
    const order = [...new Set(this.cellKeys.map((key) => key.wave).filter((wave) => wave !== ""))];
    const totals = this.groupBy(
      (key) => key.wave,
      this.cellKeys.map((_, cell) => cell),
    );
    const waves: Record<string, WaveTotal> = {};
    for (const wave of order) {
      const cells = this.cellKeys.map((_, cell) => cell).filter((cell) => this.cellKeys[cell].wave === wave);
      waves[wave] = { ...totals[wave], units: this.groupBy((key) => key.unit, cells) };
    }
    return { order, waves };
  }
}
