import { describe, expect, it } from 'vitest';
import {
  distance3dM,
  type UmiLink,
  umiBreakpointDistanceM,
  umiLosPathLossDb,
  umiLosProbability,
  umiNlosPathLossDb,
} from './umi-path-loss.ts';

const link = (distance2dM: number): UmiLink => ({ distance2dM, bsHeightM: 10, utHeightM: 1.5, carrierHz: 3.5e9 });

describe('3GPP TR 38.901 UMi street canyon', () => {
  // physics.md worked example (c = 3.0e8 m/s in the breakpoint), values to 4 significant digits.
  it('matches the worked example at d_2D = 100 m, 3.5 GHz, h_BS = 10 m, h_UT = 1.5 m', () => {
    expect(distance3dM(link(100))).toBeCloseTo(100.36, 2);
    expect(umiBreakpointDistanceM(link(100))).toBeCloseTo(210.0, 1);
    expect(umiLosPathLossDb(link(100))).toBeCloseTo(85.31, 2);
    expect(umiNlosPathLossDb(link(100))).toBeCloseTo(104.6, 1);
    expect(umiLosProbability(100)).toBeCloseTo(0.231, 4);
  });

  it('uses PL2 beyond the breakpoint, continuous within 0.1 dB there', () => {
    const breakpoint = umiBreakpointDistanceM(link(100));
    const before = umiLosPathLossDb(link(breakpoint - 1e-6));
    const after = umiLosPathLossDb(link(breakpoint + 1e-6));
    expect(Math.abs(after - before)).toBeLessThan(0.1);
    // 40 dB/decade beyond the breakpoint.
    const slope = umiLosPathLossDb(link(4000)) - umiLosPathLossDb(link(400));
    expect(slope).toBeCloseTo(40, 0);
  });

  it('never lets NLOS be better than LOS, and P_LOS = 1 up to 18 m and decreasing after', () => {
    for (const d of [10, 20, 50, 200, 500, 2000]) {
      expect(umiNlosPathLossDb(link(d))).toBeGreaterThanOrEqual(umiLosPathLossDb(link(d)));
    }
    expect(umiLosProbability(18)).toBe(1);
    expect(umiLosProbability(10)).toBe(1);
    expect(umiLosProbability(50)).toBeGreaterThan(umiLosProbability(100));
  });

  // ns-3 `three-gpp-propagation-loss-model-test-suite.cc` (ThreeGppUmiPropagationLossModelTestCase), 5 GHz.
  it('matches the ns-3 reference vectors at 10 m and 100 m', () => {
    const at = (d: number): UmiLink => ({ distance2dM: d, bsHeightM: 10, utHeightM: 1.5, carrierHz: 5e9 });
    expect(Math.abs(umiLosPathLossDb(at(10)) - 69.8591)).toBeLessThan(0.05);
    expect(Math.abs(umiLosPathLossDb(at(100)) - 88.4122)).toBeLessThan(0.05);
    expect(Math.abs(umiNlosPathLossDb(at(10)) - 76.7563)).toBeLessThan(0.05);
    expect(Math.abs(umiNlosPathLossDb(at(100)) - 107.9432)).toBeLessThan(0.05);
  });
});
