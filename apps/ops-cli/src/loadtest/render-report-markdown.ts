import { describeLoadtestCost } from './loadtest-cost.ts';
import type { LoadtestReport } from './loadtest-report.ts';
import {
  formatCount as int,
  type LatencyRow,
  latencyRows,
  formatMs as ms,
  nonZeroEntries,
  runShape,
  formatSigned as signed,
} from './report-format.ts';

function latencyRow({ name, summary }: LatencyRow): string {
  if (summary.count === 0) return `| ${name} | 0 | – | – | – | – |`;
  return `| ${name} | ${int(summary.count)} | ${ms(summary.p50)} | ${ms(summary.p95)} | ${ms(summary.p99)} | ${ms(summary.max)} |`;
}

function table(rows: Readonly<Record<string, number>>, empty: string): string[] {
  const entries = nonZeroEntries(rows);
  if (entries.length === 0) return [empty];
  return ['| | count |', '|---|---:|', ...entries.map(([name, count]) => `| ${name} | ${int(count)} |`)];
}

/** Renders a load-test report as markdown: headline, throughput, latency, resilience, memory and accounting. */
export function renderReportMarkdown(report: LoadtestReport): string {
  const { run, config, outcomes, adapter, memory, accounting } = report;
  const verdict = accounting.ok ? 'PASS' : 'FAIL';
  const shape = runShape(report);
  const lines = [
    `# acpt load test: ${verdict}`,
    '',
    `${shape} at concurrency ${run.concurrency}${run.ratePerSecond === undefined ? '' : `, paced at ${run.ratePerSecond}/s`} ` +
      `against ${run.endpoint} (${run.server} mock server), ${(run.streamShare * 100).toFixed(0)} % streamed, ` +
      `max ${run.maxTokens} completion tokens, seed ${run.seed}. Started ${report.startedAt}.`,
    '',
    `- Faults: ${run.faults}`,
    `- Latency profile: ${run.latency}`,
    `- Adapter: model ${config.model}, budget ${config.latencyBudgetMs} ms (${config.latencyBudgetMode}), ${config.maxRetries} retries, ` +
      `batch ${config.batchSize}, ${config.maxInFlight} in flight, queue ${config.queueLimit}, circuit ${config.circuitFailureThreshold} failures / ` +
      `${config.circuitCooldownMs} ms, fallback ${config.fallback}, ${config.connections} connections`,
    '',
    '## Accounting',
    '',
    `\`${accounting.line}\``,
    '',
    ...accounting.problems.map((problem) => `- **${problem}**`),
    ...(accounting.problems.length > 0 ? [''] : []),
    '| witness | submitted | settled | succeeded | fell back | failed |',
    '|---|---:|---:|---:|---:|---:|',
    `| load driver | ${int(outcomes.submitted)} | ${int(outcomes.succeeded + outcomes.fellBack + outcomes.failed)} | ${int(outcomes.succeeded)} | ${int(outcomes.fellBack)} | ${int(outcomes.failed)} |`,
    ...accounting.witnesses.map(
      (witness) =>
        `| ${witness.name} | ${[witness.submitted, witness.settled, witness.succeeded, witness.fellBack, witness.failed]
          .map((value) => (value === undefined ? '–' : int(value)))
          .join(' | ')} |`,
    ),
    '',
    '## Throughput',
    '',
    `${int(outcomes.submitted)} requests in ${(report.elapsedMs / 1000).toFixed(1)} s (submission ${(report.submitMs / 1000).toFixed(1)} s): ` +
      `**${int(report.throughput.settledPerSecond)} settled/s**, ${int(report.throughput.answeredPerSecond)} answered/s, ` +
      `${int(report.throughput.livePerSecond)} live/s. ${int(adapter.attempts)} attempts` +
      (report.server === undefined ? '.' : `; the server received ${int(report.server.chatRequests)} chat requests.`),
    '',
    '## Latency (ms, submission to settlement)',
    '',
    '| | count | p50 | p95 | p99 | max |',
    '|---|---:|---:|---:|---:|---:|',
    ...latencyRows(report).map(latencyRow),
    '',
    '## Resilience',
    '',
    `Budget breaches: ${int(adapter.budgetBreaches.soft)} soft, ${int(adapter.budgetBreaches.hard)} hard. ` +
      `Circuit openings: ${int(adapter.circuitOpenings)} (state at end: ${adapter.circuitStateAtEnd}). ` +
      `Admission waits: ${int(adapter.admissionWaits)}. Micro-batches: ${int(adapter.microBatches)}. ` +
      `Fallbacks before any live attempt (shed by token admission or the open circuit): ${int(adapter.fallbacksWithoutLiveAttempt)}.`,
    '',
    '**Retries by reason**',
    '',
    ...table(adapter.retriesByReason, 'No retries.'),
    '',
    '**429s by kind**',
    '',
    ...table(adapter.rateLimitsByKind, 'No 429s.'),
    '',
    '**Fallbacks by reason**',
    '',
    ...table(adapter.fallbacksByReason, 'No fallbacks.'),
    '',
    '**Failures by error code**',
    '',
    ...table(report.errorsByCode, 'No failures.'),
    ...(report.untypedErrorSamples.length > 0
      ? ['', 'Untyped errors:', ...report.untypedErrorSamples.map((sample) => `- \`${sample}\``)]
      : []),
    '',
    `Tokens: ${int(adapter.tokens.prompt)} prompt + ${int(adapter.tokens.completion)} completion = ${int(adapter.tokens.total)}.`,
    '',
    ...(report.cost === undefined ? [] : [`Cost: ${describeLoadtestCost(report.cost)}`, '']),
    '## Memory (driver process)',
    '',
    `Peak RSS **${memory.peakRssMiB.toFixed(1)} MiB** (start ${memory.startRssMiB.toFixed(1)}, end ${memory.endRssMiB.toFixed(1)}); ` +
      `peak heap ${memory.peakHeapUsedMiB.toFixed(1)} MiB. Second half of the run: RSS ${signed(memory.rssGrowthSecondHalfMiB)} MiB ` +
      `(slope ${memory.rssSlopeMiBPerMinute.toFixed(1)} MiB/min), heap between ${memory.heapRangeSecondHalfMiB[0].toFixed(0)} and ` +
      `${memory.heapRangeSecondHalfMiB[1].toFixed(0)} MiB (slope ${memory.heapSlopeMiBPerMinute.toFixed(1)} MiB/min); ${memory.samples} samples.` +
      (report.server?.peakRssMiB === undefined
        ? ''
        : ` Mock server peak RSS ${report.server.peakRssMiB.toFixed(1)} MiB.`),
    '',
  ];
  if (report.telemetry !== undefined) {
    const t = report.telemetry;
    lines.push(
      '## Telemetry (in-memory OpenTelemetry SDK)',
      '',
      `${int(t.logicalSpans)} logical \`chat\` spans, ${int(t.operations)} operation-duration points ` +
        `(${int(t.failedOperations)} with error.type), ${int(t.fallbacks)} fallbacks counted.`,
      '',
    );
  }
  if (report.telemetryExport !== undefined) {
    lines.push(
      '## Telemetry (exported through startTelemetry)',
      '',
      `Export at shutdown: ${report.telemetryExport}${report.telemetryExport === 'not-started' ? ' (no OTEL_* exporter configured)' : ''}.`,
      '',
    );
  }
  return lines.join('\n');
}
