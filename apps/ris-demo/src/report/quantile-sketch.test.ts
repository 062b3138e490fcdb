import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { mergeSketches, sketchCdf, sketchQuantile, sketchSample, sortedQuantile } from './quantile-sketch.ts';

/** The exact empirical CDF of a sample at x. */
function empiricalCdf(sample: readonly number[], x: number): number {
  return sample.filter((value) => value <= x).length / sample.length;
}

/** The sketch CDF's probability at x (the staircase of sketchCdf). */
function sketchCdfAt(points: readonly [number, number][], x: number): number {
  let probability = 0;
  for (const [value, p] of points) if (value <= x) probability = p;
  return probability;
}

const finite = fc.double({ min: -1e6, max: 1e6, noNaN: true });

describe('quantile sketch', () => {
  it('takes type-7 quantiles: the median of 1..5 is 3, the 10th percentile of 0..10 is 1', () => {
    expect(sortedQuantile([1, 2, 3, 4, 5], 0.5)).toBe(3);
    expect(sortedQuantile([0, 10], 0.1)).toBeCloseTo(1, 12);
    expect(sortedQuantile([], 0.5)).toBeNaN();
    expect(sketchQuantile(sketchSample([5, 1, 3, 2, 4], 200), 0.5)).toBeCloseTo(3, 9);
  });

  it('drops non-finite values and counts the rest', () => {
    const sketch = sketchSample([1, Number.NaN, 2, Number.POSITIVE_INFINITY, 3], 10);
    expect(sketch.count).toBe(3);
    expect(sketch.quantiles).toHaveLength(10);
    expect(Math.min(...sketch.quantiles)).toBeGreaterThanOrEqual(1);
    expect(Math.max(...sketch.quantiles)).toBeLessThanOrEqual(3);
    expect(sketchSample([])).toEqual({ quantiles: [], count: 0 });
    expect(sketchCdf(sketchSample([]))).toEqual([]);
  });

  it('draws a CDF that stays within 1/n + 1/m of the exact empirical CDF at every sample value (property)', () => {
    fc.assert(
      fc.property(
        fc.array(finite, { minLength: 1, maxLength: 400 }),
        fc.integer({ min: 20, max: 200 }),
        (sample, n) => {
          const cdf = sketchCdf(sketchSample(sample, n));
          expect(cdf[0]![1]).toBe(0);
          expect(cdf[cdf.length - 1]![1]).toBe(1);
          for (let index = 1; index < cdf.length; index += 1) {
            expect(cdf[index]![0]).toBeGreaterThanOrEqual(cdf[index - 1]![0]);
            expect(cdf[index]![1]).toBeGreaterThan(cdf[index - 1]![1]);
          }
          for (const x of sample) {
            expect(Math.abs(sketchCdfAt(cdf, x) - empiricalCdf(sample, x))).toBeLessThanOrEqual(
              1 / n + 1 / sample.length + 1e-9,
            );
          }
        },
      ),
    );
  });

  it('merges sketches so each sample carries equal mass, whatever its size', () => {
    // 1000 values at 0 and 10 values at 100: pooled raw data would put 99 % at 0; equal mass puts half at each.
    const merged = mergeSketches([
      sketchSample(new Array<number>(1000).fill(0)),
      sketchSample(new Array<number>(10).fill(100)),
    ]);
    expect(merged.count).toBe(1010);
    expect(merged.quantiles.filter((value) => value === 0)).toHaveLength(100);
    expect(merged.quantiles.filter((value) => value === 100)).toHaveLength(100);
    expect(mergeSketches([sketchSample([]), sketchSample([7])]).quantiles.every((value) => value === 7)).toBe(true);
  });

  it('merging equal-size samples matches the sketch of the pooled sample to within 2/n (property)', () => {
    fc.assert(
      fc.property(
        fc.array(fc.array(finite, { minLength: 50, maxLength: 50 }), { minLength: 1, maxLength: 5 }),
        (samples) => {
          const merged = sketchCdf(mergeSketches(samples.map((sample) => sketchSample(sample))));
          const pooled = samples.flat();
          for (const x of pooled) {
            expect(Math.abs(sketchCdfAt(merged, x) - empiricalCdf(pooled, x))).toBeLessThanOrEqual(
              2 / 200 + 1 / 50 + 1e-9,
            );
          }
        },
      ),
    );
  });
});
