import { describe, expect, it } from 'vitest';
import { formatTick, linearTicks, logDecades } from './chart-scale.ts';

describe('chart scales', () => {
  it('rounds a linear axis up to a 1, 2 or 5 step', () => {
    expect(linearTicks(720)).toEqual({ max: 800, ticks: [0, 200, 400, 600, 800] });
    expect(linearTicks(2, 8)).toEqual({ max: 2, ticks: [0, 0.5, 1, 1.5, 2] });
    expect(linearTicks(0)).toEqual({ max: 1, ticks: [0, 1] });
  });

  it('covers every positive value with whole decades, the lowest strictly below the smallest', () => {
    expect(logDecades([9.5, 1850, 0])).toEqual({ low: 0, high: 4 });
    expect(logDecades([10, 100])).toEqual({ low: 0, high: 2 });
    expect(logDecades([])).toEqual({ low: 0, high: 1 });
  });

  it('labels ticks without float noise', () => {
    expect([0.1 + 0.2, 1000, 10 ** -1].map(formatTick)).toEqual(['0.3', '1,000', '0.1']);
  });
});
