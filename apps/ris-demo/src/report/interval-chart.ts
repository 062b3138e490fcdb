import { frame } from './chart-frame.ts';
import { formatTick, linearScale, niceTicks } from './chart-scale.ts';
import { escapeXml, svgNumber } from './escape-xml.ts';

/** One row of an interval ("forest") chart: an estimate with its interval and a note printed beside it. */
export interface IntervalRow {
  readonly label: string;
  readonly estimate: number;
  /** E.g. a 95 % confidence interval; drawn as a whisker. None when absent (e.g. a single seed). */
  readonly interval: readonly [number, number] | null;
  /** Printed right of the plot, e.g. `wins 9/10`. */
  readonly note?: string;
}

/** What {@link renderIntervalChart} draws. */
export interface IntervalChartOptions {
  /** Chart id (`data-chart` attribute). */
  readonly id: string;
  readonly title: string;
  /** Value axis label, with unit. */
  readonly xLabel: string;
  readonly rows: readonly IntervalRow[];
  /** A vertical reference line, e.g. 0 for "no difference". @defaultValue 0 */
  readonly reference?: number | null;
  /** @defaultValue 720 */
  readonly width?: number;
}

const ROW_PX = 30;
const CHARACTER_WIDTH_PX = 6.2;

/**
 * Renders a horizontal interval chart: one row per label with a dot at the estimate, a whisker over its interval and
 * a vertical reference line (0 by default), so "does the interval exclude no-difference?" reads at a glance.
 */
export function renderIntervalChart(options: IntervalChartOptions): string {
  const width = options.width ?? 720;
  const reference = options.reference === undefined ? 0 : options.reference;
  const longest = Math.max(0, ...options.rows.map((row) => row.label.length)) * CHARACTER_WIDTH_PX;
  const longestNote = Math.max(0, ...options.rows.map((row) => (row.note ?? '').length)) * CHARACTER_WIDTH_PX;
  const margin = {
    top: 34,
    right: Math.round(longestNote + 20),
    bottom: 40,
    left: Math.round(Math.max(58, longest + 16)),
  };
  const height = margin.top + options.rows.length * ROW_PX + margin.bottom;
  const values = options.rows.flatMap((row) => [row.estimate, ...(row.interval ?? [])]).filter(Number.isFinite);
  const low = Math.min(...values, ...(reference === null ? [] : [reference]));
  const high = Math.max(...values, ...(reference === null ? [] : [reference]));
  const pad = (high - low) * 0.08 || Math.abs(high) * 0.1 || 1;
  const x = linearScale([low - pad, high + pad], [margin.left, width - margin.right]);
  const bottom = height - margin.bottom;
  const parts: string[] = [];
  for (const tick of niceTicks(...x.domain, 6)) {
    parts.push(
      `<line class="grid" x1="${svgNumber(x(tick))}" x2="${svgNumber(x(tick))}" y1="${margin.top}" y2="${bottom}"/>`,
      `<text class="tick" x="${svgNumber(x(tick))}" y="${bottom + 16}" text-anchor="middle">${formatTick(tick)}</text>`,
    );
  }
  if (reference !== null) {
    parts.push(
      `<line class="reference" x1="${svgNumber(x(reference))}" x2="${svgNumber(x(reference))}" y1="${margin.top}" y2="${bottom}"/>`,
    );
  }
  options.rows.forEach((row, index) => {
    const centre = margin.top + index * ROW_PX + ROW_PX / 2;
    const cy = svgNumber(centre);
    parts.push(
      `<text class="tick" x="${margin.left - 8}" y="${svgNumber(centre + 4)}" text-anchor="end">${escapeXml(row.label)}</text>`,
    );
    if (row.interval?.every(Number.isFinite)) {
      const [from, to] = row.interval;
      parts.push(
        `<path class="interval" data-row="${escapeXml(row.label)}" d="M${svgNumber(x(from))} ${cy}H${svgNumber(x(to))}M${svgNumber(x(from))} ${svgNumber(centre - 6)}V${svgNumber(centre + 6)}M${svgNumber(x(to))} ${svgNumber(centre - 6)}V${svgNumber(centre + 6)}"/>`,
      );
    }
    if (Number.isFinite(row.estimate)) {
      parts.push(
        `<circle class="estimate" data-row="${escapeXml(row.label)}" cx="${svgNumber(x(row.estimate))}" cy="${cy}" r="4"/>`,
      );
    }
    if (row.note !== undefined) {
      parts.push(
        `<text class="legend" x="${width - margin.right + 10}" y="${svgNumber(centre + 4)}">${escapeXml(row.note)}</text>`,
      );
    }
  });
  return frame(
    { id: options.id, title: options.title, xLabel: options.xLabel, yLabel: '', width, height, margin },
    parts,
  );
}
