import { describe, expect, it } from 'vitest';
import { umaBreakpointDistanceM, umaLosPathLossDb, umaLosProbability, umaNlosPathLossDb } from './uma-path-loss.ts';
import type { UmiLink } from './umi-path-loss.ts';

const link = (distance2dM: number, carrierHz = 5e9): UmiLink => ({
  distance2dM,
  bsHeightM: 25,
  utHeightM: 1.5,
  carrierHz,
});

describe('3GPP TR 38.901 UMa', () => {
  // ns-3 `three-gpp-propagation-loss-model-test-suite.cc` (ThreeGppUmaPropagationLossModelTestCase): 0 dBm sent,
  // h_BS = 25 m, h_UT = 1.5 m, 5 GHz, shadowing off, tolerance 0.05 dB.
  it('matches the ns-3 reference vectors in LOS and NLOS at 10 m, 100 m, 1 km and 5 km', () => {
    const los: [number, number][] = [
      [10, 72.938],
      [100, 86.2362],
      [1000, 109.7252],
      [5000, 137.6794],
    ];
    const nlos: [number, number][] = [
      [10, 82.5131],
      [100, 106.1356],
      [1000, 144.7641],
      [5000, 172.0753],
    ];
    for (const [d, expected] of los) expect(Math.abs(umaLosPathLossDb(link(d)) - expected)).toBeLessThan(0.05);
    for (const [d, expected] of nlos) expect(Math.abs(umaNlosPathLossDb(link(d)) - expected)).toBeLessThan(0.05);
  });

  // Hand computation (c = 3.0e8 m/s): d_3D = 102.72 m, d'_BP = 4 · 24 · 0.5 · 3.5e9 / 3e8 = 560 m,
  // PL1 = 28 + 22 lg 102.72 + 20 lg 3.5 = 83.14 dB, PL' = 13.54 + 39.08 lg 102.72 + 20 lg 3.5 = 103.04 dB,
  // P_LOS = 18/100 + e^{−100/63} · 0.82 = 0.3477.
  it('matches a hand computation at 100 m and 3.5 GHz', () => {
    expect(umaBreakpointDistanceM(link(100, 3.5e9))).toBeCloseTo(560, 6);
    expect(umaLosPathLossDb(link(100, 3.5e9))).toBeCloseTo(83.14, 2);
    expect(umaNlosPathLossDb(link(100, 3.5e9))).toBeCloseTo(103.04, 2);
    expect(umaLosProbability(100, 1.5)).toBeCloseTo(0.3477, 4);
  });

  it('has P_LOS = 1 up to 18 m and raises it for terminals above 13 m', () => {
    expect(umaLosProbability(18, 1.5)).toBe(1);
    expect(umaLosProbability(200, 13)).toBe(umaLosProbability(200, 1.5));
    // C'(20 m) = 0.7^1.5 = 0.5857; factor 1 + 0.5857 · 1.25 · 8 · e^{−4/3} = 1 + 5.857 · 0.2636 = 2.5438.
    expect(umaLosProbability(200, 20) / umaLosProbability(200, 1.5)).toBeCloseTo(2.5438, 3);
  });
});
