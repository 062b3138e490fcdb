import { describe, expect, it } from 'vitest';
import type { StepActions } from '../scenario/actions.ts';
import type { PredictedKpis } from '../scenario/types.ts';
import { coordinate } from './coordinator.ts';
import { DEFAULT_KPI_WEIGHTS } from './kpi-weights.ts';

/** A predict() whose outcome depends on which domains are set: each domain adds a fixed effect. */
function fakeSimulation(effects: Partial<Record<keyof StepActions, Partial<PredictedKpis>>>) {
  const calls: StepActions[] = [];
  return {
    calls,
    predict(actions: StepActions): PredictedKpis {
      calls.push(actions);
      let efficiency = 1e6;
      let fairness = 0.5;
      let rate = 1e7;
      for (const domain of Object.keys(actions) as (keyof StepActions)[]) {
        const effect = effects[domain] ?? {};
        efficiency += effect.energyEfficiencyBitPerJ ?? 0;
        fairness += effect.jainFairness ?? 0;
        rate += effect.sumRateBps ?? 0;
      }
      return {
        sumRateBps: rate,
        omaSumRateBps: rate,
        jainFairness: fairness,
        energyEfficiencyBitPerJ: efficiency,
        sicFailures: 0,
        invalidPairs: 0,
        handoversExecutable: 0,
        handoversRejected: 0,
        rateBpsByVehicle: { v1: rate / 2, v2: rate / 2 },
        totalPowerW: rate / efficiency,
        risReconfigured: false,
      };
    },
  };
}

const ris = { agent: 'ris' as const, action: { favour: [{ vehicleId: 'v1', weight: 1 }] } };
const noma = {
  agent: 'noma' as const,
  action: { pairs: [{ rsuId: 'r1', nearVehicleId: 'v1', farVehicleId: 'v2', farPowerShare: 0.7 }] },
};
const v2i = { agent: 'v2i' as const, action: { handovers: [{ vehicleId: 'v2', targetRsuId: 'r2' }] } };

describe('coordinate', () => {
  it('approves every improving proposal, so several domains act in one step', () => {
    const simulation = fakeSimulation({
      v2i: { jainFairness: 0.1 },
      ris: { energyEfficiencyBitPerJ: 2e5, sumRateBps: 1e6 },
      noma: { energyEfficiencyBitPerJ: 1e5, sumRateBps: 1e6 },
    });
    const result = coordinate(simulation, [v2i, ris, noma], DEFAULT_KPI_WEIGHTS);
    expect(result.actions).toEqual({ v2i: v2i.action, ris: ris.action, noma: noma.action });
    expect(result.evaluations.map((evaluation) => evaluation.approved)).toEqual([true, true, true]);
    expect(result.evaluations[0]!.utility.fairness).toBeCloseTo(0.03);
  });

  it('rejects a proposal that lowers the weighted utility and judges later ones against what was approved', () => {
    const simulation = fakeSimulation({
      ris: { energyEfficiencyBitPerJ: -3e5, sumRateBps: -3e6 },
      noma: { jainFairness: 0.05 },
    });
    const result = coordinate(simulation, [ris, noma], DEFAULT_KPI_WEIGHTS);
    expect(result.actions).toEqual({ noma: noma.action });
    expect(result.evaluations[0]).toMatchObject({ agent: 'ris', approved: false });
    expect(result.evaluations[0]!.utility.utility).toBeLessThan(0);
    expect(simulation.calls).toEqual([{}, { ris: ris.action }, { noma: noma.action }]);
  });

  it('does not approve a proposal that changes nothing', () => {
    const result = coordinate(fakeSimulation({}), [ris], DEFAULT_KPI_WEIGHTS);
    expect(result.actions).toEqual({});
    expect(result.evaluations[0]!.utility.utility).toBe(0);
  });
});
