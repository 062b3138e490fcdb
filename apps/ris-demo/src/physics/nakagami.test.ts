import { describe, expect, it } from 'vitest';
import { sampleGamma, sampleNakagami } from './nakagami.ts';
import { standardNormalCdf } from './normal-cdf.ts';
import { createRandom } from './random.ts';

const n = 200_000;

function powers(m: number, seed: number): Float64Array {
  const random = createRandom(seed);
  const sample = { re: 0, im: 0 };
  return Float64Array.from({ length: n }, () => {
    sampleNakagami(random, m, sample);
    return sample.re ** 2 + sample.im ** 2;
  });
}

const mean = (values: Float64Array, map: (x: number) => number = (x) => x): number =>
  values.reduce((sum, x) => sum + map(x), 0) / values.length;

/** |estimate − expected| below 4 standard errors of a mean of n i.i.d. values with the given variance. */
function within4Sigma(estimate: number, expected: number, variance: number): void {
  expect(Math.abs(estimate - expected)).toBeLessThan(4 * Math.sqrt(variance / n));
}

function cdfAt(values: Float64Array, threshold: number, probability: number): void {
  within4Sigma(
    mean(values, (x) => (x < threshold ? 1 : 0)),
    probability,
    probability * (1 - probability),
  );
}

describe('Nakagami-m fading (Simon & Alouini Sec. 2.2.1), 4σ with n = 200 000', () => {
  it('m = 2: E|h|² = 1, Var|h|² = 1/2, E|h| = Γ(2.5)/(Γ(2)√2) = 0.9400, P(|h|² < 0.5) = P(2, 1) = 1 − 2/e', () => {
    const p = powers(2, 1);
    within4Sigma(mean(p), 1, 0.5);
    const variance = mean(p, (x) => (x - 1) ** 2);
    expect(Math.abs(variance - 0.5)).toBeLessThan(0.02);
    within4Sigma(mean(p, Math.sqrt), 0.93999, 1 - 0.93999 ** 2);
    cdfAt(p, 0.5, 1 - 2 / Math.E);
  });

  it('m = 1 is Rayleigh: P(|h|² < t) = 1 − e^{−t}', () => {
    const p = powers(1, 2);
    within4Sigma(mean(p), 1, 1);
    cdfAt(p, 0.1, 1 - Math.exp(-0.1));
    cdfAt(p, 1, 1 - Math.exp(-1));
  });

  it('m = 1/2 (one-sided Gaussian): P(|h|² < t) = P(1/2, t/2) = erf(√(t/2)) = 2Φ(√t) − 1', () => {
    const p = powers(0.5, 3);
    within4Sigma(mean(p), 1, 2);
    cdfAt(p, 0.5, 2 * standardNormalCdf(Math.sqrt(0.5)) - 1);
  });

  it('draws Gamma(k, 1) with mean and variance k, and refuses a bad shape', () => {
    const random = createRandom(4);
    const draws = Float64Array.from({ length: n }, () => sampleGamma(random, 3.5));
    within4Sigma(mean(draws), 3.5, 3.5);
    expect(() => sampleGamma(random, 0)).toThrow(RangeError);
    expect(() => sampleGamma(random, Number.NaN)).toThrow(RangeError);
  });
});
