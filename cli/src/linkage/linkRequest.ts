import type { LinkageRequest, UnitRow } from "@symmetry/engine";
import { SymError } from "@symmetry/engine/errors";

/** What `sym link` was asked, already parsed. */
export interface LinkChoices {
  readonly x: readonly string[];
  readonly y: readonly string[];
  readonly methods: readonly ("pearson" | "spearman")[];
  readonly bootstrap: number;
  readonly seed: number;
  readonly minN: number;
  readonly lag: boolean;
  readonly drivers: boolean;
  /** Minimum units for key drivers (docs/domain.md#key-drivers: Culture Amp shows drivers only above 25). */
  readonly minDriverUnits?: number;
  readonly turnover: boolean;
  readonly costRatio: number;
  readonly deltaPoints: number;
}

/** Composite employee metrics: not drivers themselves when dimensions are among the x. */
const COMPOSITE_METRICS = new Set(["enps", "symmetry"]);

/** The key-driver predictors: the x metrics that are dimensions (two or more), else every x. */
export function driverPredictors(x: readonly string[]): string[] {
  const dimensions = x.filter((name) => !COMPOSITE_METRICS.has(name));
  return dimensions.length >= 2 ? dimensions : [...x];
}

/**
 * The engine's linkage request for these units and choices. The same object goes to `runLinkage`
 * locally and to `POST /api/jobs` (kind `linkage`), so the same seed gives the same numbers.
 *
 * @throws SymError when there are no units at all
 */
export function linkageRequestFor(units: readonly UnitRow[], choices: LinkChoices): LinkageRequest {
  if (units.length === 0)
    throw new SymError("too-few-values", "the units file has no unit rows: linkage needs at least 4 units", { value: 0 });
  return {
    units: [...units],
    x: [...choices.x],
    y: [...choices.y],
    methods: [...choices.methods],
    bootstrap: choices.bootstrap,
    seed: choices.seed,
    minN: choices.minN,
    lag: choices.lag,
    ...(choices.drivers ? { drivers: { predictors: driverPredictors(choices.x), minUnits: choices.minDriverUnits ?? 25 } } : {}),
    ...(choices.turnover ? { turnover: { x: "enps", costRatio: choices.costRatio, deltaPoints: choices.deltaPoints } } : {}),
  };
}
