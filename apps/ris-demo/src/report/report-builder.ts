import type { ChartPoint } from './chart-scale.ts';
import { formatFixed } from './format-units.ts';
import type { PolicySeriesData } from './kpi-accumulator.ts';
import type { ReportModel } from './report-model.ts';
import type { RunSummary } from './run-summary.ts';
import { agentTable, comparisonTable } from './summary-tables.ts';

/** The per-step data the report charts, kept in memory during the run. */
export interface ReportSeries {
  /** Per policy, the LLM-agent run first. */
  readonly policies: Readonly<Record<string, PolicySeriesData>>;
  /** SINR per vehicle of the LLM-agent run, dB. */
  readonly sinrDb: ReadonlyMap<string, ChartPoint[]>;
  /** Decision latency of the LLM-agent run, ms. */
  readonly latencyMs: readonly ChartPoint[];
}

/**
 * Builds the report's model from the summary and the series. `wallTimeMs` is shown in the report only (the one
 * output that may hold wall-clock values).
 */
export function buildReportModel(summary: RunSummary, series: ReportSeries, wallTimeMs: number): ReportModel {
  const { run } = summary;
  const comparison = comparisonTable(summary);
  const agents = agentTable(summary);
  const policies = Object.entries(series.policies).map(([policy, data]) => ({ policy, ...data }));
  return {
    title: `RIS / V2I / NOMA with LLM agents: seed ${run.seed}, ${run.steps} steps`,
    runInfo: [
      ['mode', run.mode],
      ['model', run.model],
      ['batching', `${run.batching} (batch size ${run.batchSize})`],
      ['on LLM failure', run.onLlmFailure],
      [
        'coordinator weights',
        `energy ${run.weights.energy}, fairness ${run.weights.fairness}, latency ${run.weights.latency}`,
      ],
      [
        'scenario',
        `${summary.scenario.vehicles} vehicles, ${summary.scenario.rsus} RSUs, ${summary.scenario.risElements} RIS elements (${summary.scenario.phaseBits}-bit), Δt ${summary.scenario.timeStepS} s`,
      ],
      [
        'LLM requests',
        `${summary.llm.requests} (${summary.llm.attempts} attempts, ${summary.llm.stepsWithFallback} steps with fallback, ${summary.llm.stepsFailed} failed, ${summary.llm.stepsSkipped} skipped)`,
      ],
      ['tokens', `${summary.llm.promptTokens} prompt, ${summary.llm.completionTokens} completion`],
      ['wall time', `${formatFixed(wallTimeMs / 1000, 2)} s`],
    ],
    comparison,
    agents,
    policies,
    sinrDb: [...series.sinrDb].map(([vehicleId, points]) => ({ vehicleId, points })),
    llmLatencyMs: series.latencyMs,
    latencyBudgetMs: run.latencyBudgetMs,
    meanSumRateBps: Object.entries(summary.policies).map(([label, kpis]) => ({ label, value: kpis.meanSumRateBps })),
    energyEfficiencyBitPerJ: Object.entries(summary.policies).map(([label, kpis]) => ({
      label,
      value: kpis.energyEfficiencyBitPerJ,
    })),
    notes: [
      run.mode === 'live'
        ? 'Decision latency is wall-clock time from the first agent request of a step to its last reply.'
        : 'Decision latency is virtual time: the mock latency model (mock mode) or the recorded durations (replay), so outputs are reproducible.',
      'Baselines run the same physics on the same seed without LLM calls; "closed-form" aligns the RIS phases and uses the optimal two-user NOMA split.',
      'Energy efficiency is total delivered bits over total consumed energy (transmit power / PA efficiency + static power + RIS element power).',
    ],
  };
}
