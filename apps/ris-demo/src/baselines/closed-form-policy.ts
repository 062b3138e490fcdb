/**
 * The closed-form optimiser (per step, on the observed mean channels):
 * - RIS: co-phase for the single vehicle with the largest spectral-efficiency gain from full co-phasing,
 *   log2(1 + γ̄ G) − log2(1 + γ̄) with G the vehicle's RIS potential gain (a sum-rate-greedy choice; one profile
 *   cannot give N² gain to two users, Wu & Zhang 2019);
 * - NOMA: SIC order from the effective gains, strongest paired with weakest per RSU; α is the smallest far-user share
 *   meeting R_min = max(configured minimum, the far user's OMA spectral efficiency ½ log2(1 + γ_f)), which maximises
 *   the pair's sum rate under that constraint (the sum rate falls with α when γ_n ≥ γ_f). A far user that cannot reach
 *   R_min even with all the power is left on OMA;
 * - V2I: hand over wherever event A3 has triggered (vehicles handing over are not paired).
 */
import { minimumFarShare } from '../physics/noma.ts';
import type { StepActions } from '../scenario/actions.ts';
import { DEFAULT_SCENARIO } from '../scenario/default-scenario.ts';
import type { Observation } from '../scenario/types.ts';
import { handoverWhereA3Triggered, type Policy, pairStrongestWithWeakest } from './policy.ts';

/** Options of `closedFormPolicy`. */
export interface ClosedFormPolicyOptions {
  /**
   * The far user's minimum spectral efficiency inside its pair, bit/s/Hz.
   * @defaultValue the default scenario's `noma.farUserMinSpectralEfficiency` (0.5)
   */
  readonly farUserMinSpectralEfficiency?: number;
}

/** α for a pair: the smallest share giving the far user max(R_min, ½ log2(1 + γ_f)); null if unreachable. */
export function closedFormFarShare(farGain: number, minSpectralEfficiency: number): number | null {
  const target = Math.max(minSpectralEfficiency, 0.5 * Math.log2(1 + farGain));
  return minimumFarShare(farGain, target);
}

/** Creates the closed-form policy. */
export function closedFormPolicy(options: ClosedFormPolicyOptions = {}): Policy {
  const minimum = options.farUserMinSpectralEfficiency ?? DEFAULT_SCENARIO.noma.farUserMinSpectralEfficiency;
  return (observation: Observation): StepActions => {
    let best: { id: string; gain: number } | undefined;
    for (const vehicle of observation.vehicles) {
      const sinr = 10 ** (vehicle.meanSinrDb / 10);
      const gain = Math.log2(1 + sinr * 10 ** (vehicle.risPotentialGainDb / 10)) - Math.log2(1 + sinr);
      if (best === undefined || gain > best.gain) best = { id: vehicle.id, gain };
    }
    const v2i = handoverWhereA3Triggered(observation);
    const leaving = new Set(v2i.handovers.map((handover) => handover.vehicleId));
    return {
      ris: { favour: best === undefined ? [] : [{ vehicleId: best.id, weight: 1 }] },
      noma: {
        pairs: observation.rsus.flatMap((rsu) =>
          pairStrongestWithWeakest(rsu, (_near, far) => closedFormFarShare(far, minimum), leaving),
        ),
      },
      v2i,
    };
  };
}
