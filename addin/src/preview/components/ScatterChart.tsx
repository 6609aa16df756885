import * as React from "react";

export interface ScatterChartProps {
  readonly title: string;
  readonly xLabel: string;
  readonly yLabel: string;
  readonly points: readonly { readonly label: string; readonly x: number; readonly y: number }[];
}

const WIDTH = 420;
const HEIGHT = 300;
const MARGIN = 44;

/** One dot per unit (x = employee metric, y = outcome) with the least-squares line, as Excel's XY scatter shows it. */
export function ScatterChart({ title, xLabel, yLabel, points }: ScatterChartProps): React.ReactElement {
  const xs = points.map((point) => point.x);
  const ys = points.map((point) => point.y);
  const extent = (values: number[]) => {
    const low = Math.min(...values);
    const high = Math.max(...values);
    return high > low ? [low, high] : [low - 1, high + 1];
  };
  const [xLow, xHigh] = points.length ? extent(xs) : [0, 1];
  const [yLow, yHigh] = points.length ? extent(ys) : [0, 1];
  const px = (value: number) => MARGIN + ((value - xLow) / (xHigh - xLow)) * (WIDTH - 2 * MARGIN);
  const py = (value: number) => HEIGHT - MARGIN - ((value - yLow) / (yHigh - yLow)) * (HEIGHT - 2 * MARGIN);
  // Drawing aid only (the figures are on the sheet): the least-squares line through the dots.
  const meanX = xs.reduce((sum, value) => sum + value, 0) / (xs.length || 1);
  const meanY = ys.reduce((sum, value) => sum + value, 0) / (ys.length || 1);
  const sxx = xs.reduce((sum, value) => sum + (value - meanX) ** 2, 0);
  const slope = sxx > 0 ? xs.reduce((sum, value, index) => sum + (value - meanX) * (ys[index] - meanY), 0) / sxx : 0;
  return (
    <figure className="sym-chart" data-testid="linkage-scatter">
      <svg viewBox={`0 0 ${WIDTH} ${HEIGHT}`} width={WIDTH} height={HEIGHT} role="img" aria-label={`${title}: ${points.length} units`}>
        <title>{title}</title>
        <line x1={MARGIN} x2={WIDTH - MARGIN} y1={HEIGHT - MARGIN} y2={HEIGHT - MARGIN} stroke="#333" />
        <line x1={MARGIN} x2={MARGIN} y1={MARGIN} y2={HEIGHT - MARGIN} stroke="#333" />
        <text x={WIDTH / 2} y={HEIGHT - 10} fontSize="11" textAnchor="middle" fill="#333">
          {xLabel} ({xLow.toFixed(0)}–{xHigh.toFixed(0)})
        </text>
        <text x={12} y={HEIGHT / 2} fontSize="11" textAnchor="middle" fill="#333" transform={`rotate(-90 12 ${HEIGHT / 2})`}>
          {yLabel} ({yLow.toFixed(0)}–{yHigh.toFixed(0)})
        </text>
        {points.length > 1 ? (
          <line
            x1={px(xLow)}
            x2={px(xHigh)}
            y1={py(meanY + slope * (xLow - meanX))}
            y2={py(meanY + slope * (xHigh - meanX))}
            stroke="#c239b3"
            strokeDasharray="5 3"
          />
        ) : null}
        {points.map((point) => (
          <circle key={point.label} cx={px(point.x)} cy={py(point.y)} r={4} fill="#0f6cbd" fillOpacity={0.75} data-unit={point.label}>
            <title>{`${point.label}: ${point.x.toFixed(1)}, ${point.y.toFixed(1)}`}</title>
          </circle>
        ))}
      </svg>
      <figcaption>{title}</figcaption>
    </figure>
  );
}
