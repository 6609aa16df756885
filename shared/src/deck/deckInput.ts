import type { Action } from "../actions/actions";
import type { Barometer } from "../barometer/barometer";
import { fewerThan, formatCount } from "../format/display";
import type { HeatmapEntry } from "../heatmap/heatmap";
import type { LinkageResult } from "../linkage/schemas";
import type { Language, Model } from "../model/schemas";
import type { Priority } from "../priorities/priorities";
import type { Trend } from "../trend/trend";

/** The barometer a deck is made from: the engine's result with the thresholds it used. */
export interface DeckBarometer extends Pick<Barometer, "employees" | "customers" | "dimensions" | "symmetryIndex" | "minGroupSize"> {
  readonly units: readonly (Barometer["units"][number] & { readonly attribute?: string })[];
  /** Labels of the unit attributes (front office / support) in the deck's language. */
  readonly unitAttributes?: Readonly<Record<string, string>>;
  readonly thresholds: { readonly gapThreshold: number; readonly alpha: number };
  /**
   * Heat maps decided together with the eNPS by unit and by manager (`computeHeatmap` with joint
   * suppression); the one `by: "unit"` becomes the groups slide.
   */
  readonly heatmap?: readonly HeatmapEntry[];
}

export interface ClientDeckInput {
  readonly language: Language;
  /** The organisation's name (the file name when nothing better is known). */
  readonly organisation: string;
  readonly wave?: string;
  readonly barometer: DeckBarometer;
  /** The model: dimension labels and the items behind each alert. */
  readonly model: Model;
  /** Cross-unit linkage, when the units carry outcomes. */
  readonly link?: LinkageResult;
  /** The barometer per wave and the changes between waves (`computeTrend`), when the data has two waves or more. */
  readonly trend?: Pick<Trend, "waves" | "changes">;
  /** Dimensions ranked by need × impact, alerts first (`rankPriorities`). */
  readonly priorities?: readonly Priority[];
  /** The organisation's action plan (workbook part or API), when there is one. */
  readonly actions?: readonly Action[];
}

/** A count, or "fewer than N" when it is itself a figure about too few people. */
export function countOrFewer(count: number, minGroupSize: number, language: Language): string {
  return count < minGroupSize ? fewerThan(minGroupSize, language) : formatCount(count, language);
}
