/**
 * The fixed heuristic: the RIS favours the vehicle with the lowest mean SINR, each RSU pairs its strongest with its
 * weakest vehicles at α = 0.8 (the far-user share of Saito et al.'s example), and every vehicle hands over as soon as
 * event A3 triggers (vehicles handing over are not paired).
 */
import type { StepActions } from '../scenario/actions.ts';
import type { Observation } from '../scenario/types.ts';
import { handoverWhereA3Triggered, pairStrongestWithWeakest } from './policy.ts';

/** The far user's power share used by the heuristic. */
export const HEURISTIC_FAR_SHARE = 0.8;

/** Fixed heuristic policy (deterministic, no state). */
export function fixedHeuristicPolicy(observation: Observation): StepActions {
  const weakest = observation.vehicles.reduce<(typeof observation.vehicles)[number] | undefined>(
    (worst, vehicle) => (worst === undefined || vehicle.meanSinrDb < worst.meanSinrDb ? vehicle : worst),
    undefined,
  );
  const v2i = handoverWhereA3Triggered(observation);
  const leaving = new Set(v2i.handovers.map((handover) => handover.vehicleId));
  return {
    ris: { favour: weakest === undefined ? [] : [{ vehicleId: weakest.id, weight: 1 }] },
    noma: {
      pairs: observation.rsus.flatMap((rsu) => pairStrongestWithWeakest(rsu, () => HEURISTIC_FAR_SHARE, leaving)),
    },
    v2i,
  };
}
