import { describe, expect, it } from 'vitest';
import { MemorySampler, maxKeptSamples, slopePerMinute, summariseMemory } from './memory-sampler.ts';

describe('slopePerMinute', () => {
  it('is 0 for a flat series and for fewer than two points', () => {
    expect(slopePerMinute([])).toBe(0);
    expect(slopePerMinute([{ atMs: 0, value: 5 }])).toBe(0);
    expect(slopePerMinute([0, 1000, 2000].map((atMs) => ({ atMs, value: 40 })))).toBe(0);
  });

  it('finds a linear growth per minute', () => {
    const points = [0, 30_000, 60_000, 90_000].map((atMs) => ({ atMs, value: 10 + atMs / 10_000 }));
    expect(slopePerMinute(points)).toBeCloseTo(6, 9);
  });
});

describe('summariseMemory', () => {
  it('reports peaks in MiB and slopes over the second half only', () => {
    const mebibyte = 1024 * 1024;
    const series = [
      { atMs: 0, rssBytes: 10 * mebibyte, heapUsedBytes: 1 * mebibyte },
      { atMs: 60_000, rssBytes: 50 * mebibyte, heapUsedBytes: 5 * mebibyte },
      { atMs: 120_000, rssBytes: 50 * mebibyte, heapUsedBytes: 5 * mebibyte },
      { atMs: 180_000, rssBytes: 50 * mebibyte, heapUsedBytes: 5 * mebibyte },
    ];
    const summary = summariseMemory(series, 60 * mebibyte, 6 * mebibyte);
    expect(summary).toMatchObject({
      samples: 4,
      peakRssMiB: 60,
      startRssMiB: 10,
      endRssMiB: 50,
      peakHeapUsedMiB: 6,
      rssGrowthSecondHalfMiB: 0,
      heapRangeSecondHalfMiB: [5, 5],
    });
    expect(summary.rssSlopeMiBPerMinute).toBe(0);
    expect(summary.heapSlopeMiBPerMinute).toBe(0);
  });
});

describe('MemorySampler', () => {
  it('keeps at most maxKeptSamples points however many it takes', () => {
    const sampler = new MemorySampler({ intervalMs: 60_000 });
    for (let index = 0; index < maxKeptSamples * 5; index += 1) sampler.sample();
    const summary = sampler.stop();
    expect(summary.samples).toBeLessThanOrEqual(maxKeptSamples);
    expect(summary.samples).toBeGreaterThan(maxKeptSamples / 4);
    expect(summary.peakRssMiB).toBeGreaterThan(0);
    expect(sampler.stop()).toBe(summary);
  });
});
