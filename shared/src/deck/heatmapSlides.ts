import { fewerThan, formatCount, formatNumber, formatSigned } from "../format/display";
import type { ClientDeckInput } from "./deckInput";
import type { DeckSlide, TableCell } from "./plan";
import type { DeckWords } from "./words";

/** Units per heat map slide: the rows that fit under a header of wrapped dimension names at 16:9. */
export const HEATMAP_ROWS_PER_SLIDE = 14;
/** A cell is shaded when the unit's score is at least this many points from the whole organisation's. */
export const HEATMAP_SHADE_POINTS = 5;

/**
 * The groups slide(s) when a heat map by unit is available: employee score (0–100) per unit and
 * dimension, the unit's respondents and eNPS, cells shaded where the unit is clearly below or
 * above the whole organisation. The hidden set is the one `computeHeatmap` decided jointly with
 * the other published groupings: a hidden unit keeps its name but shows no figure and its count
 * reads "fewer than N". Long lists go on several slides. Undefined when there is no heat map by
 * unit (the eNPS by unit is shown instead).
 */
export function heatmapSlides(input: ClientDeckInput, words: DeckWords): DeckSlide[] | undefined {
  const { barometer, language } = input;
  const entry = barometer.heatmap?.find((candidate) => candidate.by === "unit");
  if (!entry || entry.groups.length === 0) return undefined;
  const minimum = barometer.minGroupSize;
  const hidden = fewerThan(minimum, language);
  const dimensions = barometer.dimensions.filter((dimension) =>
    entry.groups.some((group) => group.dimensions.some((cell) => cell.id === dimension.id)),
  );
  if (entry.groups.every((group) => group.suppressed))
    return [{ role: "groups", title: words.heatmapTitle, blocks: [{ kind: "note", text: words.noUnits }] }];

  const rows: TableCell[][] = entry.groups.map((group) => {
    const cells = dimensions.map((dimension): TableCell => {
      const score = group.suppressed ? null : (group.dimensions.find((cell) => cell.id === dimension.id)?.employee ?? null);
      if (score === null) return { text: group.suppressed ? "–" : hidden, tone: "hidden" };
      const whole = dimension.employee.score;
      const difference = whole === null ? 0 : score - whole;
      return {
        text: formatNumber(score, language, { digits: 0 }),
        ...(difference <= -HEATMAP_SHADE_POINTS
          ? { shade: "below" as const }
          : difference >= HEATMAP_SHADE_POINTS
            ? { shade: "above" as const }
            : {}),
      };
    });
    return [
      { text: group.group, ...(group.suppressed ? { tone: "hidden" as const } : {}) },
      group.n === null ? { text: hidden, tone: "hidden" } : { text: formatCount(group.n, language) },
      group.enps === null ? { text: "–", tone: "hidden" } : { text: formatSigned(group.enps, language, 0) },
      ...cells,
    ];
  });
  const header = [words.heatmapUnit, words.heatmapRespondents, "eNPS", ...dimensions.map((dimension) => dimension.label)];
  // Unit names wrap, dimension names must not break inside a word ("Relationships" at 8 pt needs 0.75 in).
  const widths = [1.9, 0.95, 0.65, ...dimensions.map(() => 1)];
  const pages = Math.ceil(rows.length / HEATMAP_ROWS_PER_SLIDE);
  const hiddenCount = entry.groups.filter((group) => group.suppressed).length;
  return Array.from({ length: pages }, (_, page): DeckSlide => ({
    role: "groups",
    title: words.heatmapTitle,
    ...(pages > 1 ? { subtitle: words.heatmapPage(page + 1, pages) } : {}),
    blocks: [
      {
        kind: "table",
        header,
        rows: rows.slice(page * HEATMAP_ROWS_PER_SLIDE, (page + 1) * HEATMAP_ROWS_PER_SLIDE),
        widths,
        compact: true,
      },
      { kind: "note", text: words.heatmapNote(HEATMAP_SHADE_POINTS, minimum, hiddenCount) },
    ],
  }));
}
