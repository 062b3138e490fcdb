import { describe, expect, it } from 'vitest';
import { jainIndex } from './fairness.ts';

describe("Jain's fairness index", () => {
  it('gives 0.8333 for [1, 2, 3, 4], k/n for k equal shares, 1 for equal or all-zero values', () => {
    expect(jainIndex([1, 2, 3, 4])).toBeCloseTo(0.8333, 4);
    expect(jainIndex([5, 5, 0, 0, 0])).toBeCloseTo(2 / 5, 12);
    expect(jainIndex([3, 3, 3])).toBeCloseTo(1, 12);
    expect(jainIndex([0, 0])).toBe(1);
  });

  it('is scale-invariant', () => {
    expect(jainIndex([1e6, 2e6, 3e6, 4e6])).toBeCloseTo(jainIndex([1, 2, 3, 4]), 12);
  });
});
