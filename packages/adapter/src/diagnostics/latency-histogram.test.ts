import { describe, expect, it } from 'vitest';
import { LatencyHistogram } from './latency-histogram.ts';

describe('LatencyHistogram', () => {
  it('gives percentiles within 4 % and the exact maximum', () => {
    const histogram = new LatencyHistogram();
    for (let value = 1; value <= 1_000; value++) histogram.record(value);
    const summary = histogram.summary();
    expect(summary.count).toBe(1_000);
    expect(summary.max).toBe(1_000);
    for (const [actual, expected] of [
      [summary.p50, 500],
      [summary.p95, 950],
      [summary.p99, 990],
    ] as const) {
      expect(Math.abs(actual - expected) / expected).toBeLessThan(0.04);
    }
  });

  it('handles empty, zero, negative and tiny samples', () => {
    const histogram = new LatencyHistogram();
    expect(histogram.summary()).toEqual({ count: 0, p50: 0, p95: 0, p99: 0, max: 0 });
    histogram.record(-5);
    histogram.record(0.001);
    histogram.record(Number.NaN);
    expect(histogram.summary()).toMatchObject({ count: 3, max: 0.001 });
  });
});
