import { describe, expect, it } from 'vitest';
import { createSimulation } from '../scenario/create-simulation.ts';
import { fixedHeuristicPolicy, HEURISTIC_FAR_SHARE } from './fixed-heuristic-policy.ts';

describe('fixed heuristic policy', () => {
  it('favours the weakest vehicle, pairs strongest with weakest at α = 0.8 and follows A3', () => {
    const simulation = createSimulation({ seed: 31 });
    let sawHandover = false;
    for (let step = 0; step < 120; step += 1) {
      const observation = simulation.observe();
      const actions = fixedHeuristicPolicy(observation);
      const weakest = Math.min(...observation.vehicles.map((vehicle) => vehicle.meanSinrDb));
      const favoured = observation.vehicles.find((vehicle) => vehicle.id === actions.ris?.favour[0]?.vehicleId);
      expect(favoured?.meanSinrDb).toBe(weakest);
      for (const rsu of observation.rsus) {
        const pairs = actions.noma?.pairs.filter((pair) => pair.rsuId === rsu.id) ?? [];
        const candidates = rsu.servedVehicles.filter(
          (entry) => !actions.v2i?.handovers.some((handover) => handover.vehicleId === entry.vehicleId),
        );
        expect(pairs).toHaveLength(Math.floor(candidates.length / 2));
        if (pairs[0] !== undefined) {
          expect(pairs[0].nearVehicleId).toBe(candidates[0]!.vehicleId);
          expect(pairs[0].farVehicleId).toBe(candidates[candidates.length - 1]!.vehicleId);
          expect(pairs[0].farPowerShare).toBe(HEURISTIC_FAR_SHARE);
        }
      }
      const triggered = observation.vehicles.filter((vehicle) => vehicle.a3TriggeredRsuIds.length > 0);
      expect(actions.v2i?.handovers).toHaveLength(triggered.length);
      sawHandover ||= triggered.length > 0;
      simulation.step(actions);
    }
    expect(sawHandover).toBe(true);
  });
});
