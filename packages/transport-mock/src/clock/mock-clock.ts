/** Time as the mocks see it: injectable, so tests can run in virtual time. */
export interface MockClock {
  /** Epoch milliseconds now. */
  now(): number;
  /** Resolves after `ms`; rejects with `signal.reason` as soon as `signal` aborts (also if it already has). */
  sleep(ms: number, signal?: AbortSignal): Promise<void>;
}

/**
 * Real time: `Date.now()` and `setTimeout`, looked up at each call so `vi.useFakeTimers()` governs them too.
 */
export const realClock: MockClock = {
  now: (): number => Date.now(),
  sleep: (ms: number, signal?: AbortSignal): Promise<void> =>
    new Promise<void>((resolve, reject) => {
      if (signal?.aborted) {
        reject(signal.reason);
        return;
      }
      const onAbort = (): void => {
        clearTimeout(timer);
        reject(signal?.reason);
      };
      const timer = setTimeout(() => {
        signal?.removeEventListener('abort', onAbort);
        resolve();
      }, ms);
      signal?.addEventListener('abort', onAbort, { once: true });
    }),
};
