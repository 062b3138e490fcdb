import { seriesColor } from './chart-palette.ts';
import { formatTick, linearScale, niceTicks } from './chart-scale.ts';
import { escapeXml, svgNumber } from './escape-xml.ts';
import { CHART_MARGIN, frame } from './line-chart.ts';

/** One bar. */
export interface Bar {
  readonly label: string;
  readonly value: number;
}

/** What {@link renderBarChart} draws. */
export interface BarChartOptions {
  /** Chart id (`data-chart` attribute). */
  readonly id: string;
  readonly title: string;
  readonly yLabel: string;
  readonly bars: readonly Bar[];
  /** @defaultValue 360 */
  readonly width?: number;
  /** @defaultValue 240 */
  readonly height?: number;
}

/** Renders a self-contained SVG bar chart (one bar per label, value printed above it); the y axis starts at 0. */
export function renderBarChart(options: BarChartOptions): string {
  const width = options.width ?? 360;
  const height = options.height ?? 240;
  const plotRight = width - CHART_MARGIN.right;
  const values = options.bars.map((bar) => (Number.isFinite(bar.value) ? bar.value : 0));
  // 15 % headroom above the tallest bar keeps its value label clear of the title.
  const y = linearScale(
    [Math.min(0, ...values) * 1.15, Math.max(0, ...values) * 1.15],
    [height - CHART_MARGIN.bottom, CHART_MARGIN.top],
  );
  const slot = (plotRight - CHART_MARGIN.left) / Math.max(1, options.bars.length);
  const parts: string[] = [];
  for (const tick of niceTicks(...y.domain)) {
    parts.push(
      `<line class="grid" x1="${CHART_MARGIN.left}" x2="${plotRight}" y1="${svgNumber(y(tick))}" y2="${svgNumber(y(tick))}"/>`,
      `<text class="tick" x="${CHART_MARGIN.left - 6}" y="${svgNumber(y(tick) + 4)}" text-anchor="end">${formatTick(tick)}</text>`,
    );
  }
  options.bars.forEach((bar, index) => {
    const value = values[index]!;
    const left = CHART_MARGIN.left + index * slot + slot * 0.15;
    const top = Math.min(y(value), y(0));
    const barHeight = Math.abs(y(0) - y(value));
    const center = svgNumber(left + slot * 0.35);
    parts.push(
      `<rect class="bar" data-bar="${escapeXml(bar.label)}" x="${svgNumber(left)}" y="${svgNumber(top)}" width="${svgNumber(slot * 0.7)}" height="${svgNumber(barHeight)}" fill="${seriesColor(index)}"/>`,
      `<text class="bar-value" x="${center}" y="${svgNumber(top - 4)}" text-anchor="middle">${formatTick(value)}</text>`,
      `<text class="tick" x="${center}" y="${height - CHART_MARGIN.bottom + 16}" text-anchor="middle">${escapeXml(bar.label)}</text>`,
    );
  });
  return frame({ id: options.id, title: options.title, xLabel: '', yLabel: options.yLabel, width, height }, parts);
}
