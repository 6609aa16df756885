import * as React from "react";
import { Checkbox, Field, Input, Select } from "@fluentui/react-components";
import type { ColumnMapping, ColumnRole, Language, Model, Population, Scale } from "@symmetry/engine";
import { issuesOfRow, type MappingIssue } from "../mapping/draft";
import type { Strings } from "../i18n/strings";

export interface MappingGridProps {
  readonly strings: Strings;
  readonly language: Language;
  readonly model: Model;
  readonly population: Population;
  readonly columns: readonly ColumnMapping[];
  readonly scale: Scale;
  readonly issues: readonly MappingIssue[];
  readonly onColumnChange: (index: number, column: ColumnMapping) => void;
  readonly onScaleChange: (scale: Scale) => void;
}

const ROLES: readonly ColumnRole[] = ["item", "recommendation", "unit", "manager", "wave", "attribute", "ignore"];

function roleLabel(strings: Strings, role: ColumnRole): string {
  const labels: Record<ColumnRole, string> = {
    item: strings.roleItem,
    recommendation: strings.roleRecommendation,
    unit: strings.roleUnit,
    manager: strings.roleManager,
    wave: strings.roleWave,
    attribute: strings.roleAttribute,
    ignore: strings.roleIgnore,
  };
  return labels[role];
}

/** Changing the role keeps the column consistent: only items carry a dimension and a reversal. */
function withRole(column: ColumnMapping, role: ColumnRole, model: Model): ColumnMapping {
  if (role === "item") return { ...column, role, dimension: column.dimension ?? model.dimensions[0].id };
  const { dimension: _dimension, item: _item, ...rest } = column;
  return { ...rest, role, reversed: false };
}

/** Step 2: one row per source column (role, dimension, reversed), with the problems of each row shown under it. */
export function MappingGrid(props: MappingGridProps): React.ReactElement {
  const { strings, population, model } = props;
  const heading = population === "employees" ? strings.employeesColumns : strings.customersColumns;
  const headingId = `mapping-${population}`;
  const scaleNumber = (text: string, fallback: number) => (text.trim() === "" || !Number.isFinite(Number(text)) ? fallback : Number(text));
  return (
    <section aria-labelledby={headingId} className="sym-section">
      <h3 id={headingId}>{heading}</h3>
      <div className="sym-scale">
        <Field label={`${strings.scaleMin} (${heading})`}>
          <Input
            type="number"
            value={String(props.scale.min)}
            onChange={(_, data) => props.onScaleChange({ ...props.scale, min: scaleNumber(data.value, props.scale.min) })}
          />
        </Field>
        <Field label={`${strings.scaleMax} (${heading})`}>
          <Input
            type="number"
            value={String(props.scale.max)}
            onChange={(_, data) => props.onScaleChange({ ...props.scale, max: scaleNumber(data.value, props.scale.max) })}
          />
        </Field>
      </div>
      <table className="sym-grid" data-testid={`grid-${population}`}>
        <thead>
          <tr>
            <th scope="col">{strings.column}</th>
            <th scope="col">{strings.role}</th>
            <th scope="col">{strings.dimension}</th>
            <th scope="col">{strings.reversed}</th>
          </tr>
        </thead>
        <tbody>
          {props.columns.map((column, index) => {
            const rowIssues = issuesOfRow(props.issues, population, index);
            const issueId = `${population}-issue-${index}`;
            const described = rowIssues.length > 0 ? { "aria-describedby": issueId, "aria-invalid": true } : {};
            return (
              <React.Fragment key={`${column.header}-${index}`}>
                <tr data-header={column.header} className={rowIssues.length > 0 ? "sym-invalid" : undefined}>
                  <th scope="row">{column.header}</th>
                  <td>
                    <Select
                      aria-label={`${column.header}: ${strings.role}`}
                      value={column.role}
                      onChange={(_, data) => props.onColumnChange(index, withRole(column, data.value as ColumnRole, model))}
                      data-testid={`role-${population}-${column.header}`}
                      {...described}
                    >
                      {ROLES.map((role) => (
                        <option key={role} value={role}>
                          {roleLabel(strings, role)}
                        </option>
                      ))}
                    </Select>
                  </td>
                  <td>
                    {column.role === "item" ? (
                      <Select
                        aria-label={`${column.header}: ${strings.dimension}`}
                        value={column.dimension ?? ""}
                        onChange={(_, data) => props.onColumnChange(index, { ...column, dimension: data.value })}
                        data-testid={`dimension-${population}-${column.header}`}
                        {...described}
                      >
                        <option value="">—</option>
                        {model.dimensions.map((dimension) => (
                          <option key={dimension.id} value={dimension.id}>
                            {dimension.label[props.language]}
                          </option>
                        ))}
                      </Select>
                    ) : null}
                  </td>
                  <td>
                    {column.role === "item" ? (
                      <Checkbox
                        aria-label={`${column.header}: ${strings.reversed}`}
                        checked={column.reversed}
                        onChange={(_, data) => props.onColumnChange(index, { ...column, reversed: data.checked === true })}
                      />
                    ) : null}
                  </td>
                </tr>
                {rowIssues.length > 0 ? (
                  <tr className="sym-issue-row">
                    <td colSpan={4} id={issueId} role="alert" data-testid={`issue-${population}-${column.header}`}>
                      {rowIssues.map((issue) => issue.message).join("; ")}
                    </td>
                  </tr>
                ) : null}
              </React.Fragment>
            );
          })}
        </tbody>
      </table>
    </section>
  );
}
