import { escapeXml } from './escape-xml.ts';
import { reportFigures } from './report-figures.ts';
import type { ReportModel, TableRow } from './report-model.ts';
import { REPORT_CSS } from './report-style.ts';

/** Renders the self-contained HTML report: inline CSS and SVG charts, no scripts, no external resources. */
export function renderHtmlReport(model: ReportModel): string {
  const sections = reportFigures(model).map(
    (section) =>
      `<section><h3>${escapeXml(section.heading)}</h3><div class="charts">${section.figures.join('\n')}</div></section>`,
  );
  return [
    '<!doctype html>',
    '<html lang="en"><head><meta charset="utf-8">',
    `<title>${escapeXml(model.title)}</title>`,
    '<meta name="viewport" content="width=device-width, initial-scale=1">',
    `<style>${REPORT_CSS}</style></head><body>`,
    `<h1>${escapeXml(model.title)}</h1>`,
    `<div class="labels" role="note">${model.labels.map((label) => `<p>${escapeXml(label)}</p>`).join('')}</div>`,
    `<dl class="run">${model.runInfo.map(([key, value]) => `<dt>${escapeXml(key)}</dt><dd>${escapeXml(value)}</dd>`).join('')}</dl>`,
    '<h2>Policies on the same seed</h2>',
    table(model.comparison.columns, model.comparison.rows),
    '<h2>Agents</h2>',
    table(model.agents.columns, model.agents.rows),
    '<h2>Figures</h2>',
    `<p class="source">${escapeXml(model.source)}</p>`,
    ...sections,
    `<ul class="notes">${model.notes.map((note) => `<li>${escapeXml(note)}</li>`).join('')}</ul>`,
    '</body></html>',
    '',
  ].join('\n');
}

function table(columns: readonly string[], rows: readonly TableRow[]): string {
  const head = `<tr>${columns.map((column) => `<th scope="col">${escapeXml(column)}</th>`).join('')}</tr>`;
  const body = rows
    .map(
      (row) =>
        `<tr><th scope="row">${escapeXml(row.label)}</th>${row.cells.map((cell) => `<td class="num">${escapeXml(cell)}</td>`).join('')}</tr>`,
    )
    .join('');
  return `<table>${head}${body}</table>`;
}
