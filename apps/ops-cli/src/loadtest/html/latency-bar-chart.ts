import type { LatencyRow } from '../report-format.ts';
import { formatMs } from '../report-format.ts';
import { chartFigure, chartWidth } from './chart-frame.ts';
import { coordinate, formatTick, logDecades } from './chart-scale.ts';
import { html, type SafeHtml } from './safe-html.ts';

const percentiles = ['p50', 'p95', 'p99', 'max'] as const;
const left = 210;
const right = 24;
const top = 8;
const barHeight = 7;
const groupHeight = percentiles.length * barHeight + 12;
const axisHeight = 34;

/**
 * Horizontal bars of p50, p95, p99 and max per latency row (rows without samples left out), on a log scale so a
 * long tail does not flatten the median. `undefined` when no row has samples.
 */
export function latencyBarChart(rows: readonly LatencyRow[]): SafeHtml | undefined {
  const shown = rows.filter((row) => row.summary.count > 0);
  if (shown.length === 0) return undefined;
  const { low, high } = logDecades(shown.flatMap((row) => percentiles.map((name) => row.summary[name])));
  const plotWidth = chartWidth - left - right;
  const x = (value: number): number =>
    value <= 0 ? 0 : Math.max(0, ((Math.log10(value) - low) / (high - low)) * plotWidth);
  const plotBottom = top + shown.length * groupHeight;
  const height = plotBottom + axisHeight;
  const decades = Array.from({ length: high - low + 1 }, (_, index) => low + index);
  const grid = decades.map((decade) => {
    const at = coordinate(left + ((decade - low) / (high - low)) * plotWidth);
    return html`<line class="grid" x1="${at}" x2="${at}" y1="${top}" y2="${plotBottom}"></line>
<text class="tick" x="${at}" y="${plotBottom + 16}" text-anchor="middle">${formatTick(10 ** decade)}</text>`;
  });
  const groups = shown.map((row, rowIndex) => {
    const groupTop = top + rowIndex * groupHeight + 6;
    const bars = percentiles.map((name, index) => {
      const value = row.summary[name];
      return html`<rect class="bar s${index}" x="${left}" y="${coordinate(groupTop + index * barHeight)}" width="${coordinate(x(value))}" height="${barHeight - 1}"><title>${row.name} ${name}: ${formatMs(value)} ms</title></rect>`;
    });
    const labelY = coordinate(groupTop + (percentiles.length * barHeight) / 2 + 4);
    return html`<text class="label" x="${left - 8}" y="${labelY}" text-anchor="end">${row.name}</text>
${bars}`;
  });
  const body = html`${grid}
<line class="axis" x1="${left}" x2="${left}" y1="${top}" y2="${plotBottom}"></line>
${groups}
<text class="tick" x="${left + plotWidth / 2}" y="${height - 4}" text-anchor="middle">ms (log scale)</text>`;
  return chartFigure({ id: 'latency', title: 'Latency percentiles (ms)', height, body, legend: percentiles });
}
