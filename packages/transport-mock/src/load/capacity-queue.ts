/**
 * A load model for the mock server: a fixed number of service slots with a bounded FIFO queue in front, as a loaded
 * inference endpoint behaves. Latency then grows with the requests in flight (each waits its turn for a slot before
 * its own service time), and an arrival that finds the queue full is refused (the server answers Cerebras'
 * `429 queue_exceeded`, "We're experiencing high traffic right now!").
 */
export interface LoadModel {
  /** Requests served at once. */
  readonly slots: number;
  /** Requests that may wait for a slot; one more is refused. */
  readonly queueLimit: number;
}

/** A place in the queue or a slot: `release()` gives it back (idempotent; a queued place just leaves the queue). */
export interface CapacityTicket {
  release(): void;
}

/** The slots and queue of a {@link LoadModel}. */
export interface CapacityQueue {
  /**
   * Takes a slot at once, or a place in the queue and calls `start` when a slot frees up; returns `undefined` (and
   * never calls `start`) when the queue is full.
   */
  enter(start: () => void): CapacityTicket | undefined;
  /** Requests holding a slot. */
  readonly busy: number;
  /** Requests waiting for one. */
  readonly waiting: number;
  /** Arrivals refused so far. */
  readonly refused: number;
}

interface Waiter {
  readonly start: () => void;
  state: 'waiting' | 'serving' | 'done';
}

/** Creates the slots and queue of `model`. */
export function createCapacityQueue(model: LoadModel): CapacityQueue {
  const queue: Waiter[] = [];
  let busy = 0;
  let refused = 0;
  const promote = (): void => {
    while (busy < model.slots && queue.length > 0) {
      const next = queue.shift() as Waiter;
      next.state = 'serving';
      busy++;
      next.start();
    }
  };
  return {
    enter(start) {
      if (busy >= model.slots && queue.length >= model.queueLimit) {
        refused++;
        return undefined;
      }
      const waiter: Waiter = { start, state: 'waiting' };
      queue.push(waiter);
      promote();
      return {
        release() {
          if (waiter.state === 'done') return;
          if (waiter.state === 'waiting') queue.splice(queue.indexOf(waiter), 1);
          else busy--;
          waiter.state = 'done';
          promote();
        },
      };
    },
    get busy() {
      return busy;
    },
    get waiting() {
      return queue.length;
    },
    get refused() {
      return refused;
    },
  };
}
