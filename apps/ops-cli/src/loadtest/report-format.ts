import type { LatencySummary } from './latency-histogram.ts';
import type { LoadtestReport } from './loadtest-report.ts';

/** Milliseconds as the reports show them: whole from 100 ms up, one decimal below. */
export const formatMs = (value: number): string => (value >= 100 ? value.toFixed(0) : value.toFixed(1));

/** A count with thousands separators, e.g. `12,345`. */
export const formatCount = (value: number): string => Math.round(value).toLocaleString('en-US');

/** A signed figure with one decimal, e.g. `+1.5` or `-0.3`. */
export const formatSigned = (value: number): string => `${value >= 0 ? '+' : ''}${value.toFixed(1)}`;

/** One row of the latency table: its label and its summary. */
export interface LatencyRow {
  readonly name: string;
  readonly summary: Pick<LatencySummary, 'count' | 'p50' | 'p95' | 'p99' | 'max'>;
}

/** The rows of the latency table, in the order both reports show them. */
export function latencyRows(report: LoadtestReport): readonly LatencyRow[] {
  return [
    { name: 'all', summary: report.latencyMs.all },
    { name: 'succeeded (live)', summary: report.latencyMs.succeeded },
    { name: 'fell back', summary: report.latencyMs.fellBack },
    { name: 'failed', summary: report.latencyMs.failed },
    { name: 'time to first token (streams)', summary: report.timeToFirstTokenMs },
    { name: 'adapter: answered', summary: report.adapter.latencyMs },
    { name: 'adapter: time to first token', summary: report.adapter.timeToFirstTokenMs },
  ];
}

/** The entries of a count table worth showing (count above zero), in insertion order. */
export function nonZeroEntries(rows: Readonly<Record<string, number>>): [string, number][] {
  return Object.entries(rows).filter(([, count]) => count > 0);
}

/** What was run, e.g. `2,000 requests` or `300 s`. */
export function runShape(report: LoadtestReport): string {
  const { run } = report;
  return run.requests === undefined ? `${(run.durationMs ?? 0) / 1000} s` : `${formatCount(run.requests)} requests`;
}
