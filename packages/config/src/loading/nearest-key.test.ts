import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { levenshtein, nearestKey } from './nearest-key.ts';

describe('levenshtein', () => {
  it.each([
    ['', '', 0],
    ['abc', '', 3],
    ['kitten', 'sitting', 3],
    ['jiter', 'jitter', 1],
  ])('%s → %s is %i', (left, right, distance) => expect(levenshtein(left, right)).toBe(distance));

  it('is a metric: zero only for equal strings, symmetric, triangle inequality', () => {
    fc.assert(
      fc.property(fc.string(), fc.string(), fc.string(), (a, b, c) => {
        expect(levenshtein(a, b) === 0).toBe(a === b);
        expect(levenshtein(a, b)).toBe(levenshtein(b, a));
        expect(levenshtein(a, c)).toBeLessThanOrEqual(levenshtein(a, b) + levenshtein(b, c));
      }),
    );
  });
});

describe('nearestKey', () => {
  const keys = ['maxRetries', 'initialBackoffMs', 'maxBackoffMs', 'multiplier', 'jitter'];

  it('finds typos, other casings and snake_case spellings', () => {
    expect(nearestKey('maxRetires', keys)).toBe('maxRetries');
    expect(nearestKey('MAX_RETRIES', keys)).toBe('maxRetries');
    expect(nearestKey('max-backoff-ms', keys)).toBe('maxBackoffMs');
    expect(nearestKey('jiter', keys)).toBe('jitter');
    expect(nearestKey('x', [])).toBeUndefined();
  });

  it('always returns a candidate, and the key itself when it is one', () => {
    fc.assert(
      fc.property(fc.string(), fc.uniqueArray(fc.string(), { minLength: 1 }), (key, candidates) => {
        expect(candidates).toContain(nearestKey(key, candidates));
        expect(nearestKey(candidates[0] as string, candidates)).toBe(candidates[0]);
      }),
    );
  });
});
