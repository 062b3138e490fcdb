import { escapeXml, svgNumber } from './escape-xml.ts';

/** Plot margins of a chart, pixels. */
export interface ChartMargin {
  readonly top: number;
  readonly right: number;
  readonly bottom: number;
  readonly left: number;
}

/** The plot margins every chart renderer starts from, in pixels (the right margin holds the legend). */
export const CHART_MARGIN: ChartMargin = { top: 30, right: 150, bottom: 38, left: 58 };

/** What {@link frame} needs: the chart's id, title, axis labels (with units) and size. */
export interface FrameOptions {
  /** Chart id (`data-chart` attribute), used by tests and anchors. */
  readonly id: string;
  readonly title: string;
  readonly xLabel: string;
  readonly yLabel: string;
  readonly width: number;
  readonly height: number;
  /** @defaultValue {@link CHART_MARGIN} */
  readonly margin?: ChartMargin;
}

/**
 * Wraps chart parts in an `<svg role="img">` with a `<title>` (read by screen readers), the visible title, both axes
 * and the axis labels. Shared by the chart renderers.
 */
export function frame(options: FrameOptions, parts: readonly string[]): string {
  const { width, height } = options;
  const margin = options.margin ?? CHART_MARGIN;
  const bottom = height - margin.bottom;
  const description = [
    options.title,
    options.xLabel && `x: ${options.xLabel}`,
    options.yLabel && `y: ${options.yLabel}`,
  ]
    .filter(Boolean)
    .join('; ');
  return [
    `<svg class="chart" data-chart="${escapeXml(options.id)}" viewBox="0 0 ${width} ${height}" width="${width}" height="${height}" role="img" aria-label="${escapeXml(description)}" xmlns="http://www.w3.org/2000/svg">`,
    `<title>${escapeXml(description)}</title>`,
    `<text class="title" x="${margin.left}" y="18">${escapeXml(options.title)}</text>`,
    `<line class="axis" x1="${margin.left}" x2="${width - margin.right}" y1="${bottom}" y2="${bottom}"/>`,
    `<line class="axis" x1="${margin.left}" x2="${margin.left}" y1="${margin.top}" y2="${bottom}"/>`,
    ...parts,
    `<text class="axis-label" x="${(margin.left + width - margin.right) / 2}" y="${height - 6}" text-anchor="middle">${escapeXml(options.xLabel)}</text>`,
    `<text class="axis-label" transform="translate(14 ${(margin.top + bottom) / 2}) rotate(-90)" text-anchor="middle">${escapeXml(options.yLabel)}</text>`,
    '</svg>',
  ].join('\n');
}

/** A legend entry: a line (optionally dashed) or a filled swatch, and its label. */
export interface LegendEntry {
  readonly label: string;
  readonly color: string;
  readonly kind: 'line' | 'swatch';
  readonly dashed?: boolean;
  /** Fill opacity of a swatch. @defaultValue 1 */
  readonly opacity?: number;
}

/** Renders legend entries top-down in the right margin of a chart `width` pixels wide. */
export function legend(entries: readonly LegendEntry[], width: number, margin: ChartMargin = CHART_MARGIN): string[] {
  const left = width - margin.right + 10;
  return entries.flatMap((entry, index) => {
    const level = margin.top + 4 + index * 16;
    const mark =
      entry.kind === 'line'
        ? `<line x1="${left}" x2="${left + 18}" y1="${level}" y2="${level}" stroke="${entry.color}" stroke-width="2"${entry.dashed ? ' stroke-dasharray="5 4"' : ''}/>`
        : `<rect x="${left}" y="${level - 5}" width="18" height="10" fill="${entry.color}" fill-opacity="${svgNumber(entry.opacity ?? 1)}"/>`;
    return [mark, `<text class="legend" x="${left + 22}" y="${level + 4}">${escapeXml(entry.label)}</text>`];
  });
}
