import { describeLoadtestCost } from '../loadtest-cost.ts';
import type { LoadtestReport } from '../loadtest-report.ts';
import { formatCount as int, latencyRows, formatMs as ms, formatSigned as signed } from '../report-format.ts';
import { countTable, htmlTable } from './html-table.ts';
import { latencyBarChart } from './latency-bar-chart.ts';
import { lineChart } from './line-chart.ts';
import { memorySeries } from './report-timelines.ts';
import { html, type SafeHtml } from './safe-html.ts';

/** The latency table (count, p50, p95, p99, max per row) and its bar chart. */
export function latencySection(report: LoadtestReport): SafeHtml {
  const rows = latencyRows(report);
  const table = htmlTable({
    className: 'latency',
    head: ['', 'count', 'p50', 'p95', 'p99', 'max'],
    rows: rows.map(({ name, summary }) =>
      summary.count === 0
        ? [name, '0', '–', '–', '–', '–']
        : [name, int(summary.count), ms(summary.p50), ms(summary.p95), ms(summary.p99), ms(summary.max)],
    ),
  });
  return html`<section id="latency">
<h2>Latency (ms, submission to settlement)</h2>
${table}
${latencyBarChart(rows)}
</section>`;
}

/** Budget breaches, circuit, retries, 429s, fallbacks, failures and untyped error samples. */
export function resilienceSection(report: LoadtestReport): SafeHtml {
  const { adapter } = report;
  const samples = report.untypedErrorSamples.map((sample) => html`<li><code>${sample}</code></li>`);
  return html`<section id="resilience">
<h2>Resilience</h2>
<p>Budget breaches: ${int(adapter.budgetBreaches.soft)} soft, ${int(adapter.budgetBreaches.hard)} hard. Circuit openings: ${int(adapter.circuitOpenings)} (state at end: ${adapter.circuitStateAtEnd}). Admission waits: ${int(adapter.admissionWaits)}. Micro-batches: ${int(adapter.microBatches)}. Fallbacks before any live attempt (shed by token admission or the open circuit): ${int(adapter.fallbacksWithoutLiveAttempt)}.</p>
<div class="tables">
${countTable('Retries by reason', adapter.retriesByReason, 'No retries.')}
${countTable('429s by kind', adapter.rateLimitsByKind, 'No 429s.')}
${countTable('Fallbacks by reason', adapter.fallbacksByReason, 'No fallbacks.')}
${countTable('Failures by error code', report.errorsByCode, 'No failures.')}
</div>
${samples.length > 0 && html`<h3>Untyped errors</h3><ul class="untyped">${samples}</ul>`}
</section>`;
}

/** Tokens billed over every attempt. */
export function tokensSection(report: LoadtestReport): SafeHtml {
  const { tokens } = report.adapter;
  return html`<section id="tokens">
<h2>Tokens</h2>
<p>${int(tokens.prompt)} prompt + ${int(tokens.completion)} completion = ${int(tokens.total)}.</p>
${
  report.cost !== undefined &&
  html`<h2>Cost</h2>
<p class="cost">${describeLoadtestCost(report.cost)}</p>`
}
</section>`;
}

/** Peak RSS, second-half growth and slopes, and the RSS and heap timeline. */
export function memorySection(report: LoadtestReport): SafeHtml {
  const { memory, server } = report;
  const [heapLow, heapHigh] = memory.heapRangeSecondHalfMiB;
  const chart = lineChart({
    id: 'memory',
    title: 'Driver memory over time',
    unit: 'MiB',
    series: memorySeries(memory.series),
  });
  return html`<section id="memory">
<h2>Memory (driver process)</h2>
<ul class="figures">
<li><strong>${memory.peakRssMiB.toFixed(1)} MiB</strong>peak RSS</li>
<li><strong>${memory.rssSlopeMiBPerMinute.toFixed(1)} MiB/min</strong>RSS slope, second half</li>
<li><strong>${signed(memory.rssGrowthSecondHalfMiB)} MiB</strong>RSS growth, second half</li>
</ul>
<p>Peak RSS ${memory.peakRssMiB.toFixed(1)} MiB (start ${memory.startRssMiB.toFixed(1)}, end ${memory.endRssMiB.toFixed(1)}); peak heap ${memory.peakHeapUsedMiB.toFixed(1)} MiB. Second half of the run: RSS ${signed(memory.rssGrowthSecondHalfMiB)} MiB (slope ${memory.rssSlopeMiBPerMinute.toFixed(1)} MiB/min), heap between ${heapLow.toFixed(0)} and ${heapHigh.toFixed(0)} MiB (slope ${memory.heapSlopeMiBPerMinute.toFixed(1)} MiB/min); ${memory.samples} samples.${server?.peakRssMiB === undefined ? '' : ` Mock server peak RSS ${server.peakRssMiB.toFixed(1)} MiB.`}</p>
${chart}
</section>`;
}

/** What the telemetry pipeline counted (in-memory SDK) or how its export went (`env`). */
export function telemetrySection(report: LoadtestReport): SafeHtml {
  const { telemetry, telemetryExport } = report;
  const counted =
    telemetry === undefined
      ? undefined
      : html`<p>In-memory OpenTelemetry SDK: ${int(telemetry.logicalSpans)} logical <code>chat</code> spans, ${int(telemetry.operations)} operation-duration points (${int(telemetry.failedOperations)} with error.type), ${int(telemetry.fallbacks)} fallbacks counted.</p>`;
  const exported =
    telemetryExport === undefined
      ? undefined
      : html`<p>Exported through startTelemetry. Export at shutdown: ${telemetryExport}${telemetryExport === 'not-started' ? ' (no OTEL_* exporter configured)' : ''}.</p>`;
  return html`<section id="telemetry">
<h2>Telemetry</h2>
${counted}${exported}${counted === undefined && exported === undefined && html`<p class="muted">Telemetry was off for this run.</p>`}
</section>`;
}
