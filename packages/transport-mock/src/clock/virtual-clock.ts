import type { MockClock } from './mock-clock.ts';

/** A clock whose time moves only when told to (or, with `autoAdvance`, whenever everything is waiting). */
export interface VirtualClock extends MockClock {
  /**
   * Moves time forward by `ms`, waking due sleepers in time order and letting their continuations run (and start new
   * sleeps) before moving on.
   */
  advance(ms: number): Promise<void>;
  /** How many sleeps are waiting. */
  readonly pendingSleeps: number;
}

/** Options of {@link createVirtualClock}. */
export interface VirtualClockOptions {
  /** Epoch ms at the start. @defaultValue 0 */
  readonly startMs?: number;
  /**
   * Jump to the next sleeper's wake time as soon as the process is otherwise idle (after pending I/O callbacks):
   * a discrete-event simulation, so latency-modelled scenarios run at full speed. @defaultValue false
   */
  readonly autoAdvance?: boolean;
}

interface Sleeper {
  readonly due: number;
  readonly order: number;
  readonly resolve: () => void;
}

/**
 * Creates a virtual clock for tests and simulations.
 *
 * @example
 * const clock = createVirtualClock();
 * const transport = createMockTransport({ clock, latency: { kind: 'fixed', ms: 500 } });
 * const reply = transport.complete(request);
 * await clock.advance(500); // reply now resolves
 */
export function createVirtualClock(options: VirtualClockOptions = {}): VirtualClock {
  let now = options.startMs ?? 0;
  let order = 0;
  let scheduled = false;
  const sleepers: Sleeper[] = [];

  const wakeDue = (until: number): boolean => {
    sleepers.sort((left, right) => left.due - right.due || left.order - right.order);
    const first = sleepers[0];
    if (first === undefined || first.due > until) return false;
    now = Math.max(now, first.due);
    while (sleepers[0] !== undefined && sleepers[0].due <= now) sleepers.shift()?.resolve();
    return true;
  };
  const scheduleAuto = (): void => {
    if (!options.autoAdvance || scheduled) return;
    scheduled = true;
    setImmediate(() => {
      scheduled = false;
      if (wakeDue(Number.POSITIVE_INFINITY) && sleepers.length > 0) scheduleAuto();
    });
  };

  return {
    now: (): number => now,
    get pendingSleeps(): number {
      return sleepers.length;
    },
    sleep(ms: number, signal?: AbortSignal): Promise<void> {
      return new Promise<void>((resolve, reject) => {
        if (signal?.aborted) {
          reject(signal.reason);
          return;
        }
        const sleeper: Sleeper = {
          due: now + Math.max(0, ms),
          order: order++,
          resolve: () => {
            signal?.removeEventListener('abort', onAbort);
            resolve();
          },
        };
        const onAbort = (): void => {
          const at = sleepers.indexOf(sleeper);
          if (at >= 0) sleepers.splice(at, 1);
          reject(signal?.reason);
        };
        signal?.addEventListener('abort', onAbort, { once: true });
        sleepers.push(sleeper);
        scheduleAuto();
      });
    },
    async advance(ms: number): Promise<void> {
      const target = now + ms;
      await flush();
      while (wakeDue(target)) await flush();
      now = target;
    },
  };
}

function flush(): Promise<void> {
  return new Promise((resolve) => setImmediate(resolve));
}
