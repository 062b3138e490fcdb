/**
 * Rate-based KPIs shared by `step` and `predict`: sum rate (bit/s), the OMA baseline sum rate, Jain's index over
 * per-vehicle rates, and energy efficiency = sum rate / P_tot (bit/J) with the Huang et al. power model
 * P_tot = Σ_r P_r/ν + R P_static + N P_elem(b).
 */
import { energyEfficiencyBitPerJ, totalConsumedPowerW } from '../physics/energy-efficiency.ts';
import { jainIndex } from '../physics/fairness.ts';
import type { ScenarioConfig } from './scenario-config.ts';

/** Total consumed power of the scenario's RSUs and RIS, W. */
export function scenarioPowerW(scenario: ScenarioConfig): number {
  return totalConsumedPowerW({
    transmitPowerW: scenario.rsus.reduce((sum, rsu) => sum + rsu.txPowerW, 0),
    amplifierEfficiency: scenario.energy.amplifierEfficiency,
    staticPowerW: scenario.rsus.length * scenario.energy.staticPowerPerRsuW,
    elementCount: scenario.ris.rows * scenario.ris.columns,
    elementPowerW: scenario.ris.elementPowerW,
  });
}

/** Rate KPIs. */
export interface RateKpis {
  readonly sumRateBps: number;
  readonly omaSumRateBps: number;
  readonly jainFairness: number;
  readonly energyEfficiencyBitPerJ: number;
  readonly totalPowerW: number;
}

/** Sums and summarises per-vehicle rates (bit/s). */
export function rateKpis(rateBps: Float64Array, omaRateBps: Float64Array, totalPowerW: number): RateKpis {
  let sum = 0;
  let omaSum = 0;
  for (let k = 0; k < rateBps.length; k += 1) {
    sum += rateBps[k]!;
    omaSum += omaRateBps[k]!;
  }
  return {
    sumRateBps: sum,
    omaSumRateBps: omaSum,
    jainFairness: jainIndex(Array.from(rateBps)),
    energyEfficiencyBitPerJ: energyEfficiencyBitPerJ(sum, totalPowerW),
    totalPowerW,
  };
}
