import type { SampleSummary } from "../_lib/summary";
import type { GroupAggregate } from "../barometer/aggregate";
import type { Language, Model, Thresholds } from "../model/schemas";
import type { NpsInterval, RecommendationCounts } from "../nps/nps";
import type { GapChangeStatus, NpsChange } from "./change";

/** The shapes of the barometer over time (docs/domain.md#waves): inputs per wave, and the trend computed from them. */

/** One population in one wave: the total, and its units when the source has a unit column. */
export interface WavePopulation {
  readonly n: number;
  readonly recommendation: RecommendationCounts;
  readonly dimensions: Readonly<Record<string, SampleSummary>>;
  readonly units?: Readonly<Record<string, GroupAggregate>>;
}

export interface WaveInput {
  readonly wave: string;
  readonly employees: WavePopulation;
  readonly customers: WavePopulation;
}

export interface TrendOptions {
  readonly model: Model;
  readonly language?: Language;
  readonly thresholds?: Partial<Thresholds>;
  /** Level of the intervals (0.95). */
  readonly confidence?: number;
  /** Waves to compare; default: each wave with the next. */
  readonly pairs?: readonly { from: string; to: string }[];
}

/** Gap status of a wave: the barometer's, or not computable when one side has no scores at all. */
export type TrendGapStatus = "alert" | "watch" | "ok" | "suppressed" | "not-computable";

export interface TrendScore {
  /** Null when hidden (fewer than the threshold, or complementary across waves) or absent. */
  score: number | null;
  /** Null when hidden: the exact count of a hidden group is a figure too. */
  n: number | null;
}

export interface TrendWaveDimension {
  id: string;
  label: string;
  employee: TrendScore;
  customer: TrendScore;
  gap: number | null;
  p: number | null;
  status: TrendGapStatus;
}

export interface TrendUnit {
  unit: string;
  n: number | null;
  enps: number | null;
  suppressed: boolean;
}

export interface TrendWave {
  wave: string;
  employees: { n: number | null; enps: NpsInterval | null };
  customers: { n: number | null; nps: NpsInterval | null };
  symmetryIndex: number | null;
  /** Headline next to the index: dimensions on alert and the largest gap. */
  alerts: number;
  largestGap: { id: string; gap: number } | null;
  dimensions: TrendWaveDimension[];
  /** eNPS by unit in this wave, hidden across units and across waves. */
  units: TrendUnit[];
}

export type TrendChangeStatus = GapChangeStatus | "not-computable";

export interface TrendScoreChange {
  change: number;
  low: number;
  high: number;
  p: number;
}

export interface TrendDimensionChange {
  id: string;
  label: string;
  gapFrom: number | null;
  gapTo: number | null;
  gapChange: number | null;
  low: number | null;
  high: number | null;
  p: number | null;
  df: number | null;
  status: TrendChangeStatus;
  /** An alert of the first wave that is no longer one and narrowed (docs/domain.md#gap-change-status). */
  closed: boolean;
  employeeChange: TrendScoreChange | null;
  customerChange: TrendScoreChange | null;
}

export interface TrendChange {
  from: string;
  to: string;
  enps: NpsChange | null;
  nps: NpsChange | null;
  dimensions: TrendDimensionChange[];
}

export interface Trend {
  waves: TrendWave[];
  changes: TrendChange[];
  minGroupSize: number;
}
