import { CHART_MARGIN, frame, type LegendEntry, legend } from './chart-frame.ts';
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

/** A shaded band between a lower and an upper value per x (e.g. the 10th–90th percentiles). */
export interface BandSeries {
  /** Legend label. */
  readonly name: string;
  /** [x, low, high] in x order. */
  readonly points: readonly (readonly [number, number, number])[];
  readonly color: string;
  /** Fill opacity. @defaultValue 0.25 */
  readonly opacity?: number;
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
  /** Axis labels, with units. */
  readonly xLabel: string;
  readonly yLabel: string;
  readonly series: readonly LineSeries[];
  /** Bands drawn under the lines, in order. */
  readonly bands?: readonly BandSeries[];
  readonly referenceLines?: readonly ReferenceLine[];
  /** Forces the y axis to include this value (e.g. 0). */
  readonly includeY?: number;
  /** Fixed y axis range instead of the data's (e.g. [0, 1] for a CDF). */
  readonly yDomain?: readonly [number, number];
  /** Draws steps (value held until the next point) instead of straight segments. */
  readonly stepped?: boolean;
  /** @defaultValue 720 */
  readonly width?: number;
  /** @defaultValue 260 */
  readonly height?: number;
  /** Points per series at most; longer series are bucket-averaged. @defaultValue 600 */
  readonly maxPoints?: number;
}

/** Renders a self-contained SVG line chart with axes, ticks, legend, optional bands and reference lines. */
export function renderLineChart(options: LineChartOptions): string {
  const width = options.width ?? 720;
  const height = options.height ?? 260;
  const margin = CHART_MARGIN;
  const series = options.series.map((line) => ({ ...line, points: downsample(line.points, options.maxPoints ?? 600) }));
  const bands = options.bands ?? [];
  const xs = extent([
    ...series.flatMap((line) => line.points.map((point) => point[0])),
    ...bands.flatMap((band) => band.points.map((point) => point[0])),
  ]);
  const ys =
    options.yDomain ??
    extent([
      ...series.flatMap((line) => line.points.map((point) => point[1])),
      ...bands.flatMap((band) => band.points.flatMap((point) => [point[1], point[2]])),
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
  for (const band of bands) {
    parts.push(
      `<path class="band" data-series="${escapeXml(band.name)}" d="${bandPath(band.points, x, y)}" fill="${band.color}" fill-opacity="${svgNumber(band.opacity ?? 0.25)}"/>`,
    );
  }
  for (const reference of options.referenceLines ?? []) {
    const level = svgNumber(y(reference.value));
    parts.push(
      `<line class="reference" x1="${margin.left}" x2="${width - margin.right}" y1="${level}" y2="${level}"/>`,
      `<text class="reference-label" x="${width - margin.right - 4}" y="${svgNumber(y(reference.value) - 4)}" text-anchor="end">${escapeXml(reference.label)}</text>`,
    );
  }
  const entries: LegendEntry[] = bands.map((band) => ({
    label: band.name,
    color: band.color,
    kind: 'swatch',
    opacity: band.opacity ?? 0.25,
  }));
  series.forEach((line, index) => {
    const color = line.color ?? seriesColor(index);
    const path = pathData(line.points, x, y, options.stepped ?? false);
    const dash = line.dashed ? ' stroke-dasharray="5 4"' : '';
    parts.push(`<path class="series" data-series="${escapeXml(line.name)}" d="${path}" stroke="${color}"${dash}/>`);
    entries.push({ label: line.name, color, kind: 'line', dashed: line.dashed ?? false });
  });
  parts.push(...legend(entries, width));
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

/** A closed polygon: along the upper values left to right, back along the lower values; non-finite points skipped. */
function bandPath(
  points: readonly (readonly [number, number, number])[],
  x: (value: number) => number,
  y: (value: number) => number,
): string {
  const finite = points.filter((point) => point.every(Number.isFinite));
  if (finite.length === 0) return '';
  const upper = finite.map(([px, , high]) => `${svgNumber(x(px))} ${svgNumber(y(high))}`);
  const lower = finite.toReversed().map(([px, low]) => `${svgNumber(x(px))} ${svgNumber(y(low))}`);
  return `M${upper.join('L')}L${lower.join('L')}Z`;
}
