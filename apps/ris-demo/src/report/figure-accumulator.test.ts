import { describe, expect, it } from 'vitest';
import { fixedHeuristicPolicy } from '../baselines/fixed-heuristic-policy.ts';
import { createSimulation } from '../scenario/create-simulation.ts';
import type { StepOutcome } from '../scenario/types.ts';
import { createFigureAccumulator, timeWindowSteps } from './figure-accumulator.ts';
import { sketchQuantile } from './quantile-sketch.ts';
import { addRisGain, createRisGainGrid, meanRisGainDb, mergeRisGainGrids } from './ris-gain-grid.ts';

const road = { lengthM: 100, laneCount: 2, laneWidthM: 4 };

/** A synthetic step: vehicle k at (10 k + 5, 2) with SINR k dB, rate k Mbit/s, RIS gain k dB, given power. */
function outcome(stepIndex: number, vehicles: number, totalPowerW = 30): StepOutcome {
  return {
    stepIndex,
    timeS: stepIndex * 0.1,
    vehicles: Array.from({ length: vehicles }, (_, k) => ({
      vehicleId: `v${k}`,
      position: { x: 10 * k + 5, y: 2, z: 1.5 },
      servingRsuId: 'rsu1',
      mode: 'oma' as const,
      sinrDb: k,
      rateBps: k * 1e6,
      omaRateBps: k * 1e6,
      risGainDb: k,
      sicFailure: false,
    })),
    noma: { appliedPairs: [], rejected: [] },
    handovers: { succeeded: [], failed: [], rejected: [], pingPongVehicleIds: [] },
    risFavour: [],
    risRejected: [],
    kpis: { totalPowerW } as StepOutcome['kpis'],
    power: { totalW: totalPowerW, radiatedW: 0, rsuW: {}, risW: 0, risReconfigured: false },
  };
}

describe('figure accumulator', () => {
  it('keeps every per-vehicle sample and pools SINR over windows of 1 s', () => {
    const figures = createFigureAccumulator({ steps: 300, vehicles: 5, timeStepS: 0.1, road });
    for (let step = 0; step < 25; step += 1) figures.add(outcome(step, 5));
    const data = figures.data();
    expect(data.rateBps.count).toBe(125);
    expect(sketchQuantile(data.rateBps, 0.5)).toBeCloseTo(2e6, 3);
    expect(data.bandWindowS).toBeCloseTo(1, 12);
    // 10 + 10 + 5 steps; each window holds as many 0, 1, 2, 3 and 4 dB values (10 or 5 of each).
    expect(data.sinrBands.map((band) => band.timeS)).toEqual([0.5, 1.5, expect.closeTo(2.25, 9)]);
    expect(
      data.sinrBands.every(
        (band) => band.p10 === 0 && band.p25 === 1 && band.p50 === 2 && band.p75 === 3 && band.p90 === 4,
      ),
    ).toBe(true);
    expect(data.powerW).toEqual({ min: 30, max: 30 });
    expect(meanRisGainDb(data.risGain, 0, 1)).toBe(1);
    expect(meanRisGainDb(data.risGain, 1, 1)).toBeNull();
  });

  it('bounds the CDF samples of a long run by keeping whole steps at a stride', () => {
    const figures = createFigureAccumulator({ steps: 1000, vehicles: 10, timeStepS: 0.1, road, maxSamples: 1000 });
    expect(timeWindowSteps(1000, 0.1)).toBe(10);
    expect(timeWindowSteps(60, 0.1)).toBe(2);
    expect(timeWindowSteps(25, 0.1)).toBe(1);
    expect(timeWindowSteps(100_000, 0.1)).toBe(667);
    for (let step = 0; step < 1000; step += 1) figures.add(outcome(step, 10, 30 + (step % 3)));
    const data = figures.data();
    expect(data.sinrDb.count).toBe(1000);
    expect(data.sinrBands).toHaveLength(100);
    expect(data.powerW).toEqual({ min: 30, max: 32 });
  });

  it('collects a real simulation run: finite samples, bands inside [p10, p90], RIS cells on the road', () => {
    const simulation = createSimulation({ seed: 4 });
    const { scenario } = simulation;
    const figures = createFigureAccumulator({
      steps: 40,
      vehicles: scenario.vehicleCount,
      timeStepS: scenario.timeStepS,
      road: scenario.road,
    });
    for (let step = 0; step < 40; step += 1) figures.add(simulation.step(fixedHeuristicPolicy(simulation.observe())));
    const data = figures.data();
    expect(data.rateBps.count).toBe(40 * scenario.vehicleCount);
    expect(data.rateBps.quantiles.every(Number.isFinite)).toBe(true);
    for (const band of data.sinrBands) {
      expect(band.p10).toBeLessThanOrEqual(band.p25);
      expect(band.p25).toBeLessThanOrEqual(band.p50);
      expect(band.p50).toBeLessThanOrEqual(band.p75);
      expect(band.p75).toBeLessThanOrEqual(band.p90);
    }
    expect(data.risGain.count.reduce((sum, count) => sum + count, 0)).toBe(40 * scenario.vehicleCount);
  });
});

describe('RIS gain grid', () => {
  it('averages per cell, clamps positions to the road and merges by addition', () => {
    const grid = createRisGainGrid({ lengthM: 100, segments: 10, lanes: 2, laneWidthM: 4 });
    addRisGain(grid, 5, 1, 2);
    addRisGain(grid, 9, 3.9, 4);
    addRisGain(grid, 150, 9, 6);
    addRisGain(grid, -5, -1, 8);
    addRisGain(grid, 5, 1, Number.NaN);
    expect(meanRisGainDb(grid, 0, 0)).toBe(14 / 3);
    expect(meanRisGainDb(grid, 1, 9)).toBe(6);
    const merged = mergeRisGainGrids([grid, grid]);
    expect(merged.count[0]).toBe(6);
    expect(meanRisGainDb(merged, 0, 0)).toBe(14 / 3);
    expect(() =>
      mergeRisGainGrids([grid, createRisGainGrid({ lengthM: 100, segments: 5, lanes: 2, laneWidthM: 4 })]),
    ).toThrow(/differ in shape/);
    expect(() => mergeRisGainGrids([])).toThrow(RangeError);
  });
});
