import { describe, expect, it } from 'vitest';
import { histogramQuantile } from './histogram-quantile.ts';

const BOUNDS = [0.5, 1, 2];

describe('histogramQuantile', () => {
  it('is null without observations', () => {
    expect(histogramQuantile(0.95, BOUNDS, [0, 0, 0, 0])).toBeNull();
  });

  it('interpolates inside the bucket holding the rank, the first bucket starting at 0', () => {
    expect(histogramQuantile(0.5, BOUNDS, [10, 0, 0, 0])).toBe(0.25);
    // 20 observations: rank 19 lies 9 into the 10 of (1, 2].
    expect(histogramQuantile(0.95, BOUNDS, [5, 5, 10, 0])).toBeCloseTo(1.9, 12);
  });

  it('answers the highest finite boundary when the rank is in the overflow bucket', () => {
    expect(histogramQuantile(0.95, BOUNDS, [1, 0, 0, 19])).toBe(2);
  });

  it('skips empty buckets', () => {
    expect(histogramQuantile(0.5, BOUNDS, [0, 0, 4, 0])).toBe(1.5);
  });
});
