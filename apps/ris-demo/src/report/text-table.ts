import type { TableRow } from './report-model.ts';

/**
 * Renders a plain-text table for the console: the first column left-aligned (labels), the others right-aligned
 * (numbers), a rule under the heading.
 */
export function renderTextTable(columns: readonly string[], rows: readonly TableRow[]): string {
  const grid = [columns, ...rows.map((row) => [row.label, ...row.cells])];
  const widths = columns.map((_, column) => Math.max(...grid.map((line) => (line[column] ?? '').length)));
  const format = (line: readonly string[]): string =>
    widths
      .map((width, column) => {
        const cell = line[column] ?? '';
        return column === 0 ? cell.padEnd(width) : cell.padStart(width);
      })
      .join('  ')
      .trimEnd();
  const rule = widths.map((width) => '-'.repeat(width)).join('  ');
  return [format(columns), rule, ...grid.slice(1).map(format)].join('\n');
}
