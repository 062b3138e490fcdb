import { seriesColor } from './chart-palette.ts';
import { type ChartPoint, downsample, extent, formatTick, linearScale, niceTicks } from './chart-scale.ts';
import { escapeXml, svgNumber } from './escape-xml.ts';

/** One line of a chart. */
export interface LineSeries {
  /** Legend label. */
  readonly name: string;
  /** Points in x order. */
  readonly points: readonly ChartPoint[];
  /** Stroke colour; the palette's next colour when absent. */
  readonly color?: string;
  /** Draw dashed (reference and baseline series). */
  readonly dashed?: boolean;
}

/** A horizontal reference line, e.g. a latency budget. */
export interface ReferenceLine {
  readonly value: number;
  readonly label: string;
}

/** What {@link renderLineChart} draws. */
export interface LineChartOptions {
  /** Chart id (`data-chart` attribute), used by tests and anchors. */
  readonly id: string;
  readonly title: string;
  readonly xLabel: string;
  readonly yLabel: string;
  readonly series: readonly LineSeries[];
  readonly referenceLines?: readonly ReferenceLine[];
  /** Forces the y axis to include this value (e.g. 0). */
  readonly includeY?: number;
  /** Draws steps (value held until the next point) instead of straight segments. */
  readonly stepped?: boolean;
  /** @defaultValue 720 */
  readonly width?: number;
  /** @defaultValue 260 */
  readonly height?: number;
  /** Points per series at most; longer series are bucket-averaged. @defaultValue 600 */
  readonly maxPoints?: number;
}

const margin = { top: 30, right: 150, bottom: 38, left: 58 };

/** Renders a self-contained SVG line chart with axes, ticks, legend and optional reference lines. */
export function renderLineChart(options: LineChartOptions): string {
  const width = options.width ?? 720;
  const height = options.height ?? 260;
  const series = options.series.map((line) => ({ ...line, points: downsample(line.points, options.maxPoints ?? 600) }));
  const xs = extent(series.flatMap((line) => line.points.map((point) => point[0])));
  const ys = extent([
    ...series.flatMap((line) => line.points.map((point) => point[1])),
    ...(options.referenceLines ?? []).map((line) => line.value),
    ...(options.includeY === undefined ? [] : [options.includeY]),
  ]);
  const x = linearScale(xs, [margin.left, width - margin.right]);
  const y = linearScale(ys, [height - margin.bottom, margin.top]);
  const parts: string[] = [];
  for (const tick of niceTicks(...y.domain)) {
    parts.push(
      `<line class="grid" x1="${margin.left}" x2="${width - margin.right}" y1="${svgNumber(y(tick))}" y2="${svgNumber(y(tick))}"/>`,
      `<text class="tick" x="${margin.left - 6}" y="${svgNumber(y(tick) + 4)}" text-anchor="end">${formatTick(tick)}</text>`,
    );
  }
  for (const tick of niceTicks(...x.domain, 8)) {
    parts.push(
      `<text class="tick" x="${svgNumber(x(tick))}" y="${height - margin.bottom + 16}" text-anchor="middle">${formatTick(tick)}</text>`,
    );
  }
  for (const reference of options.referenceLines ?? []) {
    const level = svgNumber(y(reference.value));
    parts.push(
      `<line class="reference" x1="${margin.left}" x2="${width - margin.right}" y1="${level}" y2="${level}"/>`,
      `<text class="reference-label" x="${width - margin.right - 4}" y="${svgNumber(y(reference.value) - 4)}" text-anchor="end">${escapeXml(reference.label)}</text>`,
    );
  }
  series.forEach((line, index) => {
    const color = line.color ?? seriesColor(index);
    const path = pathData(line.points, x, y, options.stepped ?? false);
    const dash = line.dashed ? ' stroke-dasharray="5 4"' : '';
    parts.push(`<path class="series" data-series="${escapeXml(line.name)}" d="${path}" stroke="${color}"${dash}/>`);
    const legendY = margin.top + 4 + index * 16;
    parts.push(
      `<line x1="${width - margin.right + 10}" x2="${width - margin.right + 28}" y1="${legendY}" y2="${legendY}" stroke="${color}" stroke-width="2"${dash}/>`,
      `<text class="legend" x="${width - margin.right + 32}" y="${legendY + 4}">${escapeXml(line.name)}</text>`,
    );
  });
  return frame({ ...options, width, height }, parts);
}

function pathData(
  points: readonly ChartPoint[],
  x: (value: number) => number,
  y: (value: number) => number,
  stepped: boolean,
): string {
  const commands: string[] = [];
  points.forEach(([px, py], index) => {
    const cx = svgNumber(x(px));
    const cy = svgNumber(y(Number.isFinite(py) ? py : 0));
    if (index === 0) commands.push(`M${cx} ${cy}`);
    else if (stepped) commands.push(`H${cx}V${cy}`);
    else commands.push(`L${cx} ${cy}`);
  });
  return commands.join('');
}

/** Wraps chart parts in an `<svg>` with title, axes and axis labels. Shared by the chart renderers. */
export function frame(
  options: {
    readonly id: string;
    readonly title: string;
    readonly xLabel: string;
    readonly yLabel: string;
    readonly width: number;
    readonly height: number;
  },
  parts: readonly string[],
): string {
  const { width, height } = options;
  const bottom = height - margin.bottom;
  return [
    `<svg class="chart" data-chart="${escapeXml(options.id)}" viewBox="0 0 ${width} ${height}" width="${width}" height="${height}" role="img" aria-label="${escapeXml(options.title)}" xmlns="http://www.w3.org/2000/svg">`,
    `<text class="title" x="${margin.left}" y="18">${escapeXml(options.title)}</text>`,
    `<line class="axis" x1="${margin.left}" x2="${width - margin.right}" y1="${bottom}" y2="${bottom}"/>`,
    `<line class="axis" x1="${margin.left}" x2="${margin.left}" y1="${margin.top}" y2="${bottom}"/>`,
    ...parts,
    `<text class="axis-label" x="${(margin.left + width - margin.right) / 2}" y="${height - 6}" text-anchor="middle">${escapeXml(options.xLabel)}</text>`,
    `<text class="axis-label" transform="translate(14 ${(margin.top + bottom) / 2}) rotate(-90)" text-anchor="middle">${escapeXml(options.yLabel)}</text>`,
    '</svg>',
  ].join('\n');
}

/** The plot margins shared by every chart renderer, in pixels. */
export const CHART_MARGIN: {
  readonly top: number;
  readonly right: number;
  readonly bottom: number;
  readonly left: number;
} = margin;
