import type { KpiWeights } from './kpi-weights.ts';

/** The predicted quantities the coordinator weighs, in physical units. */
export interface UtilityInputs {
  /** Energy efficiency, bit/J (energy per bit is its inverse: a cost). */
  readonly energyEfficiencyBitPerJ: number;
  /** Jain's fairness index of per-vehicle rates, in [1/n, 1]. */
  readonly jainFairness: number;
  /** Latency proxy, seconds (a cost). */
  readonly latencyS: number;
}

/** A utility and its signed, weighted terms, as recorded per proposal. */
export interface UtilityBreakdown {
  /** Σ of the terms; > 0 means better than the status quo. */
  readonly utility: number;
  /** −w_E · relative change of energy per bit. */
  readonly energy: number;
  /** +w_F · change of Jain's index. */
  readonly fairness: number;
  /** −w_L · relative change of the latency proxy. */
  readonly latency: number;
}

const tiny = 1e-12;

/**
 * The weighted utility of a predicted outcome against the status quo. Each objective is normalised so the weights
 * compare like with like: energy per bit and latency are **costs** (sign −1, relative change), fairness is a
 * **benefit** (sign +1, absolute change of an index that is already in [0, 1]).
 */
export function weightedUtility(
  candidate: UtilityInputs,
  statusQuo: UtilityInputs,
  weights: KpiWeights,
): UtilityBreakdown {
  const energyPerBit = (inputs: UtilityInputs): number => 1 / Math.max(inputs.energyEfficiencyBitPerJ, tiny);
  const energyChange = (energyPerBit(candidate) - energyPerBit(statusQuo)) / energyPerBit(statusQuo);
  const latencyChange = (candidate.latencyS - statusQuo.latencyS) / Math.max(statusQuo.latencyS, tiny);
  const energy = -weights.energy * finiteOr(energyChange, 0);
  const fairness = weights.fairness * finiteOr(candidate.jainFairness - statusQuo.jainFairness, 0);
  const latency = -weights.latency * finiteOr(latencyChange, 0);
  return { utility: energy + fairness + latency, energy, fairness, latency };
}

function finiteOr(value: number, fallback: number): number {
  return Number.isFinite(value) ? value : fallback;
}
