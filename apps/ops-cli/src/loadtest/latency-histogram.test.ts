import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { LatencyHistogram } from './latency-histogram.ts';

function exactQuantile(samples: readonly number[], q: number): number {
  const sorted = [...samples].sort((a, b) => a - b);
  return sorted[Math.max(0, Math.ceil(q * sorted.length) - 1)] ?? 0;
}

describe('LatencyHistogram', () => {
  it('is all zero when empty', () => {
    expect(new LatencyHistogram().summary()).toEqual({ count: 0, p50: 0, p95: 0, p99: 0, min: 0, max: 0, mean: 0 });
  });

  it('keeps min, max and mean exact', () => {
    const histogram = new LatencyHistogram();
    for (const sample of [3, 10, 200, 7.5]) histogram.record(sample);
    expect(histogram.summary()).toMatchObject({ count: 4, min: 3, max: 200, mean: 55.125 });
  });

  it('ignores negative and non-finite samples', () => {
    const histogram = new LatencyHistogram();
    histogram.record(-1);
    histogram.record(Number.NaN);
    histogram.record(Number.POSITIVE_INFINITY);
    expect(histogram.count).toBe(0);
  });

  it('puts every quantile within 1 % of the exact value', () => {
    fc.assert(
      fc.property(
        fc.array(fc.double({ min: 0.05, max: 100_000, noNaN: true }), { minLength: 1, maxLength: 400 }),
        fc.constantFrom(0.5, 0.95, 0.99, 1),
        (samples, q) => {
          const histogram = new LatencyHistogram();
          for (const sample of samples) histogram.record(sample);
          const exact = exactQuantile(samples, q);
          const estimate = histogram.quantile(q);
          expect(estimate).toBeGreaterThanOrEqual(exact * 0.99999);
          expect(estimate).toBeLessThanOrEqual(exact * 1.0101);
        },
      ),
    );
  });
});
