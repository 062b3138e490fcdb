import { describe, expect, it } from 'vitest';
import { createRandom } from '../physics/random.ts';
import { createSimulation } from '../scenario/create-simulation.ts';
import { randomPolicy } from './random-policy.ts';

describe('random policy', () => {
  it('draws well-formed actions from its own generator, reproducibly', () => {
    const simulation = createSimulation({ seed: 41 });
    const observation = simulation.observe();
    const first = randomPolicy(createRandom(5))(observation);
    expect(randomPolicy(createRandom(5))(observation)).toEqual(first);
    expect(randomPolicy(createRandom(6))(observation)).not.toEqual(first);
    const favour = first.ris?.favour ?? [];
    expect(favour.length >= 1 && favour.length <= 3).toBe(true);
    expect(favour.every((entry) => entry.weight > 0 && entry.weight <= 1)).toBe(true);
    for (const pair of first.noma?.pairs ?? []) {
      const rsu = observation.rsus.find((candidate) => candidate.id === pair.rsuId)!;
      const served = rsu.servedVehicles.map((entry) => entry.vehicleId);
      expect(served).toContain(pair.nearVehicleId);
      expect(served).toContain(pair.farVehicleId);
      expect(pair.farPowerShare >= 0.05 && pair.farPowerShare <= 0.95).toBe(true);
    }
    for (const handover of first.v2i?.handovers ?? []) {
      const vehicle = observation.vehicles.find((candidate) => candidate.id === handover.vehicleId)!;
      expect(vehicle.a3TriggeredRsuIds).toContain(handover.targetRsuId);
    }
  });
});
