import type { RangeAddress } from "../../workbook/a1";
import { type Section } from "../../sheet/sections";
import { mergeSections } from "./merge";
import type { LinkageContext } from "./context";
import { orNull } from "./context";
import { noteSection, tableSection } from "./table";

/** Benjamini–Hochberg q as stars: *** < 0.001, ** < 0.01, * < 0.05. */
export function significanceMark(q: number): string {
  return q < 0.001 ? "***" : q < 0.01 ? "**" : q < 0.05 ? "*" : "";
}

/** Correlations: r, Fisher-z CI, p, BH q, significance mark on q, n, bootstrap CI. */
export function correlationsSection(context: LinkageContext, top: number): Section<{ rows?: RangeAddress }> {
  const { text, label, result } = context;
  return tableSection(
    top,
    text.linkageCorrelations,
    [
      text.linkageX,
      text.linkageY,
      text.linkageMethod,
      "r",
      text.low,
      text.high,
      text.pValue,
      "q",
      text.linkageSignificance,
      text.count,
      text.linkageBootLow,
      text.linkageBootHigh,
    ],
    result.correlations.map((entry) => [
      label(entry.x),
      label(entry.y),
      entry.method,
      entry.r,
      entry.low,
      entry.high,
      entry.p,
      entry.q,
      significanceMark(entry.q),
      entry.n,
      orNull(entry.bootLow),
      orNull(entry.bootHigh),
    ]),
    [
      [3, "0.000"],
      [4, "0.000"],
      [5, "0.000"],
      [6, "0.0000"],
      [7, "0.0000"],
      [10, "0.000"],
      [11, "0.000"],
    ],
  );
}

/** Quartiles: top versus bottom quartile of units, or a note when there are too few units. */
export function quartilesSection(context: LinkageContext, top: number): Section<{ rows?: RangeAddress }> {
  const { text, label, result } = context;
  const table = tableSection(
    top,
    text.linkageQuartiles,
    [
      text.linkageX,
      text.linkageY,
      text.linkageUnitsPerQuartile,
      text.linkageTop,
      text.linkageBottom,
      text.linkageDifference,
      text.low,
      text.high,
      text.pValue,
    ],
    result.quartiles.map((entry) => [
      label(entry.x),
      label(entry.y),
      entry.unitsPerQuartile,
      entry.top,
      entry.bottom,
      entry.difference,
      orNull(entry.low),
      orNull(entry.high),
      orNull(entry.p),
    ]),
    [
      [3, "0.0"],
      [4, "0.0"],
      [5, "0.0"],
      [6, "0.0"],
      [7, "0.0"],
      [8, "0.0000"],
    ],
  );
  if (result.quartiles.length > 0) return table;
  return mergeSections(table, noteSection(table.bottom + 1, undefined, text.linkageNoQuartiles), table.anchors);
}

/** Key drivers (relative weights, share of R², bootstrap CI), or why there are none. */
export function driversSection(context: LinkageContext, top: number): Section<{ rows?: RangeAddress }> {
  const { text, label, result, input } = context;
  if (result.drivers.length === 0) {
    const driverNote = input.notes?.find((message) => /driver|moteur/i.test(message));
    return noteSection(top, text.linkageDrivers, driverNote ?? text.linkageNoDrivers);
  }
  return tableSection(
    top,
    text.linkageDrivers,
    [text.linkageY, text.dimension, text.linkageWeight, text.linkageShare, text.low, text.high, "R²", text.count],
    result.drivers.map((entry) => [
      label(entry.y),
      label(entry.id),
      entry.weight,
      entry.share,
      orNull(entry.low),
      orNull(entry.high),
      entry.rSquared,
      entry.n,
    ]),
    [
      [2, "0.000"],
      [3, "0.0%"],
      [4, "0.0%"],
      [5, "0.0%"],
      [6, "0.000"],
    ],
  );
}
