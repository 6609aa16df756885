import type { Language } from "../model/schemas";

/**
 * A deck as content, before any drawing: slides of titled blocks (key figures, bullet lines,
 * tables, bar and radar charts). The plan holds only figures that may be shown (confidentiality
 * is applied when it is made) and texts already formatted for the reader's language; a renderer
 * turns it into native, editable PowerPoint charts and tables.
 */

/** Colour meaning of a figure, table cell or bar series. */
export type Tone = "alert" | "watch" | "ok" | "better" | "team" | "whole" | "employees" | "customers" | "hidden" | "plain";

export interface KeyFigure {
  readonly label: string;
  readonly value: string;
  readonly detail?: string;
  readonly tone?: Tone;
}

export interface TableCell {
  readonly text: string;
  readonly tone?: Tone;
  /** Heat map shading: the cell is clearly below or above the whole organisation's figure. */
  readonly shade?: "below" | "above";
}

export interface ChartSeries {
  readonly name: string;
  /** One value per category; null leaves the bar out (a stacked series that does not apply). */
  readonly values: readonly (number | null)[];
  readonly tone: Tone;
}

export type DeckBlock =
  | { readonly kind: "figures"; readonly figures: readonly KeyFigure[] }
  | { readonly kind: "lines"; readonly lines: readonly string[]; readonly headings?: boolean }
  | {
      readonly kind: "table";
      readonly header: readonly string[];
      readonly rows: readonly (readonly TableCell[])[];
      readonly widths?: readonly number[];
      /** Many narrow columns (a heat map): smaller type, headers allowed to wrap. */
      readonly compact?: boolean;
    }
  | {
      readonly kind: "bars";
      readonly title: string;
      readonly categories: readonly string[];
      readonly series: readonly ChartSeries[];
      /** Series drawn on top of each other (one colour per status on one bar per category). */
      readonly stacked?: boolean;
      readonly horizontal?: boolean;
    }
  | { readonly kind: "radar"; readonly title: string; readonly categories: readonly string[]; readonly series: readonly ChartSeries[] }
  | { readonly kind: "note"; readonly text: string };

/** Which slide of the client deck a slide is (the tests and the pane find slides by it). */
export type SlideRole =
  "title" | "headline" | "gaps" | "alerts" | "groups" | "trend" | "priorities" | "linkage" | "method" | "team" | "summary";

export interface DeckSlide {
  readonly role: SlideRole;
  readonly title: string;
  readonly subtitle?: string;
  /** Blocks side by side (two charts) instead of one under the other. */
  readonly columns?: boolean;
  readonly blocks: readonly DeckBlock[];
}

export interface DeckPlan {
  readonly language: Language;
  /** File and document title. */
  readonly title: string;
  /** Page shape: 16:9 slides, or one A4 portrait page for the employee summary. */
  readonly shape: "wide" | "portrait";
  readonly slides: readonly DeckSlide[];
}
