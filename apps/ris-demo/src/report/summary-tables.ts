import { formatFixed, formatSi } from './format-units.ts';
import type { TableRow } from './report-model.ts';
import type { RunSummary } from './run-summary.ts';

/** A table: headings and rows. */
export interface Table {
  readonly columns: readonly string[];
  readonly rows: readonly TableRow[];
}

/**
 * One row per policy (by its label): rate, the mean per-step weighted utility as a percentage of the oracle's (when it
 * ran: the quantity the oracle maximises), fairness, energy efficiency, handovers, SIC failures and the decision latency — only when it was measured (live, replay); mock
 * mode's virtual latency is not shown as one.
 */
export function comparisonTable(summary: RunSummary): Table {
  const oracle = Object.values(summary.policies).some((entry) => entry.kind === 'oracle');
  const measured = summary.llm.measured;
  const rows = Object.values(summary.policies).map((entry) => {
    const { kpis } = entry;
    const latency =
      entry.kind !== 'agents'
        ? '-'
        : measured === null
          ? 'n/a (mock)'
          : `${formatFixed(measured.latencyMs.p50, 0)} / ${formatFixed(measured.latencyMs.p95, 0)} ms`;
    return {
      label: entry.label,
      cells: [
        formatSi(kpis.meanSumRateBps, 'bit/s'),
        ...(oracle ? [percent(entry.percentOfOracle?.meanStepUtility ?? null)] : []),
        formatFixed(kpis.meanJainFairness, 3),
        formatSi(kpis.energyEfficiencyBitPerJ, 'bit/J'),
        `${kpis.handoverSuccesses}/${kpis.handoverSuccesses + kpis.handoverFailures}`,
        String(kpis.pingPongs),
        String(kpis.sicFailures),
        latency,
      ],
    };
  });
  return {
    columns: [
      'policy',
      'sum rate',
      ...(oracle ? ['utility % oracle'] : []),
      'Jain',
      'energy eff.',
      'handovers ok',
      'ping-pong',
      'SIC fail',
      'LLM p50/p95',
    ],
    rows,
  };
}

function percent(value: number | null): string {
  return value === null ? '-' : `${formatFixed(value, 1)} %`;
}

/**
 * The run's header line about decisions: who decided, and invalid replies replaced by the heuristic counted apart from
 * transport fallbacks (the adapter's mock answering for a failed request).
 */
export function decisionHeadline(summary: RunSummary): string {
  const { llm, decisions } = summary;
  return (
    `decisions: ${decisions.label}, model ${decisions.model}; ` +
    `${llm.invalidRepliesReplaced} invalid replies replaced by the heuristic (${llm.stepsWithInvalidReply} steps), ` +
    `${llm.stepsWithFallback} steps with transport fallback, ${llm.stepsFailed} failed, ${llm.stepsSkipped} skipped; ` +
    `coordinator ${summary.run.coordinator} for every policy`
  );
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
