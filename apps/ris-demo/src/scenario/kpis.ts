/**
 * Rate-based KPIs shared by `step` and `predict`: sum rate (bit/s), the OMA baseline sum rate, Jain's index over
 * per-vehicle rates, and energy efficiency = sum rate / P_tot (bit/J) with this step's consumed power
 * (scenario/transmission.ts: EARTH model per RSU as allocated, plus the RIS).
 */
import { energyEfficiencyBitPerJ } from '../physics/energy-efficiency.ts';
import { jainIndex } from '../physics/fairness.ts';

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
