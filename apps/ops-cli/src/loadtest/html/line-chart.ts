import { chartFigure, chartWidth } from './chart-frame.ts';
import { coordinate, formatTick, linearTicks } from './chart-scale.ts';
import { html, type SafeHtml } from './safe-html.ts';

/** One line of a {@link lineChart}: points of (seconds, value). */
export interface LineSeries {
  readonly name: string;
  readonly points: readonly { readonly x: number; readonly y: number }[];
}

const left = 64;
const right = 20;
const top = 12;
const plotHeight = 200;
const height = top + plotHeight + 44;

/**
 * A time-series chart from 0 (x in seconds, y linear from 0), one `path.series` per series. `undefined` when no
 * series has two points to draw a line between.
 */
export function lineChart(options: {
  readonly id: string;
  readonly title: string;
  readonly unit: string;
  readonly series: readonly LineSeries[];
}): SafeHtml | undefined {
  const drawn = options.series.filter((line) => line.points.length >= 2);
  if (drawn.length === 0) return undefined;
  const points = drawn.flatMap((line) => line.points);
  const xAxis = linearTicks(Math.max(...points.map((point) => point.x)), 8);
  const yAxis = linearTicks(Math.max(...points.map((point) => point.y)), 5);
  const plotWidth = chartWidth - left - right;
  const x = (value: number): string => coordinate(left + (value / xAxis.max) * plotWidth);
  const y = (value: number): string => coordinate(top + plotHeight - (value / yAxis.max) * plotHeight);
  const bottom = top + plotHeight;
  const yGrid = yAxis.ticks.map(
    (tick) => html`<line class="grid" x1="${left}" x2="${chartWidth - right}" y1="${y(tick)}" y2="${y(tick)}"></line>
<text class="tick" x="${left - 6}" y="${coordinate(Number(y(tick)) + 4)}" text-anchor="end">${formatTick(tick)}</text>`,
  );
  const xTicks = xAxis.ticks.map(
    (tick) =>
      html`<text class="tick" x="${x(tick)}" y="${bottom + 16}" text-anchor="middle">${formatTick(tick)}</text>`,
  );
  const lines = options.series.map((line, index) => {
    if (line.points.length < 2) return '';
    const path = line.points.map((point, at) => `${at === 0 ? 'M' : 'L'}${x(point.x)} ${y(point.y)}`).join(' ');
    return html`<path class="series s${index}" d="${path}"><title>${line.name}</title></path>`;
  });
  const body = html`${yGrid}
<line class="axis" x1="${left}" x2="${chartWidth - right}" y1="${bottom}" y2="${bottom}"></line>
${xTicks}
${lines}
<text class="tick" x="${left + plotWidth / 2}" y="${height - 6}" text-anchor="middle">seconds since start</text>
<text class="tick" x="14" y="${top + plotHeight / 2}" text-anchor="middle" transform="rotate(-90 14 ${top + plotHeight / 2})">${options.unit}</text>`;
  return chartFigure({
    id: options.id,
    title: options.title,
    height,
    body,
    legend: options.series.map((line) => line.name),
  });
}
