import { actionOutcomes, type ActionOutcome } from "../actions/outcomes";
import type { Action } from "../actions/actions";
import { formatNumber } from "../format/display";
import type { ClientDeckInput } from "./deckInput";
import type { DeckSlide, TableCell, Tone } from "./plan";
import { latestChange, toneOfChange } from "./trendSlides";
import type { DeckWords } from "./words";

/** Actions per slide: each line may wrap to two or three lines of text. */
export const ACTIONS_PER_SLIDE = 7;
/** An action's text is cut on the slide (the full text stays in the plan). */
const ACTION_TEXT_SHOWN = 180;
const NAME_SHOWN = 60;

const cut = (text: string, length: number) => (text.length > length ? `${text.slice(0, length - 1).trimEnd()}…` : text);

function scopeText(action: Action, input: ClientDeckInput, words: DeckWords): string {
  switch (action.scope.kind) {
    case "all":
      return words.scopeAll;
    case "unit":
      return words.scopeUnit(cut(action.scope.value, NAME_SHOWN));
    case "unitType":
      return words.scopeUnitType(cut(input.barometer.unitAttributes?.[action.scope.value] ?? action.scope.value, NAME_SHOWN));
  }
}

function outcomeCell(outcome: ActionOutcome | undefined, words: DeckWords): TableCell {
  if (!outcome) return { text: words.notYetMeasured, tone: "hidden" };
  if (outcome.outcome === "unknown-dimension") return { text: words.changeStatus["not-computable"], tone: "hidden" };
  return {
    text: outcome.closed ? words.changeStatus.closed : words.changeStatus[outcome.outcome],
    tone: toneOfChange(outcome.outcome, outcome.closed),
  };
}

/**
 * The priorities and the action plan (docs/domain.md#priorities, docs/domain.md#actions): the
 * dimensions ranked by need × impact, alerts first; then the plan, one line per action (dimension,
 * for whom, owner, due date, status, what), with whether its gap narrowed since the last wave
 * when the data has waves. Empty when there is neither a ranking nor a plan. Actions carry no
 * figures; the ranking uses only gaps the barometer shows.
 */
export function prioritiesSlides(input: ClientDeckInput, words: DeckWords): DeckSlide[] {
  const { language } = input;
  const priorities = input.priorities ?? [];
  const actions = input.actions ?? [];
  const slides: DeckSlide[] = [];
  const statusOf = (status: string) => words.statusSeries[status as "alert" | "watch" | "ok"] ?? status;
  const toneOf = (status: string): Tone => (status === "alert" ? "alert" : status === "watch" ? "watch" : "plain");
  if (priorities.length > 0)
    slides.push({
      role: "priorities",
      title: words.prioritiesTitle,
      blocks: [
        {
          kind: "table",
          header: words.prioritiesHeader,
          widths: [0.8, 3.6, 1.4, 1.6, 1.6, 1.6],
          rows: priorities.map((priority) => [
            { text: String(priority.rank) },
            { text: priority.label, ...(priority.status === "alert" ? { tone: "alert" as const } : {}) },
            { text: statusOf(priority.status), tone: toneOf(priority.status) },
            { text: formatNumber(priority.need, language) },
            { text: `${formatNumber(priority.impact * 100, language, { digits: 0 })} %` },
            { text: formatNumber(priority.priority, language) },
          ]),
        },
        { kind: "note", text: words.prioritiesNote },
      ],
    });
  if (actions.length === 0) return slides;

  const change = input.trend && input.trend.waves.length >= 2 ? latestChange(input.trend) : undefined;
  const outcomes = change
    ? new Map(
        actionOutcomes(
          actions,
          change,
          input.trend!.waves.map((wave) => wave.wave),
        ).map((outcome) => [outcome.index, outcome]),
      )
    : undefined;
  const labelOf = new Map(input.model.dimensions.map((dimension) => [dimension.id, dimension.label[language]]));
  const rows: TableCell[][] = actions.map((action, index) => [
    { text: labelOf.get(action.dimension) ?? action.dimension },
    { text: scopeText(action, input, words) },
    { text: cut(action.owner, NAME_SHOWN) || "–" },
    { text: action.due ?? "–" },
    { text: words.actionStatus[action.status] },
    { text: cut(action.text, ACTION_TEXT_SHOWN) || "–" },
    ...(outcomes ? [outcomeCell(outcomes.get(index), words)] : []),
  ]);
  const header = outcomes ? [...words.actionsHeader, words.actionOutcomeHeader(change!.from, change!.to)] : [...words.actionsHeader];
  const widths = outcomes ? [2, 1.7, 1.6, 1.2, 1.1, 4.4, 1.6] : [2.2, 1.8, 1.7, 1.3, 1.2, 5.4];
  const pages = Math.ceil(rows.length / ACTIONS_PER_SLIDE);
  for (let page = 0; page < pages; page++)
    slides.push({
      role: "priorities",
      title: words.actionsTitle,
      ...(pages > 1 ? { subtitle: words.heatmapPage(page + 1, pages) } : {}),
      blocks: [
        { kind: "table", header, rows: rows.slice(page * ACTIONS_PER_SLIDE, (page + 1) * ACTIONS_PER_SLIDE), widths },
        ...(outcomes ? [{ kind: "note" as const, text: words.actionsNote }] : []),
      ],
    });
  return slides;
}
