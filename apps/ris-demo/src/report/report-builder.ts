import { costRows } from '../cost/cost-rows.ts';
import type { ChartPoint } from './chart-scale.ts';
import { type PolicyFigureData, timeWindowSteps } from './figure-accumulator.ts';
import { formatFixed } from './format-units.ts';
import type { PolicySeriesData } from './kpi-accumulator.ts';
import { energyEfficiencyFigure, latencyFigure, runLabels } from './report-labels.ts';
import type { ReportModel } from './report-model.ts';
import type { RoadGeometry } from './road-map-chart.ts';
import type { RunSummary } from './run-summary.ts';
import { agentTable, comparisonTable, decisionHeadline } from './summary-tables.ts';

/** The per-step data the report charts, kept in memory during the run. */
export interface ReportSeries {
  /** Per policy (the agent run first): KPI series indexed by step. */
  readonly policies: Readonly<Record<string, PolicySeriesData>>;
  /** Per policy: CDF sketches, SINR bands, RIS gain map, power range. */
  readonly figures: Readonly<Record<string, PolicyFigureData>>;
  /** Decision latency of the agent run per step, ms. */
  readonly latencyMs: readonly ChartPoint[];
  /** The scenario's road, RSUs and RIS. */
  readonly geometry: RoadGeometry;
}

/**
 * Builds the report's model from the summary and the series. `wallTimeMs` is shown in the report only (the one
 * output that may hold wall-clock values).
 */
export function buildReportModel(summary: RunSummary, series: ReportSeries, wallTimeMs: number): ReportModel {
  const { run, scenario } = summary;
  const timeStepS = scenario.timeStepS;
  const window = timeWindowSteps(run.steps, timeStepS);
  const policies = Object.entries(series.policies).map(([policy, data]) => {
    const figures = series.figures[policy];
    if (figures === undefined) throw new RangeError(`buildReportModel: no figure data for policy ${policy}`);
    return {
      policy: summary.policies[policy]?.label ?? policy,
      sumRateBps: windowMeans(data.sumRateBps, window, timeStepS),
      jainFairness: windowMeans(data.jainFairness, window, timeStepS),
      cumulativeHandovers: data.cumulativeHandovers.map(([step, count]): ChartPoint => [step * timeStepS, count]),
      figures,
    };
  });
  const kpis = Object.values(summary.policies).map((entry) => [entry.label, entry.kpis] as const);
  const { llm, decisions } = summary;
  const figures = llm.measured ?? llm.adapterPath;
  const durationS = run.steps * timeStepS;
  return {
    title: `RIS / V2I / NOMA, ${decisions.label} and baselines: seed ${run.seed}, ${run.steps} steps (${formatFixed(durationS, 1)} s)`,
    labels: [
      ...runLabels(run),
      ...(summary.status === 'complete'
        ? []
        : [
            `This run was ${summary.status}: the figures cover the ${kpis[0]?.[1].steps ?? 0} steps completed before it stopped.`,
          ]),
    ],
    runInfo: [
      ['mode', run.mode],
      ['status', summary.status],
      ['decided by', decisions.decidedBy],
      ['model', decisions.model],
      ['coordinator', `${run.coordinator} for every policy (the oracle searches the coordinator's utility itself)`],
      ['batching', `${run.batching} (batch size ${run.batchSize})`],
      ['on LLM failure', run.onLlmFailure],
      [
        'coordinator weights',
        `energy ${run.weights.energy}, fairness ${run.weights.fairness}, latency ${run.weights.latency}`,
      ],
      [
        'scenario',
        `${scenario.vehicles} vehicles, ${scenario.rsus} RSUs, ${scenario.risElements} RIS elements (${scenario.phaseBits}-bit), Δt ${timeStepS} s`,
      ],
      [
        run.mode === 'mock' ? 'adapter requests (to the mock)' : 'LLM requests',
        `${llm.requests} (${llm.attempts} attempts)`,
      ],
      ['replies and fallbacks', decisionHeadline(summary)],
      [
        run.mode === 'mock' ? 'tokens (mock estimates, adapter path)' : 'tokens (reported by the API)',
        figures === null ? 'none' : `${figures.promptTokens} prompt, ${figures.completionTokens} completion`,
      ],
      ...costRows(summary.cost),
      ['wall time', `${formatFixed(wallTimeMs / 1000, 2)} s`],
    ],
    comparison: comparisonTable(summary),
    agents: agentTable(summary),
    source: `Simulated: seed ${run.seed}, ${formatFixed(durationS, 1)} s (${run.steps} steps of ${timeStepS} s), ${scenario.vehicles} vehicles, every policy on the same seed and channels${run.mode === 'mock' ? '; the agent policy is scripted mock rules, not a language model' : ''}.`,
    windowS: window * timeStepS,
    policies,
    geometry: series.geometry,
    meanSumRateBps: kpis.map(([label, policy]) => ({ label, value: policy.meanSumRateBps })),
    nomaGainPercent: kpis.map(([label, policy]) => ({
      label,
      value: policy.meanOmaSumRateBps > 0 ? (policy.meanSumRateBps / policy.meanOmaSumRateBps - 1) * 100 : 0,
    })),
    intervalLabel: null,
    energyEfficiency: energyEfficiencyFigure(summary, series.figures),
    latency: latencyFigure(run, series.latencyMs, timeStepS),
    notes: [
      `Baselines run the same physics on the same seed without LLM calls, through the same coordinator (${run.coordinator}); "scripted-rules" are the mock rules called directly, "closed-form" aligns the RIS phases and uses the optimal two-user NOMA split.`,
      'The oracle searches, per step, the joint action space for the best weighted utility with predict(): an upper bound of that one-step utility (utility % oracle), not of the sum rate over a run.',
      'Energy efficiency is total delivered bits over total consumed energy (transmit power / PA efficiency + static power + RIS element power).',
      'One seed: the bars carry no uncertainty interval. A difference between policies on one seed is not evidence of a difference in general.',
    ],
  };
}

/** Means of consecutive windows of `window` steps, at the window's centre time (s). */
function windowMeans(points: readonly ChartPoint[], window: number, timeStepS: number): ChartPoint[] {
  const result: ChartPoint[] = [];
  for (let start = 0; start < points.length; start += window) {
    const slice = points.slice(start, start + window);
    const mean = slice.reduce((sum, point) => sum + point[1], 0) / slice.length;
    const centreStep = (slice[0]![0] + slice[slice.length - 1]![0]) / 2;
    result.push([(centreStep + 0.5) * timeStepS, mean]);
  }
  return result;
}
