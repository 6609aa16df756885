import { SymError } from "../errors";
import type { GroupAggregate } from "../barometer/aggregate";
import { pearson } from "../correlation/correlation";
import { relativeWeights } from "../linkage/relativeWeights";
import { countTotal, netPromoterScore } from "../nps/nps";

/**
 * Where a dimension's impact comes from: key drivers across units, across respondents (fewer than
 * 25 units), or equal shares (1/k) when they cannot be computed.
 */
export type ImpactSource = "units" | "respondents" | "equal";

export interface DriverShares {
  source: ImpactSource;
  /** Share of R² per dimension id (they sum to 1). */
  shares: Record<string, number>;
  /** Units the drivers were computed on (0 for equal shares and respondent-level drivers). */
  units: number;
  /** Respondents the drivers were computed on, for respondent-level drivers. */
  respondents?: number;
  rSquared: number | null;
}

/**
 * Impact of each dimension on eNPS across units (docs/domain.md#key-drivers, docs/domain.md#priorities): the
 * relative weights (Johnson 2000) of the unit dimension scores on unit eNPS, as shares of R²,
 * over units of at least `minGroupSize` answers; at least `minUnits` units (25: Culture Amp
 * shows drivers only above 25). Below that, or with collinear scores, every dimension gets 1/k.
 */
export function unitDriverShares(
  units: Readonly<Record<string, GroupAggregate>>,
  dimensions: readonly string[],
  minGroupSize: number,
  minUnits = 25,
): DriverShares {
  const equal = (): DriverShares => ({
    source: "equal",
    shares: Object.fromEntries(dimensions.map((id) => [id, 1 / dimensions.length])),
    units: 0,
    rSquared: null,
  });
  if (dimensions.length === 0) return { source: "equal", shares: {}, units: 0, rSquared: null };
  const usable = Object.values(units).filter(
    (unit) => countTotal(unit.recommendation) >= minGroupSize && dimensions.every((id) => (unit.dimensions[id]?.n ?? 0) >= minGroupSize),
  );
  if (usable.length < Math.max(minUnits, dimensions.length + 2)) return equal();
  const columns = dimensions.map((id) => usable.map((unit) => unit.dimensions[id].mean));
  const outcome = usable.map((unit) => netPromoterScore(unit.recommendation));
  try {
    const predictors = columns.map((x) => columns.map((y) => pearson(x, y)));
    const result = relativeWeights(
      predictors,
      columns.map((x) => pearson(x, outcome)),
    );
    if (!(result.rSquared > 0)) return equal();
    return {
      source: "units",
      shares: Object.fromEntries(dimensions.map((id, index) => [id, result.weights[index] / result.rSquared])),
      units: usable.length,
      rSquared: result.rSquared,
    };
  } catch (error) {
    if (error instanceof SymError && (error.code === "zero-variance" || error.code === "too-few-values")) return equal();
    throw error;
  }
}

export interface PriorityInput {
  id: string;
  label: string;
  gap: number | null;
  status: string;
  employeeScore: number | null;
}

export interface Priority {
  rank: number;
  id: string;
  label: string;
  status: string;
  /** |gap| in points, or the larger of |gap| and (benchmark − employee score). */
  need: number;
  impact: number;
  /** need × impact. */
  priority: number;
}

/**
 * Priorities (docs/domain.md#priorities): need × impact, where need = |gap| (or, with a
 * benchmark, the larger of |gap| and benchmark − employee score) and impact = the dimension's
 * share of R² in the key-driver analysis (1/k when drivers cannot be computed). Alerts first,
 * then by priority; dimensions without a gap are left out.
 */
export function rankPriorities(
  dimensions: readonly PriorityInput[],
  drivers: DriverShares,
  benchmark?: Readonly<Record<string, number>>,
): Priority[] {
  const entries = dimensions.flatMap((dimension) => {
    if (dimension.gap === null) return [];
    const behind =
      benchmark?.[dimension.id] !== undefined && dimension.employeeScore !== null
        ? benchmark[dimension.id] - dimension.employeeScore
        : -Infinity;
    const need = Math.max(Math.abs(dimension.gap), behind);
    const impact = drivers.shares[dimension.id] ?? 0;
    return [{ id: dimension.id, label: dimension.label, status: dimension.status, need, impact, priority: need * impact }];
  });
  entries.sort(
    (a, b) => Number(b.status === "alert") - Number(a.status === "alert") || b.priority - a.priority || a.id.localeCompare(b.id),
  );
  return entries.map((entry, index) => ({ rank: index + 1, ...entry }));
}
