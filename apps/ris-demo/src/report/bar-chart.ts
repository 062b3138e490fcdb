import { CHART_MARGIN, frame } from './chart-frame.ts';
import { seriesColor } from './chart-palette.ts';
import { formatTick, linearScale, niceTicks } from './chart-scale.ts';
import { escapeXml, svgNumber } from './escape-xml.ts';

/** One bar, optionally with an uncertainty interval (e.g. a 95 % confidence interval of the mean). */
export interface Bar {
  readonly label: string;
  readonly value: number;
  /** Lower and upper end of the interval drawn as an error bar; none when absent. */
  readonly interval?: readonly [number, number];
}

/** What {@link renderBarChart} draws. */
export interface BarChartOptions {
  /** Chart id (`data-chart` attribute). */
  readonly id: string;
  readonly title: string;
  /** Value axis label, with unit. */
  readonly yLabel: string;
  readonly bars: readonly Bar[];
  /** Formats the value printed above each bar. @defaultValue {@link formatTick} */
  readonly formatValue?: (value: number) => string;
  /** @defaultValue 360 */
  readonly width?: number;
  /** @defaultValue 240 */
  readonly height?: number;
}

/** Characters of a bar label that fit a slot, at about 6.2 px per character of the 11 px tick font. */
const CHARACTER_WIDTH_PX = 6.2;

/**
 * Renders a self-contained SVG bar chart: one bar per label with its value printed above it, error bars where
 * intervals are given, and the y axis always including 0. Labels too long for their slot are drawn slanted.
 */
export function renderBarChart(options: BarChartOptions): string {
  const width = options.width ?? 360;
  const count = Math.max(1, options.bars.length);
  const longest = Math.max(0, ...options.bars.map((bar) => bar.label.length)) * CHARACTER_WIDTH_PX;
  const naturalSlot = (width - CHART_MARGIN.left - 24) / count;
  const slanted = longest > naturalSlot - 4;
  // A slanted label needs vertical room for its projection at 30°, and the first one room to its left.
  const margin = {
    ...CHART_MARGIN,
    left: slanted ? Math.max(CHART_MARGIN.left, Math.round(longest * 0.87 - naturalSlot / 2 + 8)) : CHART_MARGIN.left,
    right: 24,
    bottom: slanted ? Math.round(30 + longest * 0.5) : CHART_MARGIN.bottom,
  };
  const height = (options.height ?? 240) + (margin.bottom - CHART_MARGIN.bottom);
  const plotRight = width - margin.right;
  const slot = (plotRight - margin.left) / count;
  const values = options.bars.map((bar) => (Number.isFinite(bar.value) ? bar.value : 0));
  const ends = options.bars.flatMap((bar) => (bar.interval ?? []).filter(Number.isFinite));
  // 15 % headroom above the tallest bar or whisker keeps its value label clear of the title.
  const y = linearScale(
    [Math.min(0, ...values, ...ends) * 1.15, Math.max(0, ...values, ...ends) * 1.15],
    [height - margin.bottom, margin.top],
  );
  const format = options.formatValue ?? formatTick;
  const parts: string[] = [];
  for (const tick of niceTicks(...y.domain)) {
    parts.push(
      `<line class="grid" x1="${margin.left}" x2="${plotRight}" y1="${svgNumber(y(tick))}" y2="${svgNumber(y(tick))}"/>`,
      `<text class="tick" x="${margin.left - 6}" y="${svgNumber(y(tick) + 4)}" text-anchor="end">${formatTick(tick)}</text>`,
    );
  }
  parts.push(
    `<line class="axis" x1="${margin.left}" x2="${plotRight}" y1="${svgNumber(y(0))}" y2="${svgNumber(y(0))}"/>`,
  );
  options.bars.forEach((bar, index) => {
    const value = values[index]!;
    const left = margin.left + index * slot + slot * 0.15;
    const top = Math.min(y(value), y(0));
    const barHeight = Math.abs(y(0) - y(value));
    const centre = left + slot * 0.35;
    parts.push(
      `<rect class="bar" data-bar="${escapeXml(bar.label)}" x="${svgNumber(left)}" y="${svgNumber(top)}" width="${svgNumber(slot * 0.7)}" height="${svgNumber(barHeight)}" fill="${seriesColor(index)}"/>`,
    );
    let labelTop = value >= 0 ? top : y(value) + 14;
    if (bar.interval?.every(Number.isFinite)) {
      const [low, high] = bar.interval;
      const cap = Math.min(8, slot * 0.15);
      parts.push(
        `<path class="error-bar" data-bar="${escapeXml(bar.label)}" d="M${svgNumber(centre)} ${svgNumber(y(low))}V${svgNumber(y(high))}M${svgNumber(centre - cap)} ${svgNumber(y(low))}H${svgNumber(centre + cap)}M${svgNumber(centre - cap)} ${svgNumber(y(high))}H${svgNumber(centre + cap)}" stroke="#222"/>`,
      );
      labelTop = value >= 0 ? Math.min(top, y(high)) : Math.max(y(value), y(low)) + 14;
    }
    const labelX = bar.interval ? centre + Math.min(8, slot * 0.15) + 2 : centre;
    parts.push(
      `<text class="bar-value" x="${svgNumber(labelX)}" y="${svgNumber(labelTop - 4)}" text-anchor="${bar.interval ? 'start' : 'middle'}">${escapeXml(format(value))}</text>`,
      slanted
        ? `<text class="tick" transform="translate(${svgNumber(centre)} ${height - margin.bottom + 12}) rotate(-30)" text-anchor="end">${escapeXml(bar.label)}</text>`
        : `<text class="tick" x="${svgNumber(centre)}" y="${height - margin.bottom + 16}" text-anchor="middle">${escapeXml(bar.label)}</text>`,
    );
  });
  return frame(
    { id: options.id, title: options.title, xLabel: '', yLabel: options.yLabel, width, height, margin },
    parts,
  );
}
