import { formatCount, nonZeroEntries } from '../report-format.ts';
import { type HtmlValue, html, type SafeHtml } from './safe-html.ts';

/** A table whose first column is a label and the others right-aligned figures. */
export function htmlTable(options: {
  readonly className: string;
  readonly head: readonly string[];
  readonly rows: readonly (readonly HtmlValue[])[];
}): SafeHtml {
  const cell = (value: HtmlValue, index: number, tag: 'td' | 'th'): SafeHtml =>
    index === 0 ? html`<${tag}>${value}</${tag}>` : html`<${tag} class="num">${value}</${tag}>`;
  const head = options.head.map((value, index) => cell(value, index, 'th'));
  const rows = options.rows.map((row) => html`<tr>${row.map((value, index) => cell(value, index, 'td'))}</tr>`);
  return html`<table class="${options.className}"><thead><tr>${head}</tr></thead><tbody>${rows}</tbody></table>`;
}

/** A titled count table (entries above zero), or the `empty` sentence when there are none. */
export function countTable(title: string, rows: Readonly<Record<string, number>>, empty: string): SafeHtml {
  const entries = nonZeroEntries(rows);
  const body =
    entries.length === 0
      ? html`<p class="muted">${empty}</p>`
      : htmlTable({
          className: 'counts',
          head: ['', 'count'],
          rows: entries.map(([name, count]) => [name, formatCount(count)]),
        });
  return html`<div><h3>${title}</h3>${body}</div>`;
}
