import { formatFixed, formatSi } from './format-units.ts';
import type { TableRow } from './report-model.ts';
import { LLM_POLICY, type RunSummary } from './run-summary.ts';

/** A table: headings and rows. */
export interface Table {
  readonly columns: readonly string[];
  readonly rows: readonly TableRow[];
}

/** One row per policy: rate, fairness, energy efficiency, handovers, SIC failures and decision latency. */
export function comparisonTable(summary: RunSummary): Table {
  const rows = Object.entries(summary.policies).map(([policy, kpis]) => ({
    label: policy,
    cells: [
      formatSi(kpis.meanSumRateBps, 'bit/s'),
      formatFixed(kpis.meanJainFairness, 3),
      formatSi(kpis.energyEfficiencyBitPerJ, 'bit/J'),
      `${kpis.handoverSuccesses}/${kpis.handoverSuccesses + kpis.handoverFailures}`,
      String(kpis.pingPongs),
      String(kpis.sicFailures),
      policy === LLM_POLICY
        ? `${formatFixed(summary.llm.latencyMs.p50, 0)} / ${formatFixed(summary.llm.latencyMs.p95, 0)} ms`
        : '-',
    ],
  }));
  return {
    columns: ['policy', 'sum rate', 'Jain', 'energy eff.', 'handovers ok', 'ping-pong', 'SIC fail', 'LLM p50/p95'],
    rows,
  };
}

/** One row per agent: how its replies fared and how often the coordinator approved it. */
export function agentTable(summary: RunSummary): Table {
  const rows = Object.entries(summary.agents).map(([agent, counts]) => ({
    label: agent,
    cells: [
      String(counts.valid),
      String(counts.invalid),
      String(counts.failed),
      String(counts.skipped),
      String(counts.reasked),
      String(counts.approved),
    ],
  }));
  return { columns: ['agent', 'valid', 'invalid→heuristic', 'failed', 'skipped', 're-asked', 'approved'], rows };
}
