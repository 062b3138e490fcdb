import type { LoadtestReport } from '../loadtest-report.ts';
import {
  latencySection,
  memorySection,
  resilienceSection,
  telemetrySection,
  tokensSection,
} from './report-html-details.ts';
import { REPORT_CSS } from './report-html-style.ts';
import { accountingSection, configurationSection, headerSection, throughputSection } from './report-html-summary.ts';
import { html, trustedHtml } from './safe-html.ts';

/**
 * Renders a load-test report as one self-contained HTML page (inline CSS and SVG, no scripts, fonts or external
 * resources): verdict, accounting, throughput, latency, resilience, tokens, memory, telemetry and configuration, with
 * a latency chart and, when the report has the series, throughput and memory timelines. Every report string is
 * escaped. The same report always gives the same page.
 */
export function renderReportHtml(report: LoadtestReport): string {
  const verdict = report.accounting.ok ? 'PASS' : 'FAIL';
  return html`<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="color-scheme" content="light dark">
<meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'unsafe-inline'">
<title>acpt load test: ${verdict}</title>
<style>${trustedHtml(REPORT_CSS)}</style>
</head>
<body>
<main>
${headerSection(report)}
${accountingSection(report)}
${throughputSection(report)}
${latencySection(report)}
${resilienceSection(report)}
${tokensSection(report)}
${memorySection(report)}
${telemetrySection(report)}
${configurationSection(report)}
<footer>${report.tool}: started ${report.startedAt}, finished ${report.finishedAt}, exit code ${report.exitCode}.</footer>
</main>
</body>
</html>
`.toString();
}
