import * as React from "react";

export interface RadarSeries {
  readonly name: string;
  readonly colour: string;
  readonly values: readonly (number | null)[];
}

export interface RadarChartProps {
  readonly title: string;
  readonly categories: readonly string[];
  readonly series: readonly RadarSeries[];
}

const SIZE = 360;
const CENTRE = SIZE / 2;
const RADIUS = 120;

/** Employees vs customers by dimension on 0–100, as the sheet's radar chart; drawn in SVG. */
export function RadarChart({ title, categories, series }: RadarChartProps): React.ReactElement {
  const angle = (index: number) => (2 * Math.PI * index) / categories.length - Math.PI / 2;
  const point = (index: number, value: number) => [
    CENTRE + Math.cos(angle(index)) * RADIUS * (value / 100),
    CENTRE + Math.sin(angle(index)) * RADIUS * (value / 100),
  ];
  const summary = series
    .map(
      (line) => `${line.name}: ${categories.map((category, index) => `${category} ${line.values[index]?.toFixed(1) ?? "–"}`).join(", ")}`,
    )
    .join(". ");
  return (
    <figure className="sym-chart" data-testid="radar-chart">
      <svg viewBox={`0 0 ${SIZE} ${SIZE}`} width={SIZE} height={SIZE} role="img" aria-label={`${title}. ${summary}`}>
        <title>{title}</title>
        {[25, 50, 75, 100].map((level) => (
          <polygon
            key={level}
            points={categories.map((_, index) => point(index, level).join(",")).join(" ")}
            fill="none"
            stroke="#d0d0d0"
          />
        ))}
        {categories.map((category, index) => {
          const [x, y] = point(index, 112);
          return (
            <text key={category} x={x} y={y} fontSize="10" textAnchor="middle" fill="#333">
              {category.length > 22 ? `${category.slice(0, 21)}…` : category}
            </text>
          );
        })}
        {series.map((line) => (
          <polygon
            key={line.name}
            points={line.values.map((value, index) => point(index, value ?? 0).join(",")).join(" ")}
            fill={line.colour}
            fillOpacity={0.2}
            stroke={line.colour}
            strokeWidth={2}
          />
        ))}
      </svg>
      <figcaption>
        {title}:{" "}
        {series.map((line) => (
          <span key={line.name} style={{ color: line.colour, marginRight: 8 }}>
            ■ {line.name}
          </span>
        ))}
      </figcaption>
    </figure>
  );
}
