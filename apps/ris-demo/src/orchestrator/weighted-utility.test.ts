import { describe, expect, it } from 'vitest';
import { DEFAULT_KPI_WEIGHTS, normaliseWeights, parseKpiWeights } from './kpi-weights.ts';
import { weightedUtility } from './weighted-utility.ts';

describe('KPI weights', () => {
  it('normalises and drops non-positive weights', () => {
    expect(normaliseWeights({ energy: 2, fairness: -1, latency: 2 })).toEqual({
      energy: 0.5,
      fairness: 0,
      latency: 0.5,
    });
    expect(parseKpiWeights('energy=0.5, fairness=0.3,latency=0.2')).toEqual(DEFAULT_KPI_WEIGHTS);
    expect(() => parseKpiWeights('power=1')).toThrow('unknown KPI weight');
    expect(() => parseKpiWeights('energy=x')).toThrow('must be a number');
    expect(() => parseKpiWeights('energy=0')).toThrow('at least one');
    expect(() => parseKpiWeights('energy=1,fairness=-0.5')).toThrow('KPI weight fairness must not be negative');
    expect(() => parseKpiWeights('energy=1,energy=2')).toThrow('KPI weight energy is given twice');
  });
});

describe('weightedUtility', () => {
  const statusQuo = { energyEfficiencyBitPerJ: 1e6, jainFairness: 0.5, latencyS: 0.01 };

  it('is zero for the status quo itself', () => {
    expect(weightedUtility(statusQuo, statusQuo, DEFAULT_KPI_WEIGHTS).utility).toBe(0);
  });

  it('counts energy per bit and latency as costs and fairness as a benefit', () => {
    const better = weightedUtility(
      { energyEfficiencyBitPerJ: 2e6, jainFairness: 0.6, latencyS: 0.005 },
      statusQuo,
      DEFAULT_KPI_WEIGHTS,
    );
    expect(better.energy).toBeCloseTo(0.25);
    expect(better.fairness).toBeCloseTo(0.03);
    expect(better.latency).toBeCloseTo(0.1);
    expect(better.utility).toBeCloseTo(0.38);
    const slower = weightedUtility({ ...statusQuo, latencyS: 0.02 }, statusQuo, DEFAULT_KPI_WEIGHTS);
    expect(slower.latency).toBeCloseTo(-0.2);
    expect(slower.utility).toBeLessThan(0);
  });
});
