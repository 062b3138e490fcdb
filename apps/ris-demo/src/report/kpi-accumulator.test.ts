import { describe, expect, it } from 'vitest';
import type { Kpis } from '../scenario/types.ts';
import { createKpiAccumulator } from './kpi-accumulator.ts';

function kpis(overrides: Partial<Kpis>): Kpis {
  return {
    sumRateBps: 0,
    omaSumRateBps: 0,
    jainFairness: 1,
    energyEfficiencyBitPerJ: 0,
    totalPowerW: 10,
    handoverSuccesses: 0,
    handoverFailures: 0,
    handoversRejected: 0,
    pingPongs: 0,
    sicFailures: 0,
    invalidPairs: 0,
    risGainDb: 0,
    risGainVsRandomDb: 0,
    ...overrides,
  };
}

describe('KPI accumulator', () => {
  it('averages rates and fairness, divides total bits by total energy and counts events', () => {
    const accumulator = createKpiAccumulator(0.1);
    accumulator.add(0, kpis({ sumRateBps: 100e6, totalPowerW: 10, jainFairness: 0.5, handoverSuccesses: 1 }));
    accumulator.add(
      1,
      kpis({ sumRateBps: 300e6, totalPowerW: 30, jainFairness: 0.7, handoverFailures: 1, sicFailures: 2 }),
    );
    const summary = accumulator.summary();
    expect(summary.meanSumRateBps).toBe(200e6);
    expect(summary.meanJainFairness).toBeCloseTo(0.6);
    expect(summary.energyEfficiencyBitPerJ).toBeCloseTo(40e6 / 4);
    expect(summary).toMatchObject({
      handoverSuccesses: 1,
      handoverFailures: 1,
      handoverSuccessRate: 0.5,
      sicFailures: 2,
    });
    expect(accumulator.series.cumulativeHandovers).toEqual([
      [0, 1],
      [1, 2],
    ]);
  });

  it('reports no handover success rate when nothing was executed', () => {
    const accumulator = createKpiAccumulator(1);
    accumulator.add(0, kpis({}));
    expect(accumulator.summary().handoverSuccessRate).toBeNull();
  });
});
