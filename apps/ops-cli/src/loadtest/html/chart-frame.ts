import { html, type SafeHtml } from './safe-html.ts';

/** Width of every chart's view box; charts scale to the page width. */
export const chartWidth = 720;

/** One chart: an SVG with a title, its marks and an HTML legend (series colour classes `s0`…`s3`). */
export interface ChartFrame {
  /** `data-chart` value, e.g. `latency`. */
  readonly id: string;
  readonly title: string;
  readonly height: number;
  readonly body: SafeHtml;
  readonly legend: readonly string[];
}

/** Wraps a chart in a figure: the inline SVG (`svg.chart`) and its legend as the caption. */
export function chartFigure(frame: ChartFrame): SafeHtml {
  const titleId = `chart-${frame.id}-title`;
  const legend = frame.legend.map(
    (name, index) => html`<span class="key"><i class="swatch s${index}"></i>${name}</span>`,
  );
  return html`<figure class="chart-figure">
<svg class="chart" data-chart="${frame.id}" viewBox="0 0 ${chartWidth} ${frame.height}" role="img" aria-labelledby="${titleId}" xmlns="http://www.w3.org/2000/svg">
<title id="${titleId}">${frame.title}</title>
${frame.body}
</svg>
<figcaption><strong>${frame.title}</strong> ${legend}</figcaption>
</figure>`;
}
