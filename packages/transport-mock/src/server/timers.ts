/** Timers a server owns, so `close()` can cancel every pending one and let the process exit. */
export interface TimerSet {
  /** Runs `callback` after `ms`. */
  later(ms: number, callback: () => void): void;
  /** Cancels every pending timer. */
  clear(): void;
}

/** Creates an empty {@link TimerSet}. */
export function createTimerSet(): TimerSet {
  const pending = new Set<NodeJS.Timeout>();
  return {
    later(ms: number, callback: () => void): void {
      const timer = setTimeout(() => {
        pending.delete(timer);
        callback();
      }, ms);
      pending.add(timer);
    },
    clear(): void {
      for (const timer of pending) clearTimeout(timer);
      pending.clear();
    },
  };
}
