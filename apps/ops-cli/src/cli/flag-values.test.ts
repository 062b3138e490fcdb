import { describe, expect, it } from 'vitest';
import { parseDurationFlag, parseIntegerFlag, parseNumberFlag, parseUrlFlag } from './flag-values.ts';
import { UsageError } from './usage-error.ts';

describe('flag values', () => {
  it('reads durations in ms, s (also bare), m and h', () => {
    expect(['500ms', '30s', '30', '2m', '1h', '1.5s'].map((value) => parseDurationFlag('duration', value))).toEqual([
      500, 30_000, 30_000, 120_000, 3_600_000, 1_500,
    ]);
  });

  it('reads integers, numbers and http(s) URLs within their bounds', () => {
    expect(parseIntegerFlag('samples', ' 3 ', { min: 1, max: 100 })).toBe(3);
    expect(parseNumberFlag('fault-rate', '0.25', { min: 0, max: 1 })).toBe(0.25);
    expect(parseUrlFlag('url', 'https://api.cerebras.ai/v1').href).toBe('https://api.cerebras.ai/v1');
  });

  it.each([
    () => parseDurationFlag('duration', '0s'),
    () => parseDurationFlag('duration', '5d'),
    () => parseIntegerFlag('samples', '1.5', { min: 1, max: 100 }),
    () => parseIntegerFlag('samples', '101', { min: 1, max: 100 }),
    () => parseNumberFlag('fault-rate', '', { min: 0, max: 1 }),
    () => parseUrlFlag('url', 'ftp://example.org'),
    () => parseUrlFlag('url', 'not a url'),
  ])('refuses bad values with a UsageError naming the flag (%#)', (parse) => {
    expect(parse).toThrow(UsageError);
    expect(parse).toThrow(/^--(duration|samples|fault-rate|url) must be/);
  });
});
