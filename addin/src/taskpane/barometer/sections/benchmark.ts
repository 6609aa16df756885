import { columnSpan, valueBlock, type Section } from "../../sheet/sections";
import type { BarometerContext } from "./context";
import type { DimensionTableAnchors } from "./dimensionTable";

/** Percentile ranks in the benchmark pool, as values in column K next to the dimension table. */
export function benchmarkSection(context: BarometerContext, table: DimensionTableAnchors): Section | undefined {
  const benchmark = context.input.benchmark;
  if (!benchmark || context.paired.length === 0) return undefined;
  const rows = table.dimensionRows;
  return {
    blocks: [
      valueBlock(rows.top - 1, 10, [[benchmark.header]]),
      valueBlock(
        rows.top,
        10,
        context.paired.map((dimension) => [benchmark.cells[dimension.id] ?? null]),
      ),
    ],
    numberFormats: [{ address: columnSpan(10, rows.top, rows.bottom), format: "0" }],
    conditionalFormats: [],
    charts: [],
    bottom: rows.bottom,
    anchors: {},
  };
}
