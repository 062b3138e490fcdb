import { MAX_TIMER_MS } from '@acpt/config';

/** Timers a server owns, so `close()` can cancel every pending one and let the process exit. */
export interface TimerSet {
  /** Runs `callback` after `ms` (waits longer than a Node timer allows are split, never wrapped to 1 ms). */
  later(ms: number, callback: () => void): void;
  /** Cancels every pending timer. */
  clear(): void;
}

/** Creates an empty {@link TimerSet}. */
export function createTimerSet(): TimerSet {
  const pending = new Set<NodeJS.Timeout>();
  const later = (ms: number, callback: () => void): void => {
    const step = Math.min(ms, MAX_TIMER_MS);
    const timer = setTimeout(() => {
      pending.delete(timer);
      if (ms > step) later(ms - step, callback);
      else callback();
    }, step);
    pending.add(timer);
  };
  return {
    later,
    clear(): void {
      for (const timer of pending) clearTimeout(timer);
      pending.clear();
    },
  };
}
