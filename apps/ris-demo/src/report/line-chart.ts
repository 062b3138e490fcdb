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
  /** Draw a dot at every point (for sweeps with few points). */
  readonly markers?: boolean;
  /** Vertical error bars [x, low, high] in the series' colour (e.g. 95 % intervals at sweep points). */
  readonly intervals?: readonly (readonly [number, number, number])[];
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
  /** List the band in the legend. @defaultValue true */
  readonly legend?: boolean;
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
  /** Labelled x ticks instead of computed ones (e.g. the values of a swept parameter). */
  readonly xTicks?: readonly { readonly value: number; readonly label: string }[];
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
  // The legend sits in the right margin: widen it for long names (about 6.2 px per character at 11 px).
  const longest = Math.max(
    0,
    ...options.series.map((line) => line.name.length),
    ...(options.bands ?? []).map((band) => band.name.length),
  );
  const margin = { ...CHART_MARGIN, right: Math.max(CHART_MARGIN.right, Math.round(longest * 6.2 + 40)) };
  const series = options.series.map((line) => ({ ...line, points: downsample(line.points, options.maxPoints ?? 600) }));
  const bands = options.bands ?? [];
  const xs = extent([
    ...series.flatMap((line) => line.points.map((point) => point[0])),
    ...bands.flatMap((band) => band.points.map((point) => point[0])),
  ]);
  const ys =
    options.yDomain ??
    padded(
      extent([
        ...series.flatMap((line) => line.points.map((point) => point[1])),
        ...series.flatMap((line) => (line.intervals ?? []).flatMap((interval) => [interval[1], interval[2]])),
        ...bands.flatMap((band) => band.points.flatMap((point) => [point[1], point[2]])),
        ...(options.referenceLines ?? []).map((line) => line.value),
        ...(options.includeY === undefined ? [] : [options.includeY]),
      ]),
      options.includeY,
    );
  // Labelled (categorical) x ticks get room on both sides so the first and last points clear the frame.
  const xPad = options.xTicks === undefined ? 0 : Math.max(0.25, (xs[1] - xs[0]) * 0.08);
  const x = linearScale([xs[0] - xPad, xs[1] + xPad], [margin.left, width - margin.right]);
  const y = linearScale(ys, [height - margin.bottom, margin.top]);
  const parts: string[] = [];
  for (const tick of niceTicks(...y.domain)) {
    parts.push(
      `<line class="grid" x1="${margin.left}" x2="${width - margin.right}" y1="${svgNumber(y(tick))}" y2="${svgNumber(y(tick))}"/>`,
      `<text class="tick" x="${margin.left - 6}" y="${svgNumber(y(tick) + 4)}" text-anchor="end">${formatTick(tick)}</text>`,
    );
  }
  const xTicks = options.xTicks ?? niceTicks(...x.domain, 8).map((value) => ({ value, label: formatTick(value) }));
  for (const tick of xTicks) {
    parts.push(
      `<text class="tick" x="${svgNumber(x(tick.value))}" y="${height - margin.bottom + 16}" text-anchor="middle">${escapeXml(tick.label)}</text>`,
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
  const entries: LegendEntry[] = bands
    .filter((band) => band.legend !== false)
    .map((band) => ({ label: band.name, color: band.color, kind: 'swatch', opacity: band.opacity ?? 0.25 }));
  series.forEach((line, index) => {
    const color = line.color ?? seriesColor(index);
    const path = pathData(line.points, x, y, options.stepped ?? false);
    const dash = line.dashed ? ' stroke-dasharray="5 4"' : '';
    parts.push(`<path class="series" data-series="${escapeXml(line.name)}" d="${path}" stroke="${color}"${dash}/>`);
    for (const [px, low, high] of (line.intervals ?? []).filter((interval) => interval.every(Number.isFinite))) {
      const cx = x(px);
      parts.push(
        `<path class="error-bar" data-series="${escapeXml(line.name)}" d="M${svgNumber(cx)} ${svgNumber(y(low))}V${svgNumber(y(high))}M${svgNumber(cx - 3)} ${svgNumber(y(low))}H${svgNumber(cx + 3)}M${svgNumber(cx - 3)} ${svgNumber(y(high))}H${svgNumber(cx + 3)}" stroke="${color}"/>`,
      );
    }
    if (line.markers) {
      for (const [px, py] of line.points.filter((point) => point.every(Number.isFinite))) {
        parts.push(`<circle class="marker" cx="${svgNumber(x(px))}" cy="${svgNumber(y(py))}" r="3" fill="${color}"/>`);
      }
    }
    entries.push({ label: line.name, color, kind: 'line', dashed: line.dashed ?? false });
  });
  parts.push(...legend(entries, width, margin));
  return frame({ ...options, width, height, margin }, parts);
}

/** Widens a data range by 4 % at each end so marks do not sit on the frame; the forced value (e.g. 0) stays the edge. */
function padded([low, high]: [number, number], forced: number | undefined): [number, number] {
  const pad = (high - low) * 0.04;
  return [low === forced ? low : low - pad, high === forced ? high : high + pad];
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
