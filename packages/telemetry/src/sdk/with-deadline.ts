/** How a bounded operation ended. */
export type DeadlineOutcome = 'done' | 'failed' | 'timed-out';

/**
 * Waits for `operation` at most `timeoutMs`, never rejecting: a rejection becomes `failed` (passed to `onError`), a
 * late answer `timed-out`. The timer is `unref()`ed so it never keeps the process alive.
 */
export function withDeadline(
  operation: Promise<unknown>,
  timeoutMs: number,
  onError: (error: unknown) => void,
): Promise<DeadlineOutcome> {
  return new Promise((resolve) => {
    const timer = setTimeout(() => resolve('timed-out'), timeoutMs);
    timer.unref();
    operation.then(
      () => {
        clearTimeout(timer);
        resolve('done');
      },
      (error: unknown) => {
        clearTimeout(timer);
        onError(error);
        resolve('failed');
      },
    );
  });
}
