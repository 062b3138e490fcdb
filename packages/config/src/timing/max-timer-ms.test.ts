import { describe, expect, it } from 'vitest';
import { describeTimerLimit, MAX_TIMER_MS } from './max-timer-ms.ts';

describe('MAX_TIMER_MS', () => {
  it('is the largest signed 32-bit integer, what Node timers accept', () => {
    expect(MAX_TIMER_MS).toBe(2 ** 31 - 1);
    expect(describeTimerLimit()).toContain('24.8 days');
  });
});
