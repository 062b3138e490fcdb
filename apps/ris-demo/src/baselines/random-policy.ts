/**
 * The random policy, uniform choices in the oracle's action space (src/baselines/action-grid.ts): the RIS favours one
 * to three random vehicles with equal weights; each RSU shuffles its served vehicles and pairs them consecutively in
 * random near/far roles with α drawn from the grid 0.05, 0.10, …, 0.95; each vehicle with a triggered A3 event hands
 * over with probability 1/2 to one of its triggered targets at random. Its randomness comes from the generator passed
 * in (never from the simulation's streams), so the channels stay identical.
 */
import type { Random } from '../physics/random.ts';
import type { NomaPair, StepActions } from '../scenario/actions.ts';
import type { Observation } from '../scenario/types.ts';
import { ALPHA_GRID, GRID_FAVOUR_WEIGHT } from './action-grid.ts';
import type { Policy } from './policy.ts';

function shuffle<T>(items: readonly T[], random: Random): T[] {
  const result = [...items];
  for (let i = result.length - 1; i > 0; i -= 1) {
    const j = random.integer(i + 1);
    [result[i], result[j]] = [result[j]!, result[i]!];
  }
  return result;
}

/** Creates a random policy drawing from `random`. */
export function randomPolicy(random: Random): Policy {
  return (observation: Observation): StepActions => {
    const favourCount = Math.min(observation.vehicles.length, 1 + random.integer(3));
    const favour = shuffle(observation.vehicles, random)
      .slice(0, favourCount)
      .map((vehicle) => ({ vehicleId: vehicle.id, weight: GRID_FAVOUR_WEIGHT }));
    const pairs: NomaPair[] = observation.rsus.flatMap((rsu) => {
      const served = shuffle(rsu.servedVehicles, random);
      return Array.from({ length: Math.floor(served.length / 2) }, (_, i) => ({
        rsuId: rsu.id,
        nearVehicleId: served[2 * i]!.vehicleId,
        farVehicleId: served[2 * i + 1]!.vehicleId,
        farPowerShare: ALPHA_GRID[random.integer(ALPHA_GRID.length)]!,
      }));
    });
    const handovers = observation.vehicles.flatMap((vehicle) => {
      const targets = vehicle.a3TriggeredRsuIds;
      if (targets.length === 0 || random.uniform() < 0.5) return [];
      return [{ vehicleId: vehicle.id, targetRsuId: targets[random.integer(targets.length)]! }];
    });
    return { ris: { favour }, noma: { pairs }, v2i: { handovers } };
  };
}
