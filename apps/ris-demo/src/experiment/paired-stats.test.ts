import { describe, expect, it } from 'vitest';
import { meanInterval, pairedDifference } from './paired-stats.ts';
import { studentTCdf, studentTQuantile } from './student-t.ts';

describe('Student t', () => {
  it('matches tabulated two-sided 95 % critical values', () => {
    const table: [number, number][] = [
      [1, 12.7062],
      [2, 4.3027],
      [4, 2.7764],
      [9, 2.2622],
      [19, 2.093],
      [29, 2.0452],
      [100, 1.984],
      [1000, 1.9623],
    ];
    for (const [degrees, value] of table) expect(studentTQuantile(0.975, degrees)).toBeCloseTo(value, 3);
    expect(studentTCdf(0, 5)).toBeCloseTo(0.5, 12);
    expect(studentTCdf(-2.5706, 5)).toBeCloseTo(0.025, 4);
    expect(() => studentTQuantile(1, 3)).toThrow(RangeError);
  });
});

describe('paired statistics', () => {
  it('agrees with a hand computation', () => {
    // a − b = [1, 2, 3, 4, 5, 0, −1]: mean 2, Σ(d − 2)² = 1+0+1+4+9+4+9 = 28, sd = √(28/6) = 2.16025,
    // se = sd/√7 = 0.816497, t(0.975, 6) = 2.446912, half-width = 1.997895.
    const a = [11, 12, 13, 14, 15, 10, 9];
    const b = [10, 10, 10, 10, 10, 10, 10];
    const result = pairedDifference(a, b);
    expect(result.n).toBe(7);
    expect(result.mean).toBeCloseTo(2, 12);
    expect(result.sd).toBeCloseTo(2.160247, 5);
    expect(result.ci95![0]).toBeCloseTo(2 - 1.997895, 5);
    expect(result.ci95![1]).toBeCloseTo(2 + 1.997895, 5);
    expect([result.wins, result.ties, result.losses]).toEqual([5, 1, 1]);
  });

  it('gives no interval for one seed and a zero-width one for identical policies', () => {
    expect(meanInterval([3])).toEqual({ n: 1, mean: 3, sd: null, ci95: null });
    expect(pairedDifference([1, 2, 3], [1, 2, 3])).toMatchObject({ mean: 0, sd: 0, ci95: [0, 0], ties: 3 });
  });

  it('refuses samples that cannot be paired', () => {
    expect(() => pairedDifference([1, 2], [1])).toThrow('differ in length');
    expect(() => meanInterval([])).toThrow('no values');
    expect(() => meanInterval([1, Number.NaN])).toThrow('finite');
  });
});
