import type { LoadtestReport } from '../loadtest-report.ts';
import { formatCount as int, runShape } from '../report-format.ts';
import { htmlTable } from './html-table.ts';
import { lineChart } from './line-chart.ts';
import { throughputSeries } from './report-timelines.ts';
import { html, type SafeHtml } from './safe-html.ts';

/** The title, the PASS/FAIL verdict and what was run. */
export function headerSection(report: LoadtestReport): SafeHtml {
  const { run } = report;
  const verdict = report.accounting.ok ? 'PASS' : 'FAIL';
  const pacing = run.ratePerSecond === undefined ? '' : `, paced at ${run.ratePerSecond}/s`;
  return html`<header>
<h1>acpt load test: <span class="verdict ${verdict.toLowerCase()}" data-verdict="${verdict}">${verdict}</span></h1>
<p>${runShape(report)} at concurrency ${run.concurrency}${pacing} against <code>${run.endpoint}</code> (${run.server} mock server), ${(run.streamShare * 100).toFixed(0)} % streamed, max ${run.maxTokens} completion tokens, seed ${run.seed}. Started ${report.startedAt}.</p>
</header>`;
}

/** The accounting line, its problems and the witness table. */
export function accountingSection(report: LoadtestReport): SafeHtml {
  const { accounting, outcomes } = report;
  const counts = (values: readonly (number | undefined)[]): string[] =>
    values.map((value) => (value === undefined ? '–' : int(value)));
  const settled = outcomes.succeeded + outcomes.fellBack + outcomes.failed;
  const table = htmlTable({
    className: 'witnesses',
    head: ['witness', 'submitted', 'settled', 'succeeded', 'fell back', 'failed'],
    rows: [
      ['load driver', ...counts([outcomes.submitted, settled, outcomes.succeeded, outcomes.fellBack, outcomes.failed])],
      ...accounting.witnesses.map((witness) => [
        witness.name,
        ...counts([witness.submitted, witness.settled, witness.succeeded, witness.fellBack, witness.failed]),
      ]),
    ],
  });
  const problems = accounting.problems.map((problem) => html`<li>${problem}</li>`);
  return html`<section id="accounting">
<h2>Accounting</h2>
<p class="accounting-line${accounting.ok ? '' : ' fail'}"><code>${accounting.line}</code></p>
${problems.length > 0 && html`<ul class="problems">${problems}</ul>`}
${table}
</section>`;
}

/** Throughput figures and, when the report has progress samples, the throughput timeline. */
export function throughputSection(report: LoadtestReport): SafeHtml {
  const { throughput, outcomes } = report;
  const chart = lineChart({
    id: 'throughput',
    title: 'Throughput over time',
    unit: 'requests/s',
    series: throughputSeries(report.progress ?? []),
  });
  const server =
    report.server === undefined ? '.' : `; the server received ${int(report.server.chatRequests)} chat requests.`;
  return html`<section id="throughput">
<h2>Throughput</h2>
<ul class="figures">
<li><strong>${int(throughput.settledPerSecond)}</strong>settled/s</li>
<li><strong>${int(throughput.answeredPerSecond)}</strong>answered/s</li>
<li><strong>${int(throughput.livePerSecond)}</strong>live/s</li>
</ul>
<p>${int(outcomes.submitted)} requests in ${(report.elapsedMs / 1000).toFixed(1)} s (submission ${(report.submitMs / 1000).toFixed(1)} s): ${int(throughput.settledPerSecond)} settled/s, ${int(throughput.answeredPerSecond)} answered/s, ${int(throughput.livePerSecond)} live/s. ${int(report.adapter.attempts)} attempts${server}</p>
${chart ?? html`<p class="muted">No throughput timeline: the report has fewer than two progress samples.</p>`}
</section>`;
}

/** Faults, latency profile and the adapter settings of the run. */
export function configurationSection(report: LoadtestReport): SafeHtml {
  const { run, config } = report;
  const settings: [string, string][] = [
    ['Faults', run.faults],
    ['Latency profile', run.latency],
    ['Endpoint', `${run.endpoint} (${run.server} mock server)`],
    ['Model', config.model],
    ['Latency budget', `${config.latencyBudgetMs} ms (${config.latencyBudgetMode})`],
    ['Retries', `${config.maxRetries}`],
    ['Batching', `batch ${config.batchSize}, ${config.maxInFlight} in flight, queue ${config.queueLimit}`],
    ['Circuit breaker', `${config.circuitFailureThreshold} failures / ${config.circuitCooldownMs} ms`],
    ['Fallback', config.fallback],
    ['Connections', `${config.connections}`],
    ['Timeouts', `headers ${config.headersTimeoutMs} ms, total ${config.totalTimeoutMs} ms`],
    ['Telemetry', run.telemetry],
    ['Seed', `${run.seed}`],
  ];
  const rows = settings.map(([name, value]) => html`<dt>${name}</dt><dd>${value}</dd>`);
  return html`<section id="configuration">
<h2>Configuration</h2>
<dl class="settings">${rows}</dl>
</section>`;
}
