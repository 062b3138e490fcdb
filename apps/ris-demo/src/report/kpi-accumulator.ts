import type { Kpis } from '../scenario/types.ts';
import type { ChartPoint } from './chart-scale.ts';

/** A policy's KPIs over a whole run, physical units. */
export interface PolicyKpiSummary {
  readonly steps: number;
  /** Mean of the per-step sum rates, bit/s. */
  readonly meanSumRateBps: number;
  /** Mean of the per-step OMA-baseline sum rates on the same channels, bit/s. */
  readonly meanOmaSumRateBps: number;
  /** Mean of the per-step Jain indices. */
  readonly meanJainFairness: number;
  /** Total bits delivered / total energy consumed over the run, bit/J. */
  readonly energyEfficiencyBitPerJ: number;
  readonly handoverSuccesses: number;
  readonly handoverFailures: number;
  /** Successes / executed handovers; null when none was executed. */
  readonly handoverSuccessRate: number | null;
  readonly handoversRejected: number;
  readonly pingPongs: number;
  readonly sicFailures: number;
  readonly invalidPairs: number;
  /** Mean served-signal RIS gain against no RIS, dB. */
  readonly meanRisGainDb: number;
  /**
   * Mean over the steps of the coordinator's weighted utility of the applied actions against the status quo, at the
   * policy's own state (what the oracle maximises per step); null when not recorded.
   */
  readonly meanStepUtility: number | null;
}

/** Per-step series kept for the report's charts. */
export interface PolicySeriesData {
  readonly sumRateBps: ChartPoint[];
  readonly jainFairness: ChartPoint[];
  readonly cumulativeHandovers: ChartPoint[];
  /** Every step's KPIs with its index, in step order (for `steps.csv`). */
  readonly steps: (readonly [number, Kpis])[];
}

/** Accumulates one policy's per-step KPIs into a {@link PolicyKpiSummary} and chart series. */
export interface KpiAccumulator {
  add(step: number, kpis: Kpis): void;
  /** Records the weighted utility of one step's applied actions. */
  addUtility(utility: number): void;
  summary(): PolicyKpiSummary;
  readonly series: PolicySeriesData;
}

/** Creates an accumulator; `timeStepS` turns rates and powers into bits and joules. */
export function createKpiAccumulator(timeStepS: number): KpiAccumulator {
  let steps = 0;
  let sumRate = 0;
  let omaSumRate = 0;
  let jain = 0;
  let bits = 0;
  let joules = 0;
  let risGain = 0;
  let utility = 0;
  let utilitySteps = 0;
  const counts = {
    handoverSuccesses: 0,
    handoverFailures: 0,
    handoversRejected: 0,
    pingPongs: 0,
    sicFailures: 0,
    invalidPairs: 0,
  };
  const series: PolicySeriesData = {
    sumRateBps: [],
    jainFairness: [],
    cumulativeHandovers: [],
    steps: [],
  };
  return {
    series,
    add(step, kpis) {
      steps += 1;
      sumRate += kpis.sumRateBps;
      omaSumRate += kpis.omaSumRateBps;
      jain += kpis.jainFairness;
      bits += kpis.sumRateBps * timeStepS;
      joules += kpis.totalPowerW * timeStepS;
      risGain += kpis.risGainDb;
      for (const key of Object.keys(counts) as (keyof typeof counts)[]) counts[key] += kpis[key];
      series.sumRateBps.push([step, kpis.sumRateBps]);
      series.jainFairness.push([step, kpis.jainFairness]);
      series.cumulativeHandovers.push([step, counts.handoverSuccesses + counts.handoverFailures]);
      series.steps.push([step, kpis]);
    },
    addUtility(value) {
      utility += value;
      utilitySteps += 1;
    },
    summary() {
      const mean = (total: number): number => (steps === 0 ? 0 : total / steps);
      const executed = counts.handoverSuccesses + counts.handoverFailures;
      return {
        steps,
        meanSumRateBps: mean(sumRate),
        meanOmaSumRateBps: mean(omaSumRate),
        meanJainFairness: mean(jain),
        energyEfficiencyBitPerJ: joules > 0 ? bits / joules : 0,
        handoverSuccesses: counts.handoverSuccesses,
        handoverFailures: counts.handoverFailures,
        handoverSuccessRate: executed > 0 ? counts.handoverSuccesses / executed : null,
        handoversRejected: counts.handoversRejected,
        pingPongs: counts.pingPongs,
        sicFailures: counts.sicFailures,
        invalidPairs: counts.invalidPairs,
        meanRisGainDb: mean(risGain),
        meanStepUtility: utilitySteps === 0 ? null : utility / utilitySteps,
      };
    },
  };
}
