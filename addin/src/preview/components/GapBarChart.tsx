import * as React from "react";

export interface GapBarChartProps {
  readonly title: string;
  readonly categories: readonly string[];
  readonly gaps: readonly (number | null)[];
  readonly statuses: readonly string[];
  /** The alert threshold in points, drawn as dashed lines. */
  readonly threshold: number;
}

const WIDTH = 420;
const ROW = 24;
const LABEL = 170;

/** Gap (employees − customers) per dimension as horizontal bars around zero, coloured by status. */
export function GapBarChart({ title, categories, gaps, statuses, threshold }: GapBarChartProps): React.ReactElement {
  const extent = Math.max(threshold * 1.5, ...gaps.map((gap) => Math.abs(gap ?? 0))) || 1;
  const plot = WIDTH - LABEL - 50;
  const zero = LABEL + plot / 2;
  const x = (value: number) => zero + (value / extent) * (plot / 2);
  const height = categories.length * ROW + 20;
  const colour = (status: string) => (/^alert/.test(status) ? "#c50f1f" : /^(watch|vigilance)/.test(status) ? "#e8a300" : "#0f6cbd");
  return (
    <figure className="sym-chart" data-testid="gap-chart">
      <svg
        viewBox={`0 0 ${WIDTH} ${height}`}
        width={WIDTH}
        height={height}
        role="img"
        aria-label={`${title}. ${categories.map((category, index) => `${category} ${gaps[index]?.toFixed(1) ?? "–"}`).join(", ")}`}
      >
        <title>{title}</title>
        {[-threshold, threshold].map((line) => (
          <line key={line} x1={x(line)} x2={x(line)} y1={0} y2={height - 20} stroke="#999" strokeDasharray="4 3" />
        ))}
        <line x1={zero} x2={zero} y1={0} y2={height - 20} stroke="#333" />
        {categories.map((category, index) => {
          const gap = gaps[index] ?? 0;
          const y = index * ROW + 4;
          return (
            <g key={category}>
              <text x={LABEL - 6} y={y + 13} fontSize="11" textAnchor="end" fill="#333">
                {category.length > 26 ? `${category.slice(0, 25)}…` : category}
              </text>
              <rect
                x={Math.min(zero, x(gap))}
                y={y}
                width={Math.abs(x(gap) - zero)}
                height={ROW - 8}
                fill={colour(statuses[index] ?? "")}
              />
              <text x={gap >= 0 ? x(gap) + 4 : x(gap) - 4} y={y + 13} fontSize="10" textAnchor={gap >= 0 ? "start" : "end"} fill="#333">
                {gaps[index] === null ? "–" : gap.toFixed(1)}
              </text>
            </g>
          );
        })}
      </svg>
      <figcaption>{title}</figcaption>
    </figure>
  );
}
