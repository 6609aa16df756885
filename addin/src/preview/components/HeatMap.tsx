import * as React from "react";

export interface HeatMapEntry {
  readonly group: string;
  readonly n: number | null;
  /** eNPS, or null when confidentiality hides it. */
  readonly value: number | null;
  readonly support?: boolean;
}

export interface HeatMapProps {
  readonly title: string;
  readonly groupLabel: string;
  readonly valueLabel: string;
  readonly hiddenLabel: string;
  readonly supportLabel: string;
  readonly entries: readonly HeatMapEntry[];
  readonly testId: string;
}

/** eNPS −100…100 as red → yellow → green; hidden groups stay grey and show no figure. */
function colour(value: number): string {
  const share = (value + 100) / 200;
  const hue = Math.round(120 * Math.min(1, Math.max(0, share)));
  return `hsl(${hue}, 70%, 72%)`;
}

export function HeatMap({ title, groupLabel, valueLabel, hiddenLabel, supportLabel, entries, testId }: HeatMapProps): React.ReactElement {
  return (
    <figure className="sym-chart" data-testid={testId}>
      <table className="sym-heatmap">
        <caption>{title}</caption>
        <thead>
          <tr>
            <th scope="col">{groupLabel}</th>
            <th scope="col">{valueLabel}</th>
          </tr>
        </thead>
        <tbody>
          {entries.map((entry) => (
            <tr key={entry.group}>
              <th scope="row">
                {entry.group}
                {entry.support ? <span className="sym-tag"> ({supportLabel})</span> : null}
              </th>
              <td
                style={{ background: entry.value === null ? "#e6e6e6" : colour(entry.value) }}
                data-group={entry.group}
                data-value={entry.value ?? "hidden"}
              >
                {entry.value === null ? hiddenLabel : entry.value.toFixed(0)}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </figure>
  );
}
