import { escapeXml } from './escape-xml.ts';
import { htmlPage, htmlSections, htmlTable } from './html-page.ts';
import { reportFigures } from './report-figures.ts';
import type { ReportModel } from './report-model.ts';

/** Renders the self-contained HTML report of one run: inline CSS and SVG charts, no scripts, no external resources. */
export function renderHtmlReport(model: ReportModel): string {
  return htmlPage({
    title: model.title,
    labels: model.labels,
    body: [
      `<dl class="run">${model.runInfo.map(([key, value]) => `<dt>${escapeXml(key)}</dt><dd>${escapeXml(value)}</dd>`).join('')}</dl>`,
      '<h2>Policies on the same seed</h2>',
      htmlTable(model.comparison.columns, model.comparison.rows),
      '<h2>Agents</h2>',
      htmlTable(model.agents.columns, model.agents.rows),
      '<h2>Figures</h2>',
      `<p class="source">${escapeXml(model.source)}</p>`,
      ...htmlSections(reportFigures(model)),
      `<ul class="notes">${model.notes.map((note) => `<li>${escapeXml(note)}</li>`).join('')}</ul>`,
    ],
  });
}
