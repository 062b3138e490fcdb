import { describe, expect, it } from 'vitest';
import { fixedHeuristicPolicy } from '../baselines/fixed-heuristic-policy.ts';
import type { StepActions } from './actions.ts';
import { createSimulation } from './create-simulation.ts';
import type { ScenarioOverrides, StepOutcome } from './types.ts';

function run(
  seed: number,
  steps: number,
  scenario: ScenarioOverrides,
  policy: (s: ReturnType<typeof createSimulation>) => StepActions,
): StepOutcome[] {
  const simulation = createSimulation({ seed, scenario });
  return Array.from({ length: steps }, () => simulation.step(policy(simulation)));
}

/** Favour the vehicle the RIS helps most (what a sensible RIS policy does). */
const favourBest = (simulation: ReturnType<typeof createSimulation>): StepActions => {
  const vehicles = simulation.observe().vehicles;
  const best = vehicles.reduce((a, b) => (b.risPotentialGainDb > a.risPotentialGainDb ? b : a));
  return { ris: { favour: [{ vehicleId: best.id, weight: 1 }] } };
};

describe('imperfect CSI', () => {
  it('leaves the true channels alone: without RIS or NOMA actions every setting gives the same steps', () => {
    const perfect = run(7, 15, {}, () => ({}));
    const noisy = run(7, 15, { csi: { nmseDb: 0, delaySteps: 3 } }, () => ({}));
    expect(JSON.stringify(noisy)).toBe(JSON.stringify(perfect));
  });

  it('shows the decisions a stale channel: with a delay of d steps and no error, the view lags the truth by d', () => {
    const delayed = createSimulation({ seed: 3, scenario: { csi: { nmseDb: null, delaySteps: 2 } } });
    const current = createSimulation({ seed: 3 });
    const potentials = (simulation: typeof current) =>
      simulation.observe().vehicles.map((vehicle) => vehicle.risPotentialGainDb);
    const history: number[][] = [];
    for (let step = 0; step < 6; step += 1) {
      history.push(potentials(current));
      if (step >= 2) {
        const lagged = potentials(delayed);
        for (const [k, value] of lagged.entries()) expect(value).toBeCloseTo(history[step - 2]![k]!, 9);
        expect(lagged).not.toEqual(history[step]);
      }
      // No V2I action: nobody hands over, so the serving links stay the same in both.
      delayed.step({});
      current.step({});
    }
  });

  it('costs RIS gain when the panel is co-phased on a noisy estimate (same seed, same favoured vehicles)', () => {
    // A large panel so the RIS part of the received power matters; the favoured vehicle is chosen on a perfect-CSI
    // twin so that every setting favours the same vehicles, and the measured (true) RSRP shows what reached it.
    const received = (nmseDb: number | null): number => {
      const scenario = { ris: { rows: 64, columns: 64 }, csi: { nmseDb, delaySteps: 0 } };
      const simulation = createSimulation({ seed: 5, scenario });
      const twin = createSimulation({ seed: 5, scenario: { ...scenario, csi: { nmseDb: null } } });
      let total = 0;
      for (let step = 0; step < 12; step += 1) {
        const best = twin.observe().vehicles.reduce((a, b) => (b.risPotentialGainDb > a.risPotentialGainDb ? b : a));
        const actions = { ris: { favour: [{ vehicleId: best.id, weight: 1 }] } };
        simulation.step(actions);
        twin.step(actions);
        const vehicle = simulation.observe().vehicles.find((candidate) => candidate.id === best.id)!;
        total += 10 ** (vehicle.rsrpDbm[vehicle.servingRsuId]! / 10);
      }
      return 10 * Math.log10(total);
    };
    const perfect = received(null);
    expect(perfect - received(3)).toBeGreaterThan(1);
    expect(Math.abs(perfect - received(-30))).toBeLessThan(0.05);
  });

  it('lets predict() evaluate on the estimate (default) or on the true channel', () => {
    const simulation = createSimulation({ seed: 2, scenario: { csi: { nmseDb: 0, delaySteps: 1 } } });
    simulation.step({});
    const actions = fixedHeuristicPolicy(simulation.observe());
    const estimated = simulation.predict(actions);
    const truth = simulation.predict(actions, { channel: 'true' });
    expect(estimated.sumRateBps).not.toBe(truth.sumRateBps);
    const perfect = createSimulation({ seed: 2 });
    perfect.step({});
    const same = fixedHeuristicPolicy(perfect.observe());
    expect(perfect.predict(same)).toEqual(perfect.predict(same, { channel: 'true' }));
  });
});

describe('RIS reconfiguration', () => {
  it('with a delay of a whole step, the first step of a new profile still runs on the old one', () => {
    const whole = run(4, 1, { ris: { reconfigurationDelayS: 0.1 } }, favourBest)[0]!;
    const none = run(4, 1, {}, () => ({}))[0]!;
    const instant = run(4, 1, {}, favourBest)[0]!;
    expect(whole.power.risReconfigured).toBe(true);
    expect(whole.kpis.sumRateBps).toBeCloseTo(none.kpis.sumRateBps, 3);
    expect(instant.kpis.sumRateBps).not.toBeCloseTo(none.kpis.sumRateBps, 3);
    const half = run(4, 1, { ris: { reconfigurationDelayS: 0.05 } }, favourBest)[0]!;
    expect(half.kpis.sumRateBps).toBeCloseTo((none.kpis.sumRateBps + instant.kpis.sumRateBps) / 2, 3);
  });

  it('charges element power in reconfigured steps only (mode reconfigured) or always (mode always)', () => {
    const steps = run(6, 6, {}, (simulation) => (simulation.observe().stepIndex < 2 ? favourBest(simulation) : {}));
    for (const outcome of steps) {
      expect(outcome.power.risW).toBeCloseTo(outcome.power.risReconfigured ? 1 + 256 * 0.005 : 1, 12);
    }
    const always = run(6, 3, { ris: { elementPowerMode: 'always' } }, () => ({}));
    for (const outcome of always) expect(outcome.power.risW).toBeCloseTo(1 + 256 * 0.005, 12);
  });
});

describe('energy efficiency is no longer a scaled sum rate', () => {
  it('varies the consumed power with the allocation, so EE and sum rate rank steps differently', () => {
    const outcomes = run(8, 40, {}, (simulation) => fixedHeuristicPolicy(simulation.observe()));
    const powers = new Set(outcomes.map((outcome) => outcome.kpis.totalPowerW.toFixed(6)));
    expect(powers.size).toBeGreaterThan(10);
    const ratio = outcomes.map((outcome) => outcome.kpis.sumRateBps / outcome.kpis.energyEfficiencyBitPerJ);
    expect(Math.max(...ratio) - Math.min(...ratio)).toBeGreaterThan(0.1);
  });

  it('keeps the old constant power when power control, the cap and the RIS costs are switched off', () => {
    const outcomes = run(
      8,
      5,
      {
        energy: { powerControl: false, maxSpectralEfficiency: null },
        ris: { staticPowerW: 0, elementPowerMode: 'always' },
      },
      (simulation) => fixedHeuristicPolicy(simulation.observe()),
    );
    // 3 RSUs × (1 W / 0.5 + 10 W) + 256 × 5 mW = 37.28 W, as before the dynamic model (all RSUs serve someone).
    for (const outcome of outcomes) expect(outcome.kpis.totalPowerW).toBeCloseTo(37.28, 9);
  });
});

describe('optional channel models', () => {
  it('runs UMa at 25 m and Nakagami-m fading, with zero-mean direct links under Nakagami', () => {
    const rsus = [100, 300, 500].map((x, i) => ({ id: `rsu${i + 1}`, position: { x, y: -3, z: 25 }, txPowerW: 1 }));
    const uma = run(1, 5, { rsus, channel: { pathLossModel: 'uma', shadowingSigmaNlosDb: 6 } }, () => ({}));
    const umi = run(1, 5, {}, () => ({}));
    expect(uma.at(-1)!.kpis.sumRateBps).not.toBe(umi.at(-1)!.kpis.sumRateBps);
    const nakagami = run(1, 5, { channel: { smallScaleFading: 'nakagami', nakagamiM: 2 } }, () => ({}));
    expect(nakagami.at(-1)!.kpis.sumRateBps).not.toBe(umi.at(-1)!.kpis.sumRateBps);
    expect(Number.isFinite(nakagami.at(-1)!.kpis.sumRateBps)).toBe(true);
  });
});

describe('RIS retune interval', () => {
  it('re-steers an unchanged favour list only every n steps, so the element power is paid less often', () => {
    const rsus = [{ id: 'rsu1', position: { x: 300, y: -3, z: 10 }, txPowerW: 1 }];
    const favourFirst = (simulation: ReturnType<typeof createSimulation>): StepActions =>
      simulation.observe().stepIndex === 0
        ? { ris: { favour: [{ vehicleId: simulation.observe().vehicles[0]!.id, weight: 1 }] } }
        : {};
    const reconfigured = (interval: number) =>
      run(2, 20, { rsus, ris: { retuneIntervalSteps: interval } }, favourFirst).map((o) => o.power.risReconfigured);
    expect(reconfigured(1).filter(Boolean).length).toBeGreaterThanOrEqual(19);
    const every5 = reconfigured(5);
    // Step 0 applies the new favour list; afterwards only the steps after a retune at 5, 10, 15 change the profile.
    expect(every5.flatMap((changed, step) => (changed ? [step] : []))).toEqual([0, 5, 10, 15]);
  });

  it('predicts exactly what the step then does, with a held profile too', () => {
    const simulation = createSimulation({ seed: 4, scenario: { ris: { retuneIntervalSteps: 3 } } });
    for (let step = 0; step < 8; step += 1) {
      // A favour list at step 0 only; afterwards the heuristic's NOMA and V2I actions without any RIS action.
      const heuristic = { ...fixedHeuristicPolicy(simulation.observe()), ris: undefined };
      const actions = step === 0 ? { ...heuristic, ...favourBest(simulation) } : heuristic;
      const predicted = simulation.predict(actions);
      const outcome = simulation.step(actions);
      expect(predicted.risReconfigured).toBe(outcome.power.risReconfigured);
    }
  });
});
