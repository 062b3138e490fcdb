import { describe, expect, it } from 'vitest';
import { ricianWeights, sampleRayleigh, sampleRician } from './fading.ts';
import { createRandom } from './random.ts';

const n = 200_000;

function draw(kLinear: number | null, seed: number): Float64Array {
  const random = createRandom(seed);
  const sample = { re: 0, im: 0 };
  const power = new Float64Array(n);
  for (let i = 0; i < n; i += 1) {
    if (kLinear === null) sampleRayleigh(random, sample);
    else sampleRician(random, kLinear, 0.7, sample);
    power[i] = sample.re ** 2 + sample.im ** 2;
  }
  return power;
}

function mean(values: ArrayLike<number>, map: (x: number) => number = (x) => x): number {
  let sum = 0;
  for (let i = 0; i < values.length; i += 1) sum += map(values[i]!);
  return sum / values.length;
}

/** |estimate − expected| below 4 standard errors of a mean of n i.i.d. values with the given variance. */
function expectWithin4Sigma(estimate: number, expected: number, variance: number): void {
  expect(Math.abs(estimate - expected)).toBeLessThan(4 * Math.sqrt(variance / n));
}

function expectCdf(power: Float64Array, threshold: number, probability: number): void {
  expectWithin4Sigma(
    mean(power, (x) => (x < threshold ? 1 : 0)),
    probability,
    probability * (1 - probability),
  );
}

describe('unit-mean-power fading (Simon & Alouini; Goldsmith)', () => {
  it('Rayleigh: E|h|² = 1, E|h| = √π/2, Var|h|² = 1, P(|h|² < t) = 1 − e^{−t} (4σ, n = 200 000)', () => {
    const power = draw(null, 1);
    expectWithin4Sigma(mean(power), 1, 1);
    expectWithin4Sigma(mean(power, Math.sqrt), Math.sqrt(Math.PI) / 2, 1 - Math.PI / 4);
    const variance = mean(power, (x) => (x - 1) ** 2);
    // Var of the sample variance of an Exp(1): μ4 − σ⁴ = 9 − 1 = 8.
    expectWithin4Sigma(variance, 1, 8);
    for (const t of [0.1, 0.5, 1, 2]) expectCdf(power, t, 1 - Math.exp(-t));
  });

  it('Rician K = 1: E|h|² = 1, E|h| = 0.9065, Var|h| = 0.1783, Var|h|² = 0.75 and the CDF of physics.md', () => {
    const power = draw(1, 2);
    expectWithin4Sigma(mean(power), 1, 0.75);
    const amplitude = mean(power, Math.sqrt);
    expectWithin4Sigma(amplitude, 0.9065, 0.1783);
    expect(1 - amplitude * amplitude).toBeCloseTo(0.1783, 2);
    // Var|h|² estimate: tolerance 0.02 (≈ 6 standard errors of a sample variance at n = 200 000).
    expect(Math.abs(mean(power, (x) => (x - 1) ** 2) - 0.75)).toBeLessThan(0.02);
    expectCdf(power, 0.1, 0.07335);
    expectCdf(power, 0.5, 0.3457);
    expectCdf(power, 1, 0.6057);
  });

  it('keeps unit power for any K, including K = 0 (Rayleigh) and K = ∞ (pure LoS at the given phase)', () => {
    expect(ricianWeights(0)).toEqual({ los: 0, scattered: 1 });
    expect(ricianWeights(Number.POSITIVE_INFINITY)).toEqual({ los: 1, scattered: 0 });
    const { los, scattered } = ricianWeights(7.94);
    expect(los * los + scattered * scattered).toBeCloseTo(1, 14);
    const sample = { re: 0, im: 0 };
    sampleRician(createRandom(3), Number.POSITIVE_INFINITY, 1.2, sample);
    expect(sample.re).toBeCloseTo(Math.cos(1.2), 14);
    expect(sample.im).toBeCloseTo(Math.sin(1.2), 14);
    expect(() => ricianWeights(-1)).toThrow(RangeError);
  });

  it('does not give E|h|² = K + 1 (the un-normalised √K LoS + CN(0,1) bug): K = 10 has unit power (4σ)', () => {
    const power = draw(10, 4);
    expectWithin4Sigma(mean(power), 1, 21 / 121);
  });
});
