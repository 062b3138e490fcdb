import { mkdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { renderReportHtml } from './html/render-report-html.ts';
import type { LoadtestReport } from './loadtest-report.ts';
import { renderReportMarkdown } from './render-report-markdown.ts';

/**
 * Writes `loadtest-report.json`, `loadtest-report.md` and the self-contained `loadtest-report.html` into `directory`
 * (created if needed); returns the three paths.
 */
export async function writeLoadtestReport(
  report: LoadtestReport,
  directory: string,
): Promise<{ json: string; markdown: string; html: string }> {
  await mkdir(directory, { recursive: true });
  const json = join(directory, 'loadtest-report.json');
  const markdown = join(directory, 'loadtest-report.md');
  const html = join(directory, 'loadtest-report.html');
  await writeFile(json, `${JSON.stringify(report, null, 2)}\n`);
  await writeFile(markdown, renderReportMarkdown(report));
  await writeFile(html, renderReportHtml(report));
  return { json, markdown, html };
}
