import { describe, expect, it } from 'vitest';
import { closedFormPolicy } from '../baselines/closed-form-policy.ts';
import { fixedHeuristicPolicy } from '../baselines/fixed-heuristic-policy.ts';
import { randomPolicy } from '../baselines/random-policy.ts';
import { jainIndex } from '../physics/fairness.ts';
import { createRandom } from '../physics/random.ts';
import { createSimulation } from './create-simulation.ts';
import type { StepOutcome } from './types.ts';

function trace(seed: number, steps: number): StepOutcome[] {
  const simulation = createSimulation({ seed });
  const policy = randomPolicy(createRandom(seed, [99]));
  return Array.from({ length: steps }, () => simulation.step(policy(simulation.observe())));
}

describe('createSimulation', () => {
  it('gives identical traces for the same seed and different ones for another seed', () => {
    expect(JSON.stringify(trace(42, 30))).toBe(JSON.stringify(trace(42, 30)));
    expect(JSON.stringify(trace(42, 5))).not.toBe(JSON.stringify(trace(43, 5)));
  });

  it('draws channels independently of the actions: different histories, same channel at step N', () => {
    // One RSU (no handovers), so the only state the actions touch is the RIS favour list and the NOMA pairs.
    const scenario = { rsus: [{ id: 'rsu1', position: { x: 300, y: -3, z: 10 }, txPowerW: 1 }] };
    const a = createSimulation({ seed: 5, scenario });
    const b = createSimulation({ seed: 5, scenario });
    const random = randomPolicy(createRandom(1));
    const closed = closedFormPolicy();
    for (let step = 0; step < 20; step += 1) {
      a.step(random(a.observe()));
      b.step(closed(b.observe()));
    }
    const same = { ris: { favour: [{ vehicleId: 'v03', weight: 1 }] }, noma: { pairs: [] } };
    const left = a.step(same);
    const right = b.step(same);
    expect(left.vehicles).toEqual(right.vehicles);
  });

  it('predicts without advancing any random stream, deterministically', () => {
    const a = createSimulation({ seed: 9 });
    const b = createSimulation({ seed: 9 });
    const actions = fixedHeuristicPolicy(a.observe());
    const first = a.predict(actions);
    expect(a.predict(randomPolicy(createRandom(2))(a.observe()))).toBeDefined();
    expect(a.predict(actions)).toEqual(first);
    expect(a.step(actions)).toEqual(b.step(actions));
  });

  it('reports KPIs consistent with the per-vehicle outcomes and the power model', () => {
    const simulation = createSimulation({ seed: 3 });
    const outcome = simulation.step(closedFormPolicy()(simulation.observe()));
    const rates = outcome.vehicles.map((vehicle) => vehicle.rateBps);
    const sum = rates.reduce((total, rate) => total + rate, 0);
    expect(outcome.kpis.sumRateBps).toBeCloseTo(sum, 3);
    expect(outcome.kpis.omaSumRateBps).toBeCloseTo(
      outcome.vehicles.reduce((total, vehicle) => total + vehicle.omaRateBps, 0),
      3,
    );
    expect(outcome.kpis.jainFairness).toBeCloseTo(jainIndex(rates), 12);
    // EARTH model per RSU (P_0 = 10 W, Δp = 1/ν = 2, all three serving) + RIS (1 W + 256 × 5 mW: reconfigured).
    const { power } = outcome;
    expect(power.risReconfigured).toBe(true);
    expect(power.risW).toBeCloseTo(1 + 256 * 0.005, 12);
    expect(power.totalW).toBeCloseTo(3 * 10 + 2 * power.radiatedW + power.risW, 10);
    // Power control: the radiated power is below the 3 W maximum but not zero.
    expect(power.radiatedW).toBeGreaterThan(0);
    expect(power.radiatedW).toBeLessThan(3);
    expect(outcome.kpis.totalPowerW).toBe(power.totalW);
    expect(outcome.kpis.energyEfficiencyBitPerJ).toBeCloseTo(sum / power.totalW, 3);
    expect(outcome.noma.appliedPairs.length).toBeGreaterThan(0);
  });

  it('charges the per-element power only when the profile changes, and the sleep power of idle RSUs', () => {
    const simulation = createSimulation({ seed: 3, scenario: { energy: { powerControl: false } } });
    const favour = { ris: { favour: [{ vehicleId: simulation.observe().vehicles[0]!.id, weight: 1 }] } };
    expect(simulation.step(favour).power.risReconfigured).toBe(true);
    const steady = createSimulation({
      seed: 3,
      scenario: {
        rsus: [
          { id: 'far', position: { x: 5000, y: -3, z: 10 }, txPowerW: 1 },
          { id: 'near', position: { x: 100, y: -3, z: 10 }, txPowerW: 1 },
        ],
      },
    });
    const idle = steady.step({});
    expect(idle.power.risReconfigured).toBe(false);
    expect(idle.power.risW).toBe(1);
    expect(idle.power.rsuW['far']).toBe(6.3);
    expect(idle.vehicles.every((vehicle) => vehicle.servingRsuId === 'near')).toBe(true);
  });

  it('equals the OMA baseline when nothing is paired', () => {
    const simulation = createSimulation({ seed: 4 });
    const outcome = simulation.step({});
    expect(outcome.kpis.sumRateBps).toBeCloseTo(outcome.kpis.omaSumRateBps, 6);
    expect(outcome.vehicles.every((vehicle) => vehicle.mode === 'oma')).toBe(true);
  });

  it('rejects handovers that A3 has not triggered and refuses invalid favours and pairs', () => {
    const simulation = createSimulation({ seed: 6 });
    const observation = simulation.observe();
    const vehicle = observation.vehicles.find((candidate) => candidate.a3TriggeredRsuIds.length === 0)!;
    const target = observation.rsus.find((rsu) => rsu.id !== vehicle.servingRsuId)!.id;
    const outcome = simulation.step({
      v2i: { handovers: [{ vehicleId: vehicle.id, targetRsuId: target }] },
      ris: { favour: [{ vehicleId: 'nobody', weight: 1 }] },
      noma: { pairs: [{ rsuId: 'rsu1', nearVehicleId: vehicle.id, farVehicleId: vehicle.id, farPowerShare: 0.7 }] },
    });
    expect(outcome.kpis.handoversRejected).toBe(1);
    expect(outcome.handovers.rejected[0]?.reason).toBe('event A3 has not triggered toward target');
    expect(outcome.vehicles.find((v) => v.vehicleId === vehicle.id)?.servingRsuId).toBe(vehicle.servingRsuId);
    expect(outcome.risRejected).toEqual([{ vehicleId: 'nobody', reason: 'unknown vehicle' }]);
    expect(outcome.kpis.invalidPairs).toBe(1);
  });

  it('keeps every vehicle on the road for the whole run and shows a consistent observation', () => {
    const simulation = createSimulation({ seed: 8 });
    const policy = fixedHeuristicPolicy;
    let handovers = 0;
    for (let step = 0; step < 600; step += 1) {
      handovers += simulation.step(policy(simulation.observe())).kpis.handoverSuccesses;
    }
    const observation = simulation.observe();
    expect(observation.timeS).toBeCloseTo(60, 9);
    expect(handovers).toBeGreaterThan(0);
    for (const vehicle of observation.vehicles) {
      expect(vehicle.position.x >= 0 && vehicle.position.x < 600).toBe(true);
      expect(Object.keys(vehicle.rsrpDbm)).toEqual(['rsu1', 'rsu2', 'rsu3']);
      expect(vehicle.lastRateBps).not.toBeNull();
      expect(vehicle.coherenceTimeS).toBeLessThan(simulation.scenario.timeStepS / 5);
    }
    const served = observation.rsus.flatMap((rsu) => rsu.servedVehicles.map((entry) => entry.vehicleId));
    expect(served.sort()).toEqual(observation.vehicles.map((vehicle) => vehicle.id).sort());
    for (const rsu of observation.rsus) {
      const gains = rsu.servedVehicles.map((entry) => entry.effectiveGain);
      expect(gains).toEqual([...gains].sort((x, y) => y - x));
    }
  });

  it('raises the mean SINR of a vehicle the RIS is co-phased for (predict, RIS-reachable vehicle)', () => {
    const simulation = createSimulation({ seed: 2 });
    const observation = simulation.observe();
    const candidate = [...observation.vehicles].sort((x, y) => y.risPotentialGainDb - x.risPotentialGainDb)[0]!;
    expect(candidate.risPotentialGainDb).toBeGreaterThan(1);
    const other = observation.vehicles.find((vehicle) => vehicle.id !== candidate.id)!;
    const favoured = simulation.predict({ ris: { favour: [{ vehicleId: candidate.id, weight: 1 }] } });
    const elsewhere = simulation.predict({ ris: { favour: [{ vehicleId: other.id, weight: 1 }] } });
    expect(favoured.rateBpsByVehicle[candidate.id]!).toBeGreaterThan(elsewhere.rateBpsByVehicle[candidate.id]!);
  });
});
