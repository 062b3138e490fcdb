import { describe, expect, it, vi } from 'vitest';
import { formatProgress, STALL_HINT, startProgress } from './progress-reporter.ts';

const counts = { submitted: 24_000, succeeded: 23_000, fellBack: 600, failed: 200, untypedErrors: 0, outstanding: 200 };

describe('progress', () => {
  it('formats one line with counts, rate and RSS', () => {
    expect(formatProgress({ elapsedMs: 12_040, counts, settledPerSecond: 1985.4, rssMiB: 180.2 })).toBe(
      '[  12.0s] submitted 24000 | settled 23800 (ok 23000, fallback 600, failed 200) | outstanding 200 | 1985 req/s | rss 180 MiB',
    );
  });

  it('prints the stall hint once when nothing settles for 5 s with requests outstanding', () => {
    vi.useFakeTimers();
    try {
      const lines: string[] = [];
      const stop = startProgress({
        intervalMs: 1000,
        output: { write: (text) => lines.push(text) },
        read: () => ({ counts, rssMiB: 1 }),
      });
      vi.advanceTimersByTime(4000);
      expect(lines.filter((line) => line.includes(STALL_HINT))).toHaveLength(0);
      vi.advanceTimersByTime(8000);
      stop();
      expect(lines.filter((line) => line.includes(STALL_HINT))).toHaveLength(1);
    } finally {
      vi.useRealTimers();
    }
  });

  it('writes lines until stopped, and nothing when the interval is 0', async () => {
    const lines: string[] = [];
    const stop = startProgress({
      intervalMs: 5,
      output: { write: (text) => lines.push(text) },
      read: () => ({ counts, rssMiB: 1 }),
    });
    await new Promise((resolve) => setTimeout(resolve, 30));
    stop();
    const written = lines.length;
    expect(written).toBeGreaterThan(0);
    expect(lines[0]).toMatch(/submitted 24000 .*\n$/);
    await new Promise((resolve) => setTimeout(resolve, 15));
    expect(lines).toHaveLength(written);
    expect(
      startProgress({ intervalMs: 0, output: { write: () => lines.push('x') }, read: () => ({ counts, rssMiB: 1 }) }),
    ).toBeTypeOf('function');
  });
});
