import * as React from "react";
import type { Language } from "@symmetry/engine";
import type { LinkageOutcome } from "../../taskpane/linkage/runLinkageAction";
import { columnLetters, parseRange, rangeText, type RangeAddress } from "../../taskpane/workbook/a1";
import type { MemoryWorkbook } from "../../../test-doubles/memoryWorkbook";
import type { Scalar } from "../../../test-doubles/formula/values";
import { stringsFor } from "../../taskpane/i18n/strings";
import { DriverBarChart } from "./DriverBarChart";
import { ScatterChart } from "./ScatterChart";
import { SheetGrid } from "./SheetGrid";

export interface LinkagePreviewProps {
  readonly workbook: MemoryWorkbook;
  readonly outcome: LinkageOutcome;
  readonly language: Language;
}

/** What Excel would show after Linkage: the sheet as a grid, the scatter by unit and the drivers bars, read back from the sheet. */
export function LinkagePreview({ workbook, outcome, language }: LinkagePreviewProps): React.ReactElement {
  const strings = stringsFor(language);
  const sheet = outcome.area.sheet;
  const area = parseRange(outcome.area.address);
  const values = workbook.readDetailed(sheet, rangeText(area));
  const rows = (range: RangeAddress | undefined) =>
    range ? Array.from({ length: range.bottom - range.top + 1 }, (_, index) => values[range.top + index - area.top] ?? []) : [];
  const number = (value: Scalar | undefined) => (typeof value === "number" ? value : null);
  const { anchors } = outcome.layout;
  const points = rows(anchors.scatter).flatMap((row) =>
    typeof row[1] === "number" && typeof row[2] === "number" ? [{ label: String(row[0]), x: row[1], y: row[2] }] : [],
  );
  const scatterChart = outcome.layout.charts.find((chart) => chart.kind === "scatter");
  const driversChart = outcome.layout.charts.find((chart) => chart.kind === "bar");
  const driverRows = rows(anchors.drivers).filter((row) => row[0] === rows(anchors.drivers)[0]?.[0]);
  return (
    <section aria-labelledby="linkage-preview-heading" className="sym-preview" data-testid="linkage-preview">
      <h2 id="linkage-preview-heading">
        {strings.previewSheet}: {sheet}
      </h2>
      <div className="sym-charts">
        {scatterChart ? (
          <ScatterChart
            title={scatterChart.title}
            xLabel={String(values[anchors.scatter!.top - 1 - area.top]?.[1] ?? "")}
            yLabel={String(values[anchors.scatter!.top - 1 - area.top]?.[2] ?? "")}
            points={points}
          />
        ) : null}
        {driversChart ? (
          <DriverBarChart
            title={driversChart.title}
            bars={driverRows.map((row) => ({
              label: String(row[1]),
              share: number(row[3]) ?? 0,
              low: number(row[4]),
              high: number(row[5]),
            }))}
          />
        ) : null}
      </div>
      <SheetGrid
        caption={`${strings.previewSheet}: ${sheet}!${outcome.area.address}`}
        area={area}
        values={values}
        numberFormat={(row, column) => workbook.numberFormatAt(sheet, `${columnLetters(column)}${row + 1}`)}
        formula={(row, column) => workbook.formulaAt(sheet, `${columnLetters(column)}${row + 1}`)}
        rules={workbook.conditionalFormats(sheet)}
        testId="linkage-grid"
      />
    </section>
  );
}
