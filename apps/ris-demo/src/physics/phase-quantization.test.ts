import { describe, expect, it } from 'vitest';
import {
  phaseOfLevel,
  quantizationLossFactor,
  quantizationLossFactorForN,
  quantizePhaseLevel,
  quantizeProfile,
} from './phase-quantization.ts';
import { createRandom } from './random.ts';

describe('b-bit phase quantization (Wu & Zhang 2020)', () => {
  it('gives η(2) = 0.8106 (−0.9121 dB), η(1) = 0.4053, η → 1 with b', () => {
    expect(quantizationLossFactor(2)).toBeCloseTo(0.8106, 4);
    expect(10 * Math.log10(quantizationLossFactor(2))).toBeCloseTo(-0.9121, 4);
    expect(quantizationLossFactor(1)).toBeCloseTo(4 / Math.PI ** 2, 12);
    expect(quantizationLossFactor(8)).toBeGreaterThan(0.9999);
  });

  it('rounds to the nearest level, modulo 2π, with error ≤ π/2^b', () => {
    expect(quantizePhaseLevel(-0.1, 2)).toBe(0);
    expect(quantizePhaseLevel(Math.PI / 2 - 0.1, 2)).toBe(1);
    expect(quantizePhaseLevel(2 * Math.PI - 0.1, 2)).toBe(0);
    expect(quantizePhaseLevel(-Math.PI / 2, 2)).toBe(3);
    expect(quantizePhaseLevel(Math.PI + 0.2, 1)).toBe(1);
    const random = createRandom(9);
    for (let i = 0; i < 1000; i += 1) {
      const phase = (random.uniform() - 0.5) * 20;
      const error = phase - phaseOfLevel(quantizePhaseLevel(phase, 2), 2);
      const wrapped = Math.atan2(Math.sin(error), Math.cos(error));
      expect(Math.abs(wrapped)).toBeLessThanOrEqual(Math.PI / 4 + 1e-12);
    }
  });

  it('loses sinc² + (1 − sinc²)/N in mean power for N = 64, b = 2 (Monte Carlo, 4σ over 4 000 trials)', () => {
    const count = 64;
    const trials = 4000;
    const random = createRandom(21);
    const phases = new Float64Array(count);
    const levels = new Int32Array(count);
    const re = new Float64Array(count);
    const im = new Float64Array(count);
    const ratios: number[] = [];
    for (let trial = 0; trial < trials; trial += 1) {
      // Channel phases ψ_n are random; the ideal phases are θ_n = −ψ_n; the received sum is Σ e^{j(ψ_n + θ̂_n)}.
      const psi = Array.from({ length: count }, () => random.uniform() * 2 * Math.PI);
      for (let n = 0; n < count; n += 1) phases[n] = -psi[n]!;
      quantizeProfile(phases, 2, levels, re, im);
      let sumRe = 0;
      let sumIm = 0;
      for (let n = 0; n < count; n += 1) {
        sumRe += Math.cos(psi[n]!) * re[n]! - Math.sin(psi[n]!) * im[n]!;
        sumIm += Math.cos(psi[n]!) * im[n]! + Math.sin(psi[n]!) * re[n]!;
      }
      ratios.push((sumRe ** 2 + sumIm ** 2) / count ** 2);
    }
    const mean = ratios.reduce((a, b) => a + b, 0) / trials;
    const variance = ratios.reduce((a, b) => a + (b - mean) ** 2, 0) / (trials - 1);
    expect(Math.abs(mean - quantizationLossFactorForN(2, count))).toBeLessThan(4 * Math.sqrt(variance / trials));
  });
});
