import { describe, expect, it } from 'vitest';
import { nomaPair } from '../physics/noma.ts';
import { serve, validatePairs } from './noma-service.ts';

const rsuIndex = new Map([
  ['rsu1', 0],
  ['rsu2', 1],
]);
const vehicleIndex = new Map([
  ['a', 0],
  ['b', 1],
  ['c', 2],
  ['d', 3],
  ['e', 4],
]);
const serving = new Int32Array([0, 0, 0, 0, 1]);
const pair = (near: string, far: string, farPowerShare = 0.8, rsuId = 'rsu1') => ({
  rsuId,
  nearVehicleId: near,
  farVehicleId: far,
  farPowerShare,
});

describe('NOMA/OMA service of an RSU', () => {
  it('refuses invalid pairs with a reason and keeps the valid ones', () => {
    const result = validatePairs(
      [
        pair('a', 'b'),
        pair('a', 'c'),
        pair('c', 'c'),
        pair('c', 'e'),
        pair('c', 'd', 1),
        pair('c', 'x'),
        pair('c', 'd', 0.7, 'rsu9'),
      ],
      rsuIndex,
      vehicleIndex,
      serving,
    );
    expect(result.accepted).toEqual([{ rsu: 0, near: 0, far: 1, farShare: 0.8 }]);
    expect(result.rejected.map((rejection) => rejection.reason)).toEqual([
      'vehicle already paired',
      'a vehicle cannot be paired with itself',
      'both vehicles must be served by rsu1',
      'α must be in (0, 1), got 1',
      'unknown vehicle',
      'unknown RSU rsu9',
    ]);
  });

  it('time-shares equally among groups and applies the two-user NOMA rates inside a pair', () => {
    const gains = new Float64Array([100, 1, 10, 5, 20]);
    const result = serve({
      gains,
      serving,
      rsuCount: 2,
      pairs: [{ rsu: 0, near: 0, far: 1, farShare: 0.8 }],
      bandwidthHz: 1e6,
      sicResidual: 0,
    });
    // rsu1 serves a, b, c, d: groups = {a+b}, {c}, {d} → share 1/3 each. OMA baseline: 1/4 each.
    const noma = nomaPair({ nearGain: 100, farGain: 1, farShare: 0.8 });
    expect(result.rateBps[0]).toBeCloseTo((1e6 / 3) * noma.nearSpectralEfficiency, 6);
    expect(result.rateBps[1]).toBeCloseTo((1e6 / 3) * noma.farSpectralEfficiency, 6);
    expect(result.rateBps[2]).toBeCloseTo((1e6 / 3) * Math.log2(11), 6);
    expect(result.rateBps[4]).toBeCloseTo(1e6 * Math.log2(21), 6);
    expect(result.omaRateBps[0]).toBeCloseTo((1e6 / 4) * Math.log2(101), 6);
    expect(result.mode.slice(0, 3)).toEqual(['noma-near', 'noma-far', 'oma']);
    expect(result.sicFailures).toBe(0);
  });

  it('reports an SIC failure when the labelled near user is weaker on this step', () => {
    const result = serve({
      gains: new Float64Array([1, 100, 10, 5, 20]),
      serving,
      rsuCount: 2,
      pairs: [{ rsu: 0, near: 0, far: 1, farShare: 0.8 }],
      bandwidthHz: 1e6,
      sicResidual: 0,
    });
    expect(result.sicFailures).toBe(1);
    expect(Array.from(result.sicFailure)).toEqual([1, 0, 0, 0, 0]);
    expect(result.sinr[0]).toBeCloseTo(0.2 / 1.8, 12);
  });
});
