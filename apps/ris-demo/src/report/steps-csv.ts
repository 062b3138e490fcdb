import type { ChartPoint } from './chart-scale.ts';
import { csvLine } from './csv.ts';
import type { PolicySeriesData } from './kpi-accumulator.ts';

/** Columns of `steps.csv`, in order. */
export const STEPS_CSV_COLUMNS: readonly string[] = [
  'policy',
  'step',
  'timeS',
  'sumRateBps',
  'omaSumRateBps',
  'jainFairness',
  'energyEfficiencyBitPerJ',
  'totalPowerW',
  'handoverSuccesses',
  'handoverFailures',
  'handoversRejected',
  'pingPongs',
  'sicFailures',
  'invalidPairs',
  'risGainDb',
  'risGainVsRandomDb',
  'decisionLatencyMs',
];

/**
 * `steps.csv`: one row per policy and step (long format, policies in the summary's order) with the step's KPIs in SI
 * units. `decisionLatencyMs` is filled only for the agent run of a live or replayed run (`measuredLatencyMs`); it is
 * empty for baselines and for mock mode, whose latency is virtual.
 */
export function stepsCsv(options: {
  readonly policies: Readonly<Record<string, PolicySeriesData>>;
  readonly timeStepS: number;
  /** The agent run's policy key and its measured latency per step, when measured. */
  readonly measuredLatency?: { readonly policy: string; readonly points: readonly ChartPoint[] };
}): string {
  const lines = [csvLine(STEPS_CSV_COLUMNS)];
  const latency = new Map(options.measuredLatency?.points ?? []);
  for (const [policy, series] of Object.entries(options.policies)) {
    const measured = policy === options.measuredLatency?.policy;
    for (const [step, kpis] of series.steps) {
      lines.push(
        csvLine([
          policy,
          step,
          step * options.timeStepS,
          kpis.sumRateBps,
          kpis.omaSumRateBps,
          kpis.jainFairness,
          kpis.energyEfficiencyBitPerJ,
          kpis.totalPowerW,
          kpis.handoverSuccesses,
          kpis.handoverFailures,
          kpis.handoversRejected,
          kpis.pingPongs,
          kpis.sicFailures,
          kpis.invalidPairs,
          kpis.risGainDb,
          kpis.risGainVsRandomDb,
          measured ? latency.get(step) : null,
        ]),
      );
    }
  }
  return lines.join('');
}
