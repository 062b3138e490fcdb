import { escapeXml } from './escape-xml.ts';
import type { FigureSection } from './report-figures.ts';
import type { TableRow } from './report-model.ts';
import { REPORT_CSS } from './report-style.ts';

/** A self-contained HTML page: inline CSS, no scripts, no external resources. */
export function htmlPage(options: {
  readonly title: string;
  /** What decided and how the figures were obtained, shown first in a highlighted box. */
  readonly labels: readonly string[];
  /** The page body after the labels (trusted HTML built by the report renderers). */
  readonly body: readonly string[];
}): string {
  return [
    '<!doctype html>',
    '<html lang="en"><head><meta charset="utf-8">',
    `<title>${escapeXml(options.title)}</title>`,
    '<meta name="viewport" content="width=device-width, initial-scale=1">',
    `<style>${REPORT_CSS}</style></head><body>`,
    `<h1>${escapeXml(options.title)}</h1>`,
    `<div class="labels" role="note">${options.labels.map((label) => `<p>${escapeXml(label)}</p>`).join('')}</div>`,
    ...options.body,
    '</body></html>',
    '',
  ].join('\n');
}

/** An HTML table with column headers and one header cell per row. */
export function htmlTable(columns: readonly string[], rows: readonly TableRow[]): string {
  const head = `<tr>${columns.map((column) => `<th scope="col">${escapeXml(column)}</th>`).join('')}</tr>`;
  const body = rows
    .map(
      (row) =>
        `<tr><th scope="row">${escapeXml(row.label)}</th>${row.cells.map((cell) => `<td class="num">${escapeXml(cell)}</td>`).join('')}</tr>`,
    )
    .join('');
  return `<table>${head}${body}</table>`;
}

/** Figure sections as HTML: a heading each, then its figures side by side where they fit. */
export function htmlSections(sections: readonly FigureSection[]): string[] {
  return sections.map(
    (section) =>
      `<section><h3>${escapeXml(section.heading)}</h3><div class="charts">${section.figures.join('\n')}</div></section>`,
  );
}
