import { describe, expect, it } from 'vitest';
import { nomaPair } from '../physics/noma.ts';
import { createRandom } from '../physics/random.ts';
import { createSimulation } from '../scenario/create-simulation.ts';
import { closedFormFarShare, closedFormPolicy } from './closed-form-policy.ts';
import { randomPolicy } from './random-policy.ts';
import { runBaseline } from './run-baseline.ts';

describe('closed-form policy', () => {
  it('gives the far user max(R_min, its OMA share ½ log2(1 + γ_f)) exactly, with α ≥ 1/2', () => {
    for (const [farGain, minimum] of [
      [1, 0.5],
      [0.5, 0.1],
      [100, 0.5],
      [3, 1.5],
    ] as const) {
      const alpha = closedFormFarShare(farGain, minimum)!;
      const far = nomaPair({ nearGain: 1000, farGain, farShare: alpha }).farSpectralEfficiency;
      expect(far).toBeCloseTo(Math.max(minimum, 0.5 * Math.log2(1 + farGain)), 12);
      expect(alpha).toBeGreaterThanOrEqual(0.5);
    }
    // √(1 + γ)/(1 + √(1 + γ)) when the OMA share binds: γ = 99 → 10/11.
    expect(closedFormFarShare(99, 0.5)).toBeCloseTo(10 / 11, 12);
    expect(closedFormFarShare(0.2, 0.5)).toBeNull();
  });

  it('pairs strongest with weakest per RSU, leaves handing-over vehicles unpaired, co-phases one vehicle', () => {
    const simulation = createSimulation({ seed: 21 });
    for (let step = 0; step < 30; step += 1) simulation.step(closedFormPolicy()(simulation.observe()));
    const observation = simulation.observe();
    const actions = closedFormPolicy()(observation);
    expect(actions.ris?.favour).toHaveLength(1);
    const leaving = new Set(actions.v2i?.handovers.map((handover) => handover.vehicleId));
    for (const pair of actions.noma?.pairs ?? []) {
      const rsu = observation.rsus.find((candidate) => candidate.id === pair.rsuId)!;
      const gain = (id: string) => rsu.servedVehicles.find((entry) => entry.vehicleId === id)!.effectiveGain;
      expect(gain(pair.nearVehicleId)).toBeGreaterThanOrEqual(gain(pair.farVehicleId));
      expect(leaving.has(pair.nearVehicleId) || leaving.has(pair.farVehicleId)).toBe(false);
    }
  });

  it('beats the random policy on mean sum rate by more than 25 % on seed 11 over 200 steps (observed +48 %)', () => {
    const closed = runBaseline({ seed: 11, steps: 200, policy: closedFormPolicy() });
    const random = runBaseline({ seed: 11, steps: 200, policy: randomPolicy(createRandom(11, [7])) });
    expect(closed.meanSumRateBps).toBeGreaterThan(1.25 * random.meanSumRateBps);
    expect(closed.meanJainFairness).toBeGreaterThan(random.meanJainFairness);
    expect(closed.sicFailures).toBeLessThan(random.sicFailures);
    expect(closed.meanSumRateBps).toBeGreaterThan(closed.meanOmaSumRateBps);
  });
});
