import { describe, expect, it } from 'vitest';
import { ThinnedSeries } from './thinned-series.ts';

describe('ThinnedSeries', () => {
  it('keeps everything below the bound', () => {
    const series = new ThinnedSeries<number>({ maxItems: 8 });
    for (let index = 0; index < 5; index += 1) series.offer(() => index);
    expect(series.items).toEqual([0, 1, 2, 3, 4]);
  });

  it('stays bounded and evenly spread over a long run, and keeps a forced last item', () => {
    const series = new ThinnedSeries<number>({ maxItems: 8 });
    for (let index = 1; index <= 1000; index += 1) series.offer(() => index);
    series.offer(() => 1001, true);
    expect(series.items.length).toBeLessThanOrEqual(8);
    expect(series.items.at(-1)).toBe(1001);
    const gaps = series.items.slice(1, -1).map((value, index) => value - (series.items[index] ?? 0));
    expect(new Set(gaps).size).toBe(1);
  });
});
