import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { SlidingCounts } from './sliding-counts.ts';

describe('SlidingCounts', () => {
  it('keeps what happened in the current bucket and the buckets - 1 before it', () => {
    const counts = new SlidingCounts({ slots: 2, buckets: 3, bucketMs: 10, startMs: 1000 });
    counts.add(1000, 0);
    counts.add(1009, 1, 5);
    counts.add(1015, 0);
    expect([counts.total(1029, 0), counts.total(1029, 1)]).toEqual([2, 5]);
    // 1030 starts bucket 103: bucket 100 (1000–1009) leaves the window.
    expect([counts.total(1030, 0), counts.total(1030, 1)]).toEqual([1, 0]);
    expect(counts.total(1040, 0)).toBe(0);
  });

  it('drops everything after a gap longer than the window, in at most `buckets` steps', () => {
    const counts = new SlidingCounts({ slots: 1, buckets: 4, bucketMs: 1000, startMs: 0 });
    for (let ms = 0; ms < 4000; ms += 100) counts.add(ms, 0);
    expect(counts.total(3999, 0)).toBe(40);
    expect(counts.total(Number.MAX_SAFE_INTEGER, 0)).toBe(0);
  });

  it('adds to the current bucket when the clock goes back', () => {
    const counts = new SlidingCounts({ slots: 1, buckets: 2, bucketMs: 10, startMs: 100 });
    counts.add(125, 0);
    counts.add(50, 0);
    expect(counts.total(125, 0)).toBe(2);
    expect(counts.total(140, 0)).toBe(0);
  });

  it('equals a naive recount of the events in the window, whatever the timing', () => {
    const step = fc.record({ advanceMs: fc.nat({ max: 400 }), slot: fc.nat({ max: 2 }), amount: fc.nat({ max: 3 }) });
    const shape = fc.record({ buckets: fc.integer({ min: 1, max: 12 }), bucketMs: fc.integer({ min: 1, max: 50 }) });
    fc.assert(
      fc.property(shape, fc.nat({ max: 10_000 }), fc.array(step, { maxLength: 200 }), (window, startMs, steps) => {
        const counts = new SlidingCounts({ slots: 3, ...window, startMs });
        const history: { ms: number; slot: number; amount: number }[] = [];
        let now = startMs;
        for (const { advanceMs, slot, amount } of steps) {
          now += advanceMs;
          counts.add(now, slot, amount);
          history.push({ ms: now, slot, amount });
          const oldest = Math.floor(now / window.bucketMs) - window.buckets + 1;
          for (let checked = 0; checked < 3; checked++) {
            const naive = history
              .filter((entry) => entry.slot === checked && Math.floor(entry.ms / window.bucketMs) >= oldest)
              .reduce((sum, entry) => sum + entry.amount, 0);
            expect(counts.total(now, checked)).toBe(naive);
          }
        }
      }),
    );
  });
});
