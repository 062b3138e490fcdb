import { describe, expect, it } from 'vitest';
import { complexNormal, createRandom, createRandomFromState } from './random.ts';

describe('xoshiro128**', () => {
  it('matches the reference algorithm from state [1, 2, 3, 4]', () => {
    // First outputs of Blackman & Vigna's reference C code for s = {1, 2, 3, 4}.
    const random = createRandomFromState([1, 2, 3, 4]);
    const words = Array.from({ length: 6 }, () => random.uniform() * 2 ** 32);
    expect(words).toEqual([11520, 0, 5927040, 70819200, 2031721883, 1637235492]);
  });

  it('is reproducible per (seed, path) and independent across paths and seeds', () => {
    const draw = (seed: number, path: number[]): number[] => {
      const random = createRandom(seed, path);
      return Array.from({ length: 8 }, () => random.uniform());
    };
    expect(draw(7, [1, 2])).toEqual(draw(7, [1, 2]));
    expect(draw(7, [1, 2])).not.toEqual(draw(7, [2, 1]));
    expect(draw(7, [1])).not.toEqual(draw(7, [1, 0]));
    expect(draw(0, [])).not.toEqual(draw(1, []));
    expect(draw(2 ** 40, [])).not.toEqual(draw(0, []));
  });

  it('rejects seeds that are not non-negative safe integers', () => {
    expect(() => createRandom(-1)).toThrow(RangeError);
    expect(() => createRandom(1.5)).toThrow(RangeError);
  });

  it('draws uniform and normal variates with the right moments (4σ, n = 200 000)', () => {
    const n = 200_000;
    const random = createRandom(2024, [3]);
    let uniformSum = 0;
    let normalSum = 0;
    let normalSquares = 0;
    let integerHits = 0;
    for (let i = 0; i < n; i += 1) {
      const u = random.uniform();
      expect(u >= 0 && u < 1).toBe(true);
      uniformSum += u;
      const z = random.normal();
      normalSum += z;
      normalSquares += z * z;
      if (random.integer(4) === 3) integerHits += 1;
    }
    expect(Math.abs(uniformSum / n - 0.5)).toBeLessThan(4 * Math.sqrt(1 / 12 / n));
    expect(Math.abs(normalSum / n)).toBeLessThan(4 / Math.sqrt(n));
    // Var(z²) = 2 for a standard normal.
    expect(Math.abs(normalSquares / n - 1)).toBeLessThan(4 * Math.sqrt(2 / n));
    expect(Math.abs(integerHits / n - 0.25)).toBeLessThan(4 * Math.sqrt((0.25 * 0.75) / n));
  });

  it('draws CN(0, 1) with unit power split evenly between I and Q (4σ)', () => {
    const n = 100_000;
    const random = createRandom(5);
    const sample = { re: 0, im: 0 };
    let power = 0;
    let inPhase = 0;
    for (let i = 0; i < n; i += 1) {
      complexNormal(random, sample);
      power += sample.re ** 2 + sample.im ** 2;
      inPhase += sample.re ** 2;
    }
    expect(Math.abs(power / n - 1)).toBeLessThan(4 / Math.sqrt(n));
    expect(Math.abs(inPhase / n - 0.5)).toBeLessThan(4 * Math.sqrt(0.5 / n));
  });
});
