import { MAX_TIMER_MS } from '@acpt/config';

/** Time as the mocks see it: injectable, so tests can run in virtual time. */
export interface MockClock {
  /** Epoch milliseconds now. */
  now(): number;
  /** Resolves after `ms`; rejects with `signal.reason` as soon as `signal` aborts (also if it already has). */
  sleep(ms: number, signal?: AbortSignal): Promise<void>;
}

/**
 * Real time: `Date.now()` and `setTimeout`, looked up at each call so `vi.useFakeTimers()` governs them too. Waits
 * longer than a Node timer allows (`MAX_TIMER_MS`) are split into steps, never wrapped to 1 ms.
 */
export const realClock: MockClock = {
  now: (): number => Date.now(),
  sleep: (ms: number, signal?: AbortSignal): Promise<void> =>
    new Promise<void>((resolve, reject) => {
      if (signal?.aborted) {
        reject(signal.reason);
        return;
      }
      let left = ms;
      let timer: ReturnType<typeof setTimeout> | undefined;
      const onAbort = (): void => {
        clearTimeout(timer);
        reject(signal?.reason);
      };
      const step = (): void => {
        const wait = Math.min(left, MAX_TIMER_MS);
        left -= wait;
        timer = setTimeout(() => {
          if (left > 0) {
            step();
            return;
          }
          signal?.removeEventListener('abort', onAbort);
          resolve();
        }, wait);
      };
      step();
      signal?.addEventListener('abort', onAbort, { once: true });
    }),
};
