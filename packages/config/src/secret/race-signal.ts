/**
 * Settles like `promise`, or rejects with `signal.reason` as soon as `signal` fires, whichever comes first. The
 * promise itself is not cancelled (other callers may still be waiting for it); the listener is always removed.
 */
export function raceSignal<TValue>(promise: Promise<TValue>, signal: AbortSignal | undefined): Promise<TValue> {
  if (signal === undefined) return promise;
  if (signal.aborted) return Promise.reject(signal.reason);
  return new Promise<TValue>((resolve, reject) => {
    const onAbort = (): void => reject(signal.reason);
    signal.addEventListener('abort', onAbort, { once: true });
    promise.then(
      (value) => {
        signal.removeEventListener('abort', onAbort);
        resolve(value);
      },
      (error: unknown) => {
        signal.removeEventListener('abort', onAbort);
        reject(error);
      },
    );
  });
}
