import { formatNumber, formatSigned } from "../format/display";
import { countOrFewer, type ClientDeckInput } from "./deckInput";
import type { DeckPlan } from "./plan";
import { deckWords } from "./words";

/**
 * The one-page summary for employees, in plain words: what we measured, what we heard (the
 * symmetry index, the widest gaps, where employees and customers agree, the eNPS), what we will do
 * (the alert dimensions first). Only organisation-level figures, never a unit or a team.
 */
export function planEmployeeSummary(input: Omit<ClientDeckInput, "link">): DeckPlan {
  const { barometer, language } = input;
  const words = deckWords(language);
  const minimum = barometer.minGroupSize;
  const shown = barometer.dimensions.filter(
    (dimension) => dimension.gap !== null && dimension.employee.score !== null && dimension.customer.score !== null,
  );
  const widest = [...shown]
    .sort((a, b) => Math.abs(b.gap!) - Math.abs(a.gap!))
    .filter((dimension) => dimension.status !== "ok")
    .slice(0, 3);
  const closest = [...shown].sort((a, b) => Math.abs(a.gap!) - Math.abs(b.gap!)).slice(0, 2);
  const alerts = barometer.dimensions.filter((dimension) => dimension.status === "alert").map((dimension) => dimension.label);

  const heard: string[] = [];
  if (shown.length === 0) heard.push(words.allSuppressed(minimum));
  else {
    if (barometer.symmetryIndex !== null) heard.push(words.heardIndex(formatNumber(barometer.symmetryIndex, language)));
    for (const dimension of widest) {
      heard.push(
        words.heardGap(
          dimension.label,
          formatNumber(dimension.employee.score!, language, { digits: 0 }),
          formatNumber(dimension.customer.score!, language, { digits: 0 }),
          dimension.gap! < 0,
        ),
      );
    }
    if (closest.length > 0) heard.push(words.heardCloseness(closest.map((dimension) => dimension.label).join(", ")));
  }
  if (barometer.employees.enps) heard.push(words.heardEnps(formatSigned(barometer.employees.enps.value, language, 0)));

  const list = (labels: string[]) =>
    labels.length <= 1
      ? labels.join("")
      : `${labels.slice(0, -1).join(", ")} ${language === "fr" ? "et" : "and"} ${labels[labels.length - 1]}`;
  return {
    language,
    title: `${input.organisation} · ${words.summaryTitle}`,
    shape: "portrait",
    slides: [
      {
        role: "summary",
        title: words.summaryTitle,
        subtitle: `${input.organisation}${input.wave ? ` · ${input.wave}` : ""}`,
        blocks: [
          {
            kind: "lines",
            headings: true,
            lines: [
              words.measuredTitle,
              words.measured(
                countOrFewer(barometer.employees.n, minimum, language),
                countOrFewer(barometer.customers.n, minimum, language),
                shown.length || barometer.dimensions.length,
              ),
            ],
          },
          { kind: "lines", headings: true, lines: [words.heardTitle, ...heard] },
          {
            kind: "lines",
            headings: true,
            lines: [words.doTitle, alerts.length > 0 ? words.doAlerts(list(alerts)) : words.doNoAlert, words.doFollowUp],
          },
          { kind: "note", text: words.summaryNote(minimum) },
        ],
      },
    ],
  };
}
