import { afterEach, describe, expect, it, vi } from 'vitest';
import type { SettlementCounts } from './accounting.ts';
import { startProgressTimeline } from './progress-timeline.ts';

const counts = (settled: number): SettlementCounts => ({
  submitted: 100,
  succeeded: settled,
  fellBack: 0,
  failed: 0,
  untypedErrors: 0,
  outstanding: 100 - settled,
});

describe('startProgressTimeline', () => {
  afterEach(() => {
    vi.useRealTimers();
  });

  it('samples at the start, every interval and at stop, with cumulative counts', async () => {
    vi.useFakeTimers({ toFake: ['setInterval', 'clearInterval', 'performance'] });
    let settled = 0;
    const stop = startProgressTimeline({ intervalMs: 250, read: () => ({ counts: counts(settled), rssMiB: 64 }) });
    for (let tick = 0; tick < 4; tick += 1) {
      settled += 10;
      await vi.advanceTimersByTimeAsync(250);
    }
    settled = 100;
    const samples = stop();
    expect(samples.map((sample) => [sample.atMs, sample.settled, sample.outstanding])).toEqual([
      [0, 0, 100],
      [250, 10, 90],
      [500, 20, 80],
      [750, 30, 70],
      [1000, 40, 60],
      [1000, 100, 0],
    ]);
    expect(samples[0]).toMatchObject({ submitted: 100, succeeded: 0, fellBack: 0, failed: 0, rssMiB: 64 });
    expect(stop()).toBe(samples);
  });
});
