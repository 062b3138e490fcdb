import { MAX_TIMER_MS } from '@acpt/config';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { createTimerSet } from '../server/timers.ts';
import { realClock } from './mock-clock.ts';

afterEach(() => {
  vi.useRealTimers();
});

describe('waits longer than a Node timer allows', () => {
  it('realClock.sleep splits them instead of firing after 1 ms', async () => {
    vi.useFakeTimers();
    let done = false;
    const sleeping = realClock.sleep(MAX_TIMER_MS + 5000).then(() => {
      done = true;
    });
    await vi.advanceTimersByTimeAsync(10_000);
    expect(done).toBe(false);
    await vi.advanceTimersByTimeAsync(MAX_TIMER_MS - 10_000);
    expect(done).toBe(false);
    await vi.advanceTimersByTimeAsync(5000);
    await sleeping;
    expect(done).toBe(true);
  });

  it('the server timer set splits them too, and clear() cancels every step', async () => {
    vi.useFakeTimers();
    const timers = createTimerSet();
    const fired: string[] = [];
    timers.later(MAX_TIMER_MS * 2, () => fired.push('long'));
    timers.later(5, () => fired.push('short'));
    await vi.advanceTimersByTimeAsync(MAX_TIMER_MS + 10);
    expect(fired).toEqual(['short']);
    await vi.advanceTimersByTimeAsync(MAX_TIMER_MS);
    expect(fired).toEqual(['short', 'long']);
    timers.later(MAX_TIMER_MS + 1, () => fired.push('cancelled'));
    await vi.advanceTimersByTimeAsync(MAX_TIMER_MS);
    timers.clear();
    await vi.advanceTimersByTimeAsync(10);
    expect(fired).toEqual(['short', 'long']);
  });
});
