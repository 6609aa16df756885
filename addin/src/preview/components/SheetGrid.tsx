import * as React from "react";
import { columnLetters, parseRange, type RangeAddress } from "../../taskpane/workbook/a1";
import type { ConditionalFormatRule } from "../../taskpane/workbook/WorkbookPort";
import { isFormulaError, type Scalar } from "../../../test-doubles/formula/values";
import { cellColours, formatCell } from "../cellDisplay";

export interface SheetGridProps {
  readonly caption: string;
  readonly area: RangeAddress;
  readonly values: readonly (readonly Scalar[])[];
  readonly numberFormat: (row: number, column: number) => string | undefined;
  readonly formula: (row: number, column: number) => string | undefined;
  readonly rules: readonly ConditionalFormatRule[];
  /** Test id of the table (two grids can be on the page). */
  readonly testId?: string;
}

/** The generated sheet as Excel would show it: column letters, row numbers, formatted values, conditional colours. */
export function SheetGrid({
  caption,
  area,
  values,
  numberFormat,
  formula,
  rules,
  testId = "sheet-grid",
}: SheetGridProps): React.ReactElement {
  const columns = Array.from({ length: area.right - area.left + 1 }, (_, index) => area.left + index);
  const parsedRules = React.useMemo(() => rules.map((rule) => ({ rule, range: parseRange(rule.address) })), [rules]);
  return (
    <div className="sym-sheet" role="region" aria-label={caption} tabIndex={0}>
      <table data-testid={testId}>
        <caption>{caption}</caption>
        <thead>
          <tr>
            <th scope="col">#</th>
            {columns.map((column) => (
              <th key={column} scope="col">
                {columnLetters(column)}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {values.map((line, rowOffset) => {
            const row = area.top + rowOffset;
            return (
              <tr key={row}>
                <th scope="row">{row + 1}</th>
                {line.map((value, columnOffset) => {
                  const column = area.left + columnOffset;
                  const address = `${columnLetters(column)}${row + 1}`;
                  const colours = cellColours(parsedRules, row, column, value, values, area);
                  const title = isFormulaError(value) ? `${value.code}: ${value.message}` : formula(row, column);
                  return (
                    <td
                      key={column}
                      data-cell={address}
                      data-value={typeof value === "number" ? String(value) : isFormulaError(value) ? value.code : (value ?? "")}
                      title={title}
                      style={colours ? { background: colours.fill, color: colours.font } : undefined}
                      className={typeof value === "number" ? "sym-number" : undefined}
                    >
                      {formatCell(value, numberFormat(row, column))}
                    </td>
                  );
                })}
              </tr>
            );
          })}
        </tbody>
      </table>
    </div>
  );
}
