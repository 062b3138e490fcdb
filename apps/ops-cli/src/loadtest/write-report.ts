import { mkdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { LoadtestReport } from './loadtest-report.ts';
import { renderReportMarkdown } from './render-report-markdown.ts';

/** Writes `loadtest-report.json` and `loadtest-report.md` into `directory` (created if needed); returns both paths. */
export async function writeLoadtestReport(
  report: LoadtestReport,
  directory: string,
): Promise<{ json: string; markdown: string }> {
  await mkdir(directory, { recursive: true });
  const json = join(directory, 'loadtest-report.json');
  const markdown = join(directory, 'loadtest-report.md');
  await writeFile(json, `${JSON.stringify(report, null, 2)}\n`);
  await writeFile(markdown, renderReportMarkdown(report));
  return { json, markdown };
}
