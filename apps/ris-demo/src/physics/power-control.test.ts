import { describe, expect, it } from 'vitest';
import { nomaPair } from './noma.ts';
import {
  cappedSpectralEfficiency,
  MAX_SPECTRAL_EFFICIENCY_256QAM,
  nomaPowerScale,
  omaPowerScale,
} from './power-control.ts';

describe('rate cap and power control', () => {
  it('caps at 256-QAM with code rate 948/1024 (TS 38.214 CQI 15): 7.4063 bit/s/Hz, reached at 22.27 dB', () => {
    expect(MAX_SPECTRAL_EFFICIENCY_256QAM).toBeCloseTo(7.4063, 4);
    expect(10 * Math.log10(2 ** MAX_SPECTRAL_EFFICIENCY_256QAM - 1)).toBeCloseTo(22.27, 2);
    expect(cappedSpectralEfficiency(1e4, MAX_SPECTRAL_EFFICIENCY_256QAM)).toBe(MAX_SPECTRAL_EFFICIENCY_256QAM);
    expect(cappedSpectralEfficiency(1e4, null)).toBeCloseTo(Math.log2(10_001), 12);
    expect(cappedSpectralEfficiency(3, MAX_SPECTRAL_EFFICIENCY_256QAM)).toBe(2);
  });

  it('scales an OMA link exactly down to the cap, and not at all below it', () => {
    const cap = MAX_SPECTRAL_EFFICIENCY_256QAM;
    const scale = omaPowerScale(1000, cap);
    expect(Math.log2(1 + scale * 1000)).toBeCloseTo(cap, 12);
    expect(omaPowerScale(100, cap)).toBe(1);
    expect(omaPowerScale(1e6, null)).toBe(1);
  });

  it('scales a NOMA pair to the least power that keeps both capped rates (near user binding)', () => {
    const cap = MAX_SPECTRAL_EFFICIENCY_256QAM;
    const input = { nearGain: 1e4, farGain: 10, farShare: 0.8, sicResidual: 0.001 };
    const scale = nomaPowerScale(input, cap);
    const scaled = nomaPair({ ...input, nearGain: scale * input.nearGain, farGain: scale * input.farGain });
    // The near user sits exactly at the cap; the far user's rate at full power was below the cap and drops a little:
    // the pair keeps the larger of the two users' scales, so here the near user binds only if the far one allows.
    expect(scale).toBeGreaterThan(0);
    expect(scale).toBeLessThanOrEqual(1);
    const full = nomaPair(input);
    expect(Math.min(scaled.nearSpectralEfficiency, cap)).toBeCloseTo(Math.min(full.nearSpectralEfficiency, cap), 9);
  });
});
