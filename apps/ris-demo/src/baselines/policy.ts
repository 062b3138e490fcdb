/**
 * A policy maps what the agents see to the actions of one step. Baseline policies (fixed heuristic, random,
 * closed-form) share this shape with the LLM-agent pipeline so that all run on the same seed and the same channels.
 */
import type { NomaPair, StepActions } from '../scenario/actions.ts';
import type { Observation, RsuObservation } from '../scenario/types.ts';

/** Observation → actions of one step. */
export type Policy = (observation: Observation) => StepActions;

/**
 * Pairs an RSU's served vehicles strongest-with-weakest by effective gain (the i-th strongest with the i-th weakest;
 * an odd middle vehicle stays on OMA), the near-far pairing that maximises the gain gap. `farShare` gives α per pair
 * (null: leave the two on OMA). Vehicles in `leaving` (handing over this step) are not paired.
 */
export function pairStrongestWithWeakest(
  rsu: RsuObservation,
  farShare: (nearGain: number, farGain: number) => number | null,
  leaving: ReadonlySet<string> = new Set(),
): NomaPair[] {
  const served = rsu.servedVehicles
    .filter((vehicle) => !leaving.has(vehicle.vehicleId))
    .sort((a, b) => b.effectiveGain - a.effectiveGain);
  const pairs: NomaPair[] = [];
  for (let i = 0; i < Math.floor(served.length / 2); i += 1) {
    const near = served[i]!;
    const far = served[served.length - 1 - i]!;
    const alpha = farShare(near.effectiveGain, far.effectiveGain);
    if (alpha !== null) {
      pairs.push({ rsuId: rsu.id, nearVehicleId: near.vehicleId, farVehicleId: far.vehicleId, farPowerShare: alpha });
    }
  }
  return pairs;
}

/** Hand over every vehicle whose event A3 has triggered, to its best triggered target. */
export function handoverWhereA3Triggered(observation: Observation): NonNullable<StepActions['v2i']> {
  return {
    handovers: observation.vehicles
      .filter((vehicle) => vehicle.a3TriggeredRsuIds.length > 0)
      .map((vehicle) => ({ vehicleId: vehicle.id, targetRsuId: vehicle.a3TriggeredRsuIds[0]! })),
  };
}
