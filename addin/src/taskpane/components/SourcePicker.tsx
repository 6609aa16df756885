import * as React from "react";
import { Button, Field, Select } from "@fluentui/react-components";
import type { SourceLocation } from "../data/sourceGeometry";
import type { SheetSummary, TableSummary } from "../workbook/WorkbookPort";
import { format, type Strings } from "../i18n/strings";

export interface SourceChoices {
  readonly sheets: readonly SheetSummary[];
  readonly tables: readonly TableSummary[];
}

export interface SourcePickerProps {
  readonly strings: Strings;
  readonly choices: SourceChoices;
  readonly employees: SourceLocation | null;
  readonly customers: SourceLocation | null;
  readonly units: SourceLocation | null;
  readonly busy: boolean;
  readonly onChange: (which: "employees" | "customers" | "units", location: SourceLocation | null) => void;
  readonly onRefresh: () => void;
  readonly onSuggest: () => void;
}

function encode(location: SourceLocation | null): string {
  if (!location) return "";
  return location.table ? `table:${location.table}` : `sheet:${location.sheet}`;
}

function decode(value: string, choices: SourceChoices): SourceLocation | null {
  if (value.startsWith("table:")) {
    const table = choices.tables.find((candidate) => candidate.name === value.slice(6));
    return table ? { sheet: table.sheet, table: table.name } : null;
  }
  return value.startsWith("sheet:") ? { sheet: value.slice(6) } : null;
}

/** Step 1: pick the Employees, Customers and (optional) Units data among the sheets and tables. */
export function SourcePicker(props: SourcePickerProps): React.ReactElement {
  const { strings, choices } = props;
  const options = (
    <>
      {choices.tables.map((table) => (
        <option key={`table:${table.name}`} value={`table:${table.name}`}>
          {format(strings.tableOption, { name: table.name, sheet: table.sheet })}
        </option>
      ))}
      {choices.sheets.map((sheet) => (
        <option key={`sheet:${sheet.name}`} value={`sheet:${sheet.name}`}>
          {format(strings.sheetOption, { name: sheet.name })}
        </option>
      ))}
    </>
  );
  const picker = (which: "employees" | "customers" | "units", label: string, location: SourceLocation | null) => (
    <Field label={label}>
      <Select
        value={encode(location)}
        onChange={(_, data) => props.onChange(which, decode(data.value, choices))}
        data-testid={`source-${which}`}
      >
        <option value="">{strings.none}</option>
        {options}
      </Select>
    </Field>
  );
  return (
    <section aria-labelledby="data-heading" className="sym-section">
      <h2 id="data-heading">{strings.dataHeading}</h2>
      {picker("employees", strings.employeesSource, props.employees)}
      {picker("customers", strings.customersSource, props.customers)}
      {picker("units", strings.unitsSource, props.units)}
      <div className="sym-actions">
        <Button onClick={props.onRefresh} disabled={props.busy}>
          {strings.refresh}
        </Button>
        <Button
          appearance="primary"
          onClick={props.onSuggest}
          disabled={props.busy || !props.employees || !props.customers}
          data-testid="suggest"
        >
          {strings.suggest}
        </Button>
      </div>
    </section>
  );
}
