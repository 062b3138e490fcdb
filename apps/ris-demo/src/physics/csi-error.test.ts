import { describe, expect, it } from 'vitest';
import { coPhaseProfile } from './co-phasing.ts';
import { addEstimationError } from './csi-error.ts';
import { createRandom } from './random.ts';

describe('channel-estimation error x̂ = x + e, e ~ CN(0, NMSE · E|x|²)', () => {
  it('has the configured NMSE and zero mean (4σ over 200 000 draws)', () => {
    const random = createRandom(11);
    const n = 200_000;
    const nmse = 0.1;
    const out = { re: 0, im: 0 };
    let sumSquares = 0;
    let sumRe = 0;
    for (let i = 0; i < n; i += 1) {
      addEstimationError(random, 0.6, -0.8, nmse, out);
      sumSquares += (out.re - 0.6) ** 2 + (out.im + 0.8) ** 2;
      sumRe += out.re - 0.6;
    }
    // |e|² ~ Exp(mean ν): standard error ν/√n.
    expect(Math.abs(sumSquares / n - nmse)).toBeLessThan((4 * nmse) / Math.sqrt(n));
    expect(Math.abs(sumRe / n)).toBeLessThan(4 * Math.sqrt(nmse / 2 / n));
  });

  it('costs a co-phased RIS the coherent factor (1 − ν/4)² for small ν (derived), ≈ 1 for ν → 0', () => {
    const random = createRandom(12);
    const elements = 256;
    const trials = 200;
    const gainFor = (nmse: number): number => {
      let total = 0;
      const out = { re: 0, im: 0 };
      for (let t = 0; t < trials; t += 1) {
        const re = new Float64Array(elements);
        const im = new Float64Array(elements);
        const estRe = new Float64Array(elements);
        const estIm = new Float64Array(elements);
        for (let n = 0; n < elements; n += 1) {
          const phase = 2 * Math.PI * random.uniform();
          re[n] = Math.cos(phase);
          im[n] = Math.sin(phase);
          addEstimationError(random, re[n]!, im[n]!, nmse, out);
          estRe[n] = out.re;
          estIm[n] = out.im;
        }
        const phases = new Float64Array(elements);
        coPhaseProfile([{ directRe: 0, directIm: 0, cascadedRe: estRe, cascadedIm: estIm, weight: 1 }], phases);
        let sumRe = 0;
        let sumIm = 0;
        for (let n = 0; n < elements; n += 1) {
          sumRe += re[n]! * Math.cos(phases[n]!) - im[n]! * Math.sin(phases[n]!);
          sumIm += re[n]! * Math.sin(phases[n]!) + im[n]! * Math.cos(phases[n]!);
        }
        total += (sumRe * sumRe + sumIm * sumIm) / elements ** 2;
      }
      return total / trials;
    };
    expect(gainFor(1e-6)).toBeCloseTo(1, 4);
    for (const nmse of [0.05, 0.1]) {
      const expected = (1 - nmse / 4) ** 2;
      expect(Math.abs(gainFor(nmse) - expected)).toBeLessThan(0.01);
    }
  });
});
