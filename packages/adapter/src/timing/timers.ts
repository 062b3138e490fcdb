/** A clock: epoch milliseconds, possibly fractional. */
export interface Clock {
  /** The current time in epoch ms. */
  now(): number;
}

/** An abortable wait: resolves after `ms`, rejects with `signal.reason` when the signal aborts first. */
export type Sleep = (ms: number, signal?: AbortSignal) => Promise<void>;

/** A cancellable one-shot timer: calls `callback(argument)` after `ms`; the returned function cancels it. */
export type ScheduleTimer = <TArgument>(
  ms: number,
  callback: (argument: TArgument) => void,
  argument: TArgument,
) => Cancel;

/** Cancels a scheduled timer. Idempotent. */
export type Cancel = () => void;

const timeOrigin = performance.timeOrigin;

/** The default clock: sub-millisecond epoch time from `performance`. */
export const systemClock: Clock = {
  now: (): number => timeOrigin + performance.now(),
};

/** The default sleep: one `setTimeout`, cleared on abort. */
export const systemSleep: Sleep = (ms, signal) =>
  new Promise<void>((resolve, reject) => {
    if (signal?.aborted) {
      reject(signal.reason);
      return;
    }
    const onAbort = (): void => {
      clearTimeout(handle);
      reject(signal?.reason);
    };
    const handle = setTimeout(() => {
      signal?.removeEventListener('abort', onAbort);
      resolve();
    }, ms);
    signal?.addEventListener('abort', onAbort, { once: true });
  });

/** The default timer: `setTimeout` / `clearTimeout`, no closure beyond the cancel function. */
export const systemScheduleTimer: ScheduleTimer = (ms, callback, argument) => {
  const handle = setTimeout(callback, ms, argument);
  return () => clearTimeout(handle);
};

/**
 * A timer built on an injected {@link Sleep}, so deadlines and batch waits follow the same virtual time as backoff.
 * Cancelling aborts the sleep; the rejection is swallowed.
 */
export function scheduleTimerFromSleep(sleep: Sleep): ScheduleTimer {
  return (ms, callback, argument) => {
    const controller = new AbortController();
    sleep(ms, controller.signal).then(
      () => {
        if (!controller.signal.aborted) callback(argument);
      },
      () => undefined,
    );
    return () => controller.abort();
  };
}
