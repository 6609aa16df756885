import type { GroupAggregate } from "../barometer/aggregate";
import { fewerThan, formatCount, formatNumber, formatSigned } from "../format/display";
import type { Language } from "../model/schemas";
import { countTotal, netPromoterScore } from "../nps/nps";
import { countOrFewer, type DeckBarometer } from "./deckInput";
import type { DeckPlan, DeckSlide, KeyFigure, TableCell } from "./plan";
import { deckWords } from "./words";

export interface ManagerDecksInput {
  readonly language: Language;
  readonly organisation: string;
  readonly wave?: string;
  /** The whole organisation's barometer. */
  readonly barometer: DeckBarometer;
  /** Employee aggregates per manager (the population aggregate's `managers`). */
  readonly managers: Readonly<Record<string, GroupAggregate>>;
}

export interface ManagerDeck {
  readonly manager: string;
  readonly respondents: number;
  readonly plan: DeckPlan;
}

const oneDecimal = (value: number) => Math.round(value * 10) / 10;

/**
 * One deck per manager whose team has at least the confidentiality threshold of respondents: the
 * team against the whole organisation, and nothing about any other team. Within the team, a
 * dimension or the eNPS answered by fewer than the threshold reads "fewer than N". The whole is
 * shown only when the rest of the organisation (whole − team) is itself at least the threshold,
 * else the manager could subtract their team from it and read a small group.
 */
export function planManagerDecks(input: ManagerDecksInput): ManagerDeck[] {
  const { barometer, language } = input;
  const minimum = barometer.minGroupSize;
  const words = deckWords(language);
  const decks: ManagerDeck[] = [];
  for (const manager of Object.keys(input.managers).sort((a, b) => a.localeCompare(b))) {
    const team = input.managers[manager];
    if (team.n < minimum) continue;
    const wholeShown = barometer.employees.n - team.n >= minimum;
    const teamAnswers = countTotal(team.recommendation);
    const teamEnps = teamAnswers >= minimum ? netPromoterScore(team.recommendation) : null;
    const wholeEnps = wholeShown ? (barometer.employees.enps?.value ?? null) : null;
    const hidden = fewerThan(minimum, language);
    const figures: KeyFigure[] = [
      {
        label: `${words.team} · eNPS`,
        value: teamEnps === null ? "–" : formatSigned(teamEnps, language),
        detail: teamEnps === null ? words.notShown(hidden) : words.teamRespondents(formatCount(team.n, language)),
        tone: "team",
      },
      {
        label: `${words.whole} · eNPS`,
        value: wholeEnps === null ? "–" : formatSigned(wholeEnps, language),
        detail: wholeShown
          ? words.respondentsLine(
              countOrFewer(barometer.employees.n, minimum, language),
              countOrFewer(barometer.customers.n, minimum, language),
            )
          : words.wholeWithheld(minimum),
        tone: "whole",
      },
    ];

    const rows: TableCell[][] = [];
    const categories: string[] = [];
    const teamValues: (number | null)[] = [];
    const wholeValues: (number | null)[] = [];
    for (const dimension of barometer.dimensions) {
      const summary = team.dimensions[dimension.id];
      const teamScore = summary && summary.n >= minimum ? summary.mean : null;
      const wholeScore = wholeShown ? dimension.employee.score : null;
      rows.push([
        { text: dimension.label },
        { text: teamScore === null ? hidden : formatNumber(teamScore, language), tone: teamScore === null ? "hidden" : "team" },
        {
          text: wholeScore === null ? (wholeShown ? hidden : "–") : formatNumber(wholeScore, language),
          tone: wholeScore === null ? "hidden" : "whole",
        },
        { text: teamScore === null || wholeScore === null ? "–" : formatSigned(teamScore - wholeScore, language) },
      ]);
      if (teamScore !== null) {
        categories.push(dimension.label);
        teamValues.push(oneDecimal(teamScore));
        wholeValues.push(wholeScore === null ? null : oneDecimal(wholeScore));
      }
    }
    const slides: DeckSlide[] = [
      {
        role: "title",
        title: words.teamTitle(manager),
        subtitle: `${input.organisation} · ${words.barometer}`,
        blocks: [
          {
            kind: "lines",
            lines: [words.teamRespondents(formatCount(team.n, language)), ...(input.wave ? [`${words.wave}: ${input.wave}`] : [])],
          },
        ],
      },
      { role: "headline", title: words.headline, blocks: [{ kind: "figures", figures }] },
      {
        role: "team",
        title: words.teamVersusWhole,
        blocks: [
          ...(categories.length > 0
            ? [
                {
                  kind: "bars" as const,
                  title: words.teamVersusWhole,
                  categories,
                  horizontal: true,
                  series: [
                    { name: words.team, tone: "team" as const, values: teamValues },
                    ...(wholeShown ? [{ name: words.whole, tone: "whole" as const, values: wholeValues }] : []),
                  ],
                },
              ]
            : [{ kind: "note" as const, text: words.allSuppressed(minimum) }]),
        ],
      },
      {
        role: "team",
        title: words.teamVersusWhole,
        blocks: [
          { kind: "table", header: words.teamHeader, rows, widths: [4.4, 2, 2.4, 1.6] },
          { kind: "note", text: words.teamNote(minimum) },
        ],
      },
    ];
    decks.push({
      manager,
      respondents: team.n,
      plan: { language, title: `${words.teamTitle(manager)} · ${words.barometer}`, shape: "wide", slides },
    });
  }
  return decks;
}
