import * as React from "react";

export interface DriverBarChartProps {
  readonly title: string;
  readonly bars: readonly { readonly label: string; readonly share: number; readonly low: number | null; readonly high: number | null }[];
}

const WIDTH = 420;
const ROW = 24;
const LABEL = 170;

/** Key drivers: share of R² per dimension as horizontal bars, with the bootstrap interval as a whisker. */
export function DriverBarChart({ title, bars }: DriverBarChartProps): React.ReactElement {
  const plot = WIDTH - LABEL - 50;
  const top = Math.max(0.01, ...bars.map((bar) => Math.max(bar.share, bar.high ?? 0)));
  const x = (value: number) => LABEL + (value / top) * plot;
  const height = bars.length * ROW + 10;
  return (
    <figure className="sym-chart" data-testid="linkage-drivers">
      <svg
        viewBox={`0 0 ${WIDTH} ${height}`}
        width={WIDTH}
        height={height}
        role="img"
        aria-label={`${title}. ${bars.map((bar) => `${bar.label} ${(bar.share * 100).toFixed(1)} %`).join(", ")}`}
      >
        <title>{title}</title>
        {bars.map((bar, index) => {
          const y = index * ROW + 4;
          return (
            <g key={bar.label}>
              <text x={LABEL - 6} y={y + 13} fontSize="11" textAnchor="end" fill="#333">
                {bar.label.length > 26 ? `${bar.label.slice(0, 25)}…` : bar.label}
              </text>
              <rect x={LABEL} y={y} width={Math.max(0, x(bar.share) - LABEL)} height={ROW - 8} fill="#0f6cbd" />
              {bar.low !== null && bar.high !== null ? (
                <line x1={x(bar.low)} x2={x(bar.high)} y1={y + (ROW - 8) / 2} y2={y + (ROW - 8) / 2} stroke="#333" />
              ) : null}
              <text x={x(Math.max(bar.share, bar.high ?? 0)) + 4} y={y + 13} fontSize="10" fill="#333">
                {(bar.share * 100).toFixed(1)} %
              </text>
            </g>
          );
        })}
      </svg>
      <figcaption>{title}</figcaption>
    </figure>
  );
}
