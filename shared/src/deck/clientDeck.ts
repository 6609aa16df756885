import { headlineOf } from "../gap/headline";
import { fewerThan, formatCount, formatInterval, formatNumber, formatP, formatSigned } from "../format/display";
import type { Language, Model } from "../model/schemas";
import { countOrFewer, type ClientDeckInput, type DeckBarometer } from "./deckInput";
import { heatmapSlides } from "./heatmapSlides";
import { prioritiesSlides } from "./prioritiesSlide";
import { trendSlides } from "./trendSlides";
import type { DeckBlock, DeckPlan, DeckSlide, KeyFigure, Tone } from "./plan";
import { deckWords, type DeckWords } from "./words";

export { countOrFewer, type ClientDeckInput, type DeckBarometer } from "./deckInput";

const toneOfStatus = (status: string): Tone => (status === "alert" ? "alert" : status === "watch" ? "watch" : "ok");
const oneDecimal = (value: number) => Math.round(value * 10) / 10;

function titleSlide(input: ClientDeckInput, words: DeckWords): DeckSlide {
  const { barometer, language } = input;
  const minimum = barometer.minGroupSize;
  const lines = [
    words.respondentsLine(countOrFewer(barometer.employees.n, minimum, language), countOrFewer(barometer.customers.n, minimum, language)),
    ...(input.wave ? [`${words.wave}: ${input.wave}`] : []),
  ];
  return { role: "title", title: input.organisation, subtitle: words.barometer, blocks: [{ kind: "lines", lines }] };
}

function headlineSlide(input: ClientDeckInput, words: DeckWords): DeckSlide {
  const { barometer, language } = input;
  const minimum = barometer.minGroupSize;
  const headline = headlineOf(barometer.dimensions);
  const watches = barometer.dimensions.filter((dimension) => dimension.status === "watch").length;
  const largest = headline.largestGap && barometer.dimensions.find((dimension) => dimension.id === headline.largestGap!.id);
  const hidden = words.notShown(fewerThan(minimum, language));
  const recommendation = (label: string, interval: DeckBarometer["employees"]["enps"]): KeyFigure =>
    interval
      ? {
          label,
          value: formatSigned(interval.value, language),
          detail: `${formatInterval(interval.low, interval.high, language)} · ${words.answers(formatCount(interval.n, language))}`,
        }
      : { label, value: "–", detail: hidden, tone: "hidden" };
  const figures: KeyFigure[] = [
    barometer.symmetryIndex === null
      ? { label: words.symmetryIndex, value: "–", detail: hidden, tone: "hidden" }
      : { label: words.symmetryIndex, value: formatNumber(barometer.symmetryIndex, language), detail: words.symmetryIndexDetail },
    {
      label: words.alerts,
      value: formatCount(headline.alerts, language),
      detail: words.alertsDetail(watches),
      tone: headline.alerts > 0 ? "alert" : "ok",
    },
    !largest || largest.gap === null
      ? { label: words.largestGap, value: "–", detail: hidden, tone: "hidden" }
      : { label: words.largestGap, value: formatSigned(largest.gap, language), detail: largest.label, tone: toneOfStatus(largest.status) },
    recommendation(words.enps, barometer.employees.enps),
    recommendation(words.nps, barometer.customers.nps),
  ];
  const allHidden = !largest && !barometer.employees.enps && !barometer.customers.nps;
  return {
    role: "headline",
    title: words.headline,
    blocks: [{ kind: "figures", figures }, ...(allHidden ? [{ kind: "note", text: words.allSuppressed(minimum) } as const] : [])],
  };
}

function gapsSlide(input: ClientDeckInput, words: DeckWords): DeckSlide {
  const { barometer } = input;
  const shown = barometer.dimensions.filter(
    (dimension) => dimension.gap !== null && dimension.employee.score !== null && dimension.customer.score !== null,
  );
  const hidden = barometer.dimensions.filter((dimension) => !shown.includes(dimension));
  if (shown.length === 0)
    return { role: "gaps", title: words.gapsTitle, blocks: [{ kind: "note", text: words.allSuppressed(barometer.minGroupSize) }] };
  const categories = shown.map((dimension) => dimension.label);
  // One series per status, stacked: each bar takes its status colour and the legend names it.
  const statuses = (["alert", "watch", "ok"] as const).filter((status) =>
    shown.some((dimension) => toneOfStatus(dimension.status) === status),
  );
  const blocks: DeckBlock[] = [
    {
      kind: "bars",
      title: words.gapChart,
      categories,
      horizontal: true,
      stacked: true,
      series: statuses.map((status) => ({
        name: words.statusSeries[status],
        tone: status,
        values: shown.map((dimension) => (toneOfStatus(dimension.status) === status ? oneDecimal(dimension.gap!) : null)),
      })),
    },
    {
      kind: "radar",
      title: words.radarChart,
      categories,
      series: [
        { name: words.employees, tone: "employees", values: shown.map((dimension) => oneDecimal(dimension.employee.score!)) },
        { name: words.customers, tone: "customers", values: shown.map((dimension) => oneDecimal(dimension.customer.score!)) },
      ],
    },
  ];
  const slide: DeckSlide = { role: "gaps", title: words.gapsTitle, columns: true, blocks };
  if (hidden.length === 0) return slide;
  return { ...slide, subtitle: words.hiddenDimensions(hidden.map((dimension) => dimension.label).join(", ")) };
}

function itemsBehind(model: Model, id: string, language: Language, words: DeckWords): string {
  const dimension = model.dimensions.find((candidate) => candidate.id === id);
  if (!dimension) return "–";
  const list = (items: typeof dimension.employeeItems) => items.map((item) => item.label[language]).join("; ");
  return `${words.employees}: ${list(dimension.employeeItems)}\n${words.customers}: ${list(dimension.customerItems)}`;
}

function alertsSlide(input: ClientDeckInput, words: DeckWords): DeckSlide {
  const { barometer, language, model } = input;
  const alerts = barometer.dimensions.filter((dimension) => dimension.status === "alert");
  const watches = barometer.dimensions.filter((dimension) => dimension.status === "watch");
  const blocks: DeckBlock[] = [];
  if (barometer.dimensions.every((dimension) => dimension.gap === null)) {
    blocks.push({ kind: "note", text: words.allSuppressed(barometer.minGroupSize) });
  } else if (alerts.length === 0) {
    blocks.push({ kind: "note", text: words.noAlert });
  } else {
    blocks.push({
      kind: "table",
      header: words.alertHeader,
      widths: [2.2, 0.9, 1.7, 0.9, 6.3],
      rows: alerts.map((dimension) => [
        { text: dimension.label, tone: "alert" },
        { text: formatSigned(dimension.gap!, language) },
        { text: dimension.low === null || dimension.high === null ? "–" : formatInterval(dimension.low, dimension.high, language) },
        { text: dimension.p === null ? "–" : formatP(dimension.p, language) },
        { text: itemsBehind(model, dimension.id, language, words) },
      ]),
    });
  }
  if (watches.length > 0)
    blocks.push({
      kind: "lines",
      lines: watches.map((dimension) => words.watchLine(dimension.label, formatSigned(dimension.gap!, language))),
    });
  return { role: "alerts", title: words.alertsTitle, blocks };
}

/** eNPS by unit with suppression: the groups slide when no heat map by unit is available. */
function unitsSlide(input: ClientDeckInput, words: DeckWords): DeckSlide | undefined {
  const { barometer, language } = input;
  if (barometer.units.length === 0) return undefined;
  const minimum = barometer.minGroupSize;
  const visible = barometer.units.filter((unit) => !unit.suppressed && unit.enps !== null).sort((a, b) => (b.enps ?? 0) - (a.enps ?? 0));
  const hiddenCount = barometer.units.filter((unit) => unit.suppressed).length;
  const blocks: DeckBlock[] = [];
  if (visible.length === 0) blocks.push({ kind: "note", text: words.noUnits });
  else {
    // One series per unit type, stacked: support units stand out (they are the ones most often forgotten).
    const typeOf = (unit: (typeof visible)[number]) => unit.attribute ?? "";
    const types = [...new Set(visible.map(typeOf))];
    const tones: Tone[] = ["employees", "customers", "watch", "whole"];
    blocks.push({
      kind: "bars",
      title: words.unitChart,
      categories: visible.map((unit) => unit.unit),
      horizontal: true,
      stacked: types.length > 1,
      series: types.map((type, index) => ({
        name: (type && input.barometer.unitAttributes?.[type]) || type || "eNPS",
        tone: tones[index % tones.length],
        values: visible.map((unit) => (typeOf(unit) === type ? oneDecimal(unit.enps!) : null)),
      })),
    });
  }
  if (hiddenCount > 0) blocks.push({ kind: "note", text: words.unitsHidden(hiddenCount, fewerThan(minimum, language)) });
  return { role: "groups", title: words.unitsTitle, blocks };
}

function linkageSlide(input: ClientDeckInput, words: DeckWords): DeckSlide | undefined {
  const { link, language } = input;
  if (!link) return undefined;
  const rows = link.correlations
    .filter((row) => row.method === "pearson" && (row.x === "enps" || row.x === "symmetry"))
    .map((row) => [
      { text: words.linkagePair(row.x === "enps" ? "eNPS" : row.x, row.y === "nps" ? "NPS" : row.y) },
      { text: formatSigned(row.r, language, 2) },
      { text: formatInterval(row.low, row.high, language, { digits: 2 }) },
      { text: formatP(row.p, language), tone: (row.p < input.barometer.thresholds.alpha ? "ok" : "plain") as Tone },
      { text: formatCount(row.n, language) },
    ]);
  if (rows.length === 0 && !link.turnover) return undefined;
  const blocks: DeckBlock[] = [];
  if (rows.length > 0) blocks.push({ kind: "table", header: words.linkageHeader, rows, widths: [4, 1.4, 2.6, 1.4, 1.4] });
  const turnover = link.turnover;
  if (turnover) {
    const percentPoints = (value: number) => formatSigned(value * 100, language, 2);
    blocks.push({
      kind: "lines",
      lines: [
        words.turnoverLine(percentPoints(turnover.slope), `[${percentPoints(turnover.low)}; ${percentPoints(turnover.high)}]`, turnover.n),
        words.moneyLine(
          formatNumber(turnover.deltaPoints, language, { digits: 0 }),
          formatNumber(turnover.avoidedLeavers, language, { digits: 1 }),
          formatNumber(turnover.valueOfDelta, language, { digits: 0 }),
          `${formatNumber(turnover.costRatio * 100, language, { digits: 0 })} %`,
        ),
      ],
    });
  }
  blocks.push({ kind: "note", text: words.linkageNote });
  return { role: "linkage", title: words.linkageTitle, blocks };
}

function methodSlide(input: ClientDeckInput, words: DeckWords): DeckSlide {
  const { barometer, language } = input;
  const threshold = formatNumber(barometer.thresholds.gapThreshold, language, { digits: 0 });
  const alpha = formatNumber(barometer.thresholds.alpha, language, { digits: 2 });
  return {
    role: "method",
    title: words.methodTitle,
    blocks: [{ kind: "lines", lines: words.methodLines(threshold, alpha, barometer.minGroupSize) }],
  };
}

/**
 * The client deck: title, headline (symmetry index, alerts, largest gap, eNPS and NPS with
 * intervals), gap chart and employee/customer radar, the alert dimensions with the items behind
 * them, the heat map of dimensions by unit (eNPS by unit when there is no heat map) with
 * suppression, the change since the last wave when there are waves, the priorities and the action
 * plan when present, the linkage to NPS and turnover with its money value when the units carry
 * outcomes, and the method and confidentiality notes. A barometer whose figures
 * are all withheld gives slides that say so instead of empty charts.
 */
export function planClientDeck(input: ClientDeckInput): DeckPlan {
  const words = deckWords(input.language);
  const slides = [
    titleSlide(input, words),
    headlineSlide(input, words),
    gapsSlide(input, words),
    alertsSlide(input, words),
    ...(heatmapSlides(input, words) ?? [unitsSlide(input, words)]),
    ...trendSlides(input, words),
    ...prioritiesSlides(input, words),
    linkageSlide(input, words),
    methodSlide(input, words),
  ].filter((slide): slide is DeckSlide => slide !== undefined);
  return { language: input.language, title: `${input.organisation} · ${words.barometer}`, shape: "wide", slides };
}
