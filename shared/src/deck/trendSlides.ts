import { formatCount, formatInterval, formatNumber, formatP, formatSigned } from "../format/display";
import type { TrendChange, TrendChangeStatus, TrendWave } from "../trend/trend";
import type { ClientDeckInput } from "./deckInput";
import type { DeckSlide, KeyFigure, TableCell, Tone } from "./plan";
import type { DeckWords } from "./words";

const oneDecimal = (value: number) => Math.round(value * 10) / 10;

/** Tone of a gap change: a closed alert and a narrowed gap read as progress, a widened one as a warning. */
export function toneOfChange(status: TrendChangeStatus, closed: boolean): Tone {
  if (closed || status === "narrowed") return "better";
  if (status === "widened") return "alert";
  return status === "not-computable" ? "hidden" : "plain";
}

/** The change since the last wave: the comparison whose `to` is the latest wave (the trend's default pairs end there). */
export function latestChange(trend: NonNullable<ClientDeckInput["trend"]>): TrendChange | undefined {
  const last = trend.waves[trend.waves.length - 1]?.wave;
  return [...trend.changes].reverse().find((change) => change.to === last) ?? trend.changes[trend.changes.length - 1];
}

/**
 * The trend slides, when the data holds two waves or more: the symmetry index, the alerts and the
 * eNPS then and now with a native chart of every dimension's gap in both waves; then one line per
 * dimension with the change of its gap, its 95% interval, p (four-sample Welch) and whether it
 * narrowed, widened, stayed or closed (docs/domain.md#gap-change-status). Figures are the trend's,
 * already hidden per wave and across waves.
 */
export function trendSlides(input: ClientDeckInput, words: DeckWords): DeckSlide[] {
  const { trend, language } = input;
  if (!trend || trend.waves.length < 2) return [];
  const change = latestChange(trend);
  if (!change) return [];
  const from = trend.waves.find((wave) => wave.wave === change.from)!;
  const to = trend.waves.find((wave) => wave.wave === change.to)!;
  const title = words.trendTitle(change.from, change.to);
  const index = (wave: TrendWave) => (wave.symmetryIndex === null ? "–" : formatNumber(wave.symmetryIndex, language));
  const figures: KeyFigure[] = [
    { label: words.symmetryIndex, value: index(to), detail: words.then(change.from, index(from)) },
    {
      label: words.alerts,
      value: formatCount(to.alerts, language),
      detail: words.then(change.from, formatCount(from.alerts, language)),
      tone: to.alerts > 0 ? "alert" : "ok",
    },
    change.enps === null || to.employees.enps === null
      ? { label: words.enpsChange, value: "–", detail: words.notComparable, tone: "hidden" }
      : {
          label: words.enpsChange,
          value: formatSigned(change.enps.change, language),
          detail: `p: ${formatP(change.enps.p, language)} · ${change.to}: ${formatSigned(to.employees.enps.value, language)}`,
          tone: change.enps.p < input.barometer.thresholds.alpha ? (change.enps.change > 0 ? "better" : "alert") : "plain",
        },
  ];
  const comparable = change.dimensions.filter((dimension) => dimension.gapFrom !== null && dimension.gapTo !== null);
  const chartSlide: DeckSlide = {
    role: "trend",
    title,
    blocks: [
      { kind: "figures", figures },
      comparable.length === 0
        ? { kind: "note", text: words.allSuppressed(input.barometer.minGroupSize) }
        : {
            kind: "bars",
            title: words.trendChart,
            categories: comparable.map((dimension) => dimension.label),
            horizontal: true,
            series: [
              { name: change.from, tone: "whole", values: comparable.map((dimension) => oneDecimal(dimension.gapFrom!)) },
              { name: change.to, tone: "employees", values: comparable.map((dimension) => oneDecimal(dimension.gapTo!)) },
            ],
          },
    ],
  };
  const gap = (value: number | null): TableCell =>
    value === null ? { text: "–", tone: "hidden" } : { text: formatSigned(value, language) };
  const rows: TableCell[][] = change.dimensions.map((dimension) => [
    { text: dimension.label },
    gap(dimension.gapFrom),
    gap(dimension.gapTo),
    gap(dimension.gapChange),
    dimension.low === null || dimension.high === null
      ? { text: "–", tone: "hidden" }
      : { text: formatInterval(dimension.low, dimension.high, language) },
    dimension.p === null ? { text: "–", tone: "hidden" } : { text: formatP(dimension.p, language) },
    {
      text: dimension.closed ? words.changeStatus.closed : words.changeStatus[dimension.status],
      tone: toneOfChange(dimension.status, dimension.closed),
    },
  ]);
  const tableSlide: DeckSlide = {
    role: "trend",
    title,
    blocks: [
      { kind: "table", header: words.trendHeader(change.from, change.to), rows, widths: [3.4, 1.2, 1.2, 1.2, 1.9, 1, 1.6] },
      { kind: "note", text: words.trendNote(input.barometer.minGroupSize) },
    ],
  };
  return [chartSlide, tableSlide];
}
