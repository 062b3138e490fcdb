import { describe, expect, it } from 'vitest';
import { testConfig } from '../__fixtures__/test-config.ts';
import { backoffDelayMs } from './backoff.ts';

const settings = testConfig({ retry: { initialBackoffMs: 100, maxBackoffMs: 1_000, multiplier: 2, jitter: 1 } }).retry;

describe('backoffDelayMs', () => {
  it('grows exponentially from the initial wait and stops at the maximum', () => {
    expect([1, 2, 3, 4, 5, 6].map((retry) => backoffDelayMs(retry, settings, () => 0))).toEqual([
      100, 200, 400, 800, 1_000, 1_000,
    ]);
  });

  it('applies full jitter: uniform in (0, cap]', () => {
    expect(backoffDelayMs(3, settings, () => 0.5)).toBe(200);
    expect(backoffDelayMs(3, settings, () => 0.999)).toBeCloseTo(0.4, 5);
    for (let index = 0; index < 200; index++) {
      const delay = backoffDelayMs(4, settings, Math.random);
      expect(delay).toBeGreaterThan(0);
      expect(delay).toBeLessThanOrEqual(800);
    }
  });

  it('applies partial jitter as a share of the cap', () => {
    const partial = { ...settings, jitter: 0.25 };
    expect(backoffDelayMs(1, partial, () => 0)).toBe(100);
    expect(backoffDelayMs(1, partial, () => 0.999_999)).toBeCloseTo(75, 3);
  });
});
