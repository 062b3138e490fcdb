import { describe, expect, it } from 'vitest';
import { downsample, extent, formatTick, linearScale, niceTicks } from './chart-scale.ts';

describe('chart scales', () => {
  it('maps a domain linearly onto a range, widening a degenerate domain', () => {
    const scale = linearScale([0, 10], [100, 200]);
    expect(scale(5)).toBe(150);
    const flat = linearScale([3, 3], [0, 10]);
    expect(flat.domain).toEqual([2, 4]);
    expect(flat(3)).toBe(5);
  });

  it('picks round ticks inside the domain', () => {
    expect(niceTicks(0, 1)).toEqual([0, 0.2, 0.4, 0.6, 0.8, 1]);
    expect(niceTicks(3, 97)).toEqual([20, 40, 60, 80]);
    expect(niceTicks(-12, 13)).toEqual([-10, -5, 0, 5, 10]);
  });

  it('bucket-averages long series and keeps short ones', () => {
    const points = Array.from({ length: 10 }, (_, index) => [index, index] as const);
    expect(downsample(points, 20)).toHaveLength(10);
    expect(downsample(points, 5)).toEqual([
      [0, 0.5],
      [2, 2.5],
      [4, 4.5],
      [6, 6.5],
      [8, 8.5],
    ]);
  });

  it('ignores non-finite values in extents and formats ticks compactly', () => {
    expect(extent([Number.NaN, 2, Number.POSITIVE_INFINITY, -1])).toEqual([-1, 2]);
    expect(extent([])).toEqual([0, 1]);
    expect([formatTick(1_234_567), formatTick(2500), formatTick(0.25), formatTick(3e9)]).toEqual([
      '1.23M',
      '2.5k',
      '0.25',
      '3G',
    ]);
  });
});
