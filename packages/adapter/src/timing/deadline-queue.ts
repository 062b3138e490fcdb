import type { Clock, TimerHandle, Timers } from './timers.ts';

/** Something with a deadline: the queue links it in place (no allocation per entry) and calls `onDeadline` once due. */
export interface DeadlineEntry {
  /** Epoch ms when it is due (set by {@link DeadlineQueue.add}). */
  dueAtMs: number;
  /** Queue bookkeeping: its list and neighbours while queued. */
  deadlineList: DeadlineList | undefined;
  deadlinePrevious: DeadlineEntry | undefined;
  deadlineNext: DeadlineEntry | undefined;
  /** Called once when the deadline passes before the entry is removed. */
  onDeadline(): void;
}

/** The entries of one duration, in due order (same duration, so arrival order), with one timer for the first. */
export interface DeadlineList {
  readonly durationMs: number;
  head: DeadlineEntry | undefined;
  tail: DeadlineEntry | undefined;
  timer: TimerHandle | undefined;
  /** The entry the timer was armed for: due when the timer fires, whatever the clock says. */
  armedFor: DeadlineEntry | undefined;
}

interface Firing {
  readonly queue: DeadlineQueue;
  readonly list: DeadlineList;
}

function fireList(firing: Firing): void {
  firing.queue.fire(firing.list);
}

/**
 * Deadlines without a timer per request: entries of the same duration (the total timeout, a budget) are due in the
 * order they arrive, so each duration keeps one linked list and one timer armed for its first entry. Adding and
 * removing is O(1) and allocates nothing; a request that ends before its deadline (nearly all of them) costs two link
 * updates instead of a `setTimeout` and a `clearTimeout`. An entry still fires at its own due time: when the timer
 * fires, due entries fire and the timer is re-armed for the next one. An empty list holds no timer.
 */
export class DeadlineQueue {
  readonly #clock: Clock;
  readonly #timers: Timers;
  readonly #lists = new Map<number, DeadlineList>();

  constructor(clock: Clock, timers: Timers) {
    this.#clock = clock;
    this.#timers = timers;
  }

  /** Queues `entry` to fire `durationMs` after `nowMs` (the entry's own start time). */
  add(entry: DeadlineEntry, durationMs: number, nowMs: number): void {
    let list = this.#lists.get(durationMs);
    if (list === undefined) {
      list = { durationMs, head: undefined, tail: undefined, timer: undefined, armedFor: undefined };
      this.#lists.set(durationMs, list);
    }
    entry.dueAtMs = nowMs + durationMs;
    entry.deadlineList = list;
    entry.deadlinePrevious = list.tail;
    entry.deadlineNext = undefined;
    if (list.tail === undefined) list.head = entry;
    else list.tail.deadlineNext = entry;
    list.tail = entry;
    // The first entry arms the list's timer; later ones are due after it (while `fire` runs, it re-arms itself).
    if (list.head === entry) this.#arm(list, entry, durationMs);
  }

  /** Takes `entry` out (idempotent); the last entry out of a list cancels its timer. */
  remove(entry: DeadlineEntry): void {
    const list = entry.deadlineList;
    if (list === undefined) return;
    const { deadlinePrevious: previous, deadlineNext: next } = entry;
    if (previous === undefined) list.head = next;
    else previous.deadlineNext = next;
    if (next === undefined) list.tail = previous;
    else next.deadlinePrevious = previous;
    entry.deadlineList = undefined;
    entry.deadlinePrevious = undefined;
    entry.deadlineNext = undefined;
    if (list.head === undefined) {
      if (list.timer !== undefined) this.#timers.cancel(list.timer);
      list.timer = undefined;
      list.armedFor = undefined;
      this.#lists.delete(list.durationMs);
    }
  }

  /** The list's timer fired: fires every due entry, then re-arms for the next one. */
  fire(list: DeadlineList): void {
    const armedFor = list.armedFor;
    list.timer = undefined;
    list.armedFor = undefined;
    const now = this.#clock.now();
    for (let head = list.head; head !== undefined; head = list.head) {
      const due = head === armedFor || head.dueAtMs <= now;
      if (!due) {
        this.#arm(list, head, head.dueAtMs - now);
        return;
      }
      this.remove(head);
      head.onDeadline();
    }
  }

  #arm(list: DeadlineList, entry: DeadlineEntry, delayMs: number): void {
    if (list.timer !== undefined) this.#timers.cancel(list.timer);
    list.armedFor = entry;
    list.timer = this.#timers.schedule(Math.max(0, delayMs), fireList, { queue: this, list });
  }
}
