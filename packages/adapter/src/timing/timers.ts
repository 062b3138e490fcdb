/** A clock: epoch milliseconds, possibly fractional. */
export interface Clock {
  /** The current time in epoch ms. */
  now(): number;
}

/** An abortable wait: resolves after `ms`, rejects with `signal.reason` when the signal aborts first. */
export type Sleep = (ms: number, signal?: AbortSignal) => Promise<void>;

/** An opaque handle of a scheduled timer. */
export type TimerHandle = object;

/** One-shot timers: `schedule` calls `callback(argument)` after `ms` (no closure needed); `cancel` stops it. */
export interface Timers {
  schedule<TArgument>(ms: number, callback: (argument: TArgument) => void, argument: TArgument): TimerHandle;
  /** Stops a timer; idempotent, harmless after it fired. */
  cancel(handle: TimerHandle): void;
}

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

/** The default timers: `setTimeout` / `clearTimeout`; the handle is the `Timeout` itself. */
export const systemTimers: Timers = {
  schedule: (ms, callback, argument) => setTimeout(callback, ms, argument),
  cancel: (handle) => clearTimeout(handle as ReturnType<typeof setTimeout>),
};

function fire<TArgument>(entry: {
  readonly controller: AbortController;
  readonly callback: (argument: TArgument) => void;
  readonly argument: TArgument;
}): void {
  if (!entry.controller.signal.aborted) entry.callback(entry.argument);
}

function ignore(): undefined {
  return undefined;
}

/**
 * Timers built on an injected {@link Sleep}, so deadlines and batch waits follow the same virtual time as backoff.
 * The handle is an `AbortController`; cancelling aborts the sleep (its rejection is ignored).
 */
export function timersFromSleep(sleep: Sleep): Timers {
  return {
    schedule(ms, callback, argument) {
      const controller = new AbortController();
      const entry = { controller, callback, argument };
      sleep(ms, controller.signal).then(() => fire(entry), ignore);
      return controller;
    },
    cancel: (handle) => (handle as AbortController).abort(),
  };
}
