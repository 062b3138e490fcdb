import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { nomaPair } from '../physics/noma.ts';
import { MAX_SPECTRAL_EFFICIENCY_256QAM } from '../physics/power-control.ts';
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
      maxSpectralEfficiency: null,
      powerControl: false,
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
      maxSpectralEfficiency: null,
      powerControl: false,
    });
    expect(result.sicFailures).toBe(1);
    expect(Array.from(result.sicFailure)).toEqual([1, 0, 0, 0, 0]);
    expect(result.sinr[0]).toBeCloseTo(0.2 / 1.8, 12);
  });

  it('caps rates at the MCS limit and, with power control, transmits only the power that keeps them', () => {
    const gains = new Float64Array([1000, 2, 500, 5, 20]);
    const common = {
      gains,
      serving,
      rsuCount: 2,
      pairs: [{ rsu: 0, near: 0, far: 1, farShare: 0.8 }],
      bandwidthHz: 1e6,
      sicResidual: 0,
      maxSpectralEfficiency: MAX_SPECTRAL_EFFICIENCY_256QAM,
    };
    const full = serve({ ...common, powerControl: false });
    const controlled = serve({ ...common, powerControl: true });
    // rsu1 groups: {a+b}, {c}, {d} → 1/3 each; c at γ = 500 (27 dB) is capped and needs only (2^7.406 − 1)/500.
    expect(full.rateBps[2]).toBeCloseTo((1e6 / 3) * MAX_SPECTRAL_EFFICIENCY_256QAM, 3);
    expect(controlled.scale[2]).toBeCloseTo((2 ** MAX_SPECTRAL_EFFICIENCY_256QAM - 1) / 500, 12);
    expect(controlled.scale[3]).toBe(1);
    for (let k = 0; k < 5; k += 1) expect(controlled.rateBps[k]).toBeCloseTo(full.rateBps[k]!, 3);
    expect(full.radiatedShare[0]).toBeCloseTo(1, 12);
    expect(controlled.radiatedShare[0]).toBeLessThan(1);
    const expectedShare = (controlled.scale[0]! + controlled.scale[2]! + controlled.scale[3]!) / 3;
    expect(controlled.radiatedShare[0]).toBeCloseTo(expectedShare, 12);
  });

  it('power control never lowers a capped rate (property over random gains, shares and residuals)', () => {
    fc.assert(
      fc.property(
        fc.array(fc.double({ min: 0.01, max: 1e5, noNaN: true }), { minLength: 5, maxLength: 5 }),
        fc.double({ min: 0.51, max: 0.99, noNaN: true }),
        fc.double({ min: 0, max: 0.05, noNaN: true }),
        (values, farShare, sicResidual) => {
          const common = {
            gains: Float64Array.from(values),
            serving,
            rsuCount: 2,
            pairs: [{ rsu: 0, near: 0, far: 1, farShare }],
            bandwidthHz: 1,
            sicResidual,
            maxSpectralEfficiency: MAX_SPECTRAL_EFFICIENCY_256QAM,
          };
          const full = serve({ ...common, powerControl: false });
          const controlled = serve({ ...common, powerControl: true });
          for (let k = 0; k < 5; k += 1) {
            expect(controlled.rateBps[k]).toBeGreaterThanOrEqual(full.rateBps[k]! * (1 - 1e-9) - 1e-12);
            expect(controlled.scale[k]).toBeGreaterThan(0);
            expect(controlled.scale[k]).toBeLessThanOrEqual(1);
          }
        },
      ),
    );
  });
});
