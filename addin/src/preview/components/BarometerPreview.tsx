import * as React from "react";
import type { Language } from "@symmetry/engine";
import type { BuildResult } from "../../taskpane/barometer/buildBarometer";
import { columnLetters, parseRange, rangeText } from "../../taskpane/workbook/a1";
import type { MemoryWorkbook } from "../../../test-doubles/memoryWorkbook";
import { isFormulaError, type Scalar } from "../../../test-doubles/formula/values";
import { format, stringsFor } from "../../taskpane/i18n/strings";
import { GapBarChart } from "./GapBarChart";
import { HeatMap, type HeatMapEntry } from "./HeatMap";
import { RadarChart } from "./RadarChart";
import { SheetGrid } from "./SheetGrid";

export interface BarometerPreviewProps {
  readonly workbook: MemoryWorkbook;
  readonly result: BuildResult;
  readonly language: Language;
  /** Units tagged as support / back office (from the Units data), shown in the heat map too. */
  readonly supportUnits: ReadonlySet<string>;
}

const number = (value: Scalar | undefined) => (typeof value === "number" ? value : null);

/** What Excel would show after the build: the generated sheet as a grid, the radar, the gap bars and the heat maps. */
export function BarometerPreview({ workbook, result, language, supportUnits }: BarometerPreviewProps): React.ReactElement {
  const strings = stringsFor(language);
  const { layout } = result;
  const sheet = result.area.sheet;
  const area = parseRange(result.area.address);
  const values = workbook.readDetailed(sheet, rangeText(area));
  const at = (row: number, column: number) => values[row - area.top]?.[column - area.left];
  const rows = layout.anchors.dimensionRows;
  const dimensionRows = Array.from({ length: layout.anchors.dimensionIds.length }, (_, index) => rows.top + index);
  const categories = dimensionRows.map((row) => String(at(row, 0) ?? ""));
  const heat = (range: typeof layout.anchors.byUnit): HeatMapEntry[] =>
    range
      ? Array.from({ length: range.bottom - range.top + 1 }, (_, index) => range.top + index)
          .map((row) => ({ group: at(row, range.left), n: number(at(row, range.left + 1)), value: number(at(row, range.left + 2)) }))
          .filter((entry) => entry.group !== null && !isFormulaError(entry.group))
          .map((entry) => ({ ...entry, group: String(entry.group), support: supportUnits.has(String(entry.group)) }))
      : [];
  const { minGroupSize, gapThreshold } = layout.thresholds;
  return (
    <section aria-labelledby="preview-heading" className="sym-preview" data-testid="preview">
      <h2 id="preview-heading">
        {strings.previewSheet}: {sheet}
      </h2>
      <div className="sym-charts">
        <RadarChart
          title={strings.radarTitle}
          categories={categories}
          series={[
            { name: strings.employeesSeries, colour: "#0f6cbd", values: dimensionRows.map((row) => number(at(row, 1))) },
            { name: strings.customersSeries, colour: "#c239b3", values: dimensionRows.map((row) => number(at(row, 2))) },
          ]}
        />
        <GapBarChart
          title={strings.gapChartTitle}
          categories={categories}
          gaps={dimensionRows.map((row) => number(at(row, 3)))}
          statuses={dimensionRows.map((row) => String(at(row, 8) ?? ""))}
          threshold={gapThreshold}
        />
        <HeatMap
          title={`${strings.heatMapTitle}: ${strings.byUnit}`}
          groupLabel={strings.unit}
          valueLabel={strings.enps}
          hiddenLabel={format(strings.hiddenGroup, { n: minGroupSize })}
          supportLabel={strings.supportUnit}
          entries={heat(layout.anchors.byUnit)}
          testId="heatmap-units"
        />
        <HeatMap
          title={`${strings.heatMapTitle}: ${strings.byManager}`}
          groupLabel={strings.manager}
          valueLabel={strings.enps}
          hiddenLabel={format(strings.hiddenGroup, { n: minGroupSize })}
          supportLabel={strings.supportUnit}
          entries={heat(layout.anchors.byManager)}
          testId="heatmap-managers"
        />
      </div>
      <SheetGrid
        caption={`${strings.previewSheet}: ${sheet}!${result.area.address}`}
        area={area}
        values={values}
        numberFormat={(row, column) => workbook.numberFormatAt(sheet, `${columnLetters(column)}${row + 1}`)}
        formula={(row, column) => workbook.formulaAt(sheet, `${columnLetters(column)}${row + 1}`)}
        rules={workbook.conditionalFormats(sheet)}
      />
    </section>
  );
}
