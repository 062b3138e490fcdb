import { type BatchingSettings, QueueFullError } from '@acpt/config';
import type { DiagnosticsCollector } from '../diagnostics/diagnostics-collector.ts';
import type { EventHub } from '../events/event-hub.ts';
import type { RequestRun } from '../request/request-run.ts';
import type { Clock, TimerHandle, Timers } from '../timing/timers.ts';

interface Batch {
  /** Waiting requests grouped as a micro-batch (batch size above 1); each dispatch of them gets its own `b<n>`. */
  readonly grouped: boolean;
  readonly runs: RequestRun[];
  /** Open batches still collect waiting arrivals; every batch leaves as soon as slots are free. */
  closed: boolean;
  timer: TimerHandle | undefined;
}

/** What the scheduler needs from its adapter. */
export interface SchedulerDeps {
  /** Read on every decision, so `configure()` applies to the next arrival. */
  readonly settings: () => BatchingSettings;
  readonly diagnostics: DiagnosticsCollector;
  readonly hub: EventHub;
  readonly clock: Clock;
  readonly timers: Timers;
}

function closeOnTimer(entry: { scheduler: BatchScheduler; batch: Batch }): void {
  entry.batch.timer = undefined;
  entry.scheduler.closeBatch(entry.batch);
}

/**
 * Admission, micro-batching and backpressure (tRPC `dataLoader` style). Batching never delays a request while
 * in-flight capacity is free: a request gets a slot at once whenever a slot is free and nobody is queued before it
 * (no timer, no promise). Only requests that have to wait form micro-batches: with batch size N > 1, waiting arrivals
 * within `maxWaitMs` (or the same tick when it is 0) join one batch of at most N, and batches leave in arrival order
 * as slots free up, as many members at a time as there are free slots. A full queue rejects with `QueueFullError` at
 * once; an aborted request leaves its batch without disturbing the others.
 */
export class BatchScheduler {
  readonly #deps: SchedulerDeps;
  readonly #batches: Batch[] = [];
  #batchCounter = 0;
  #idleWaiters: (() => void)[] = [];

  constructor(deps: SchedulerDeps) {
    this.#deps = deps;
  }

  /** Batch size in force: never above the in-flight limit (a larger batch could never be dispatched). */
  #batchSize(settings: BatchingSettings): number {
    return Math.max(1, Math.min(settings.batchSize, settings.maxInFlight));
  }

  /** Grants a slot at once when nothing needs to wait (the fast path). */
  tryAcquire(run: RequestRun): boolean {
    const settings = this.#deps.settings();
    const diagnostics = this.#deps.diagnostics;
    if (this.#batches.length > 0 || diagnostics.inFlight >= settings.maxInFlight) return false;
    diagnostics.inFlight++;
    run.holdsSlot = true;
    return true;
  }

  /** Queues a run; resolves when it is dispatched, rejects with `QueueFullError` or the run's abort reason. */
  enqueue(run: RequestRun): Promise<void> {
    const settings = this.#deps.settings();
    const diagnostics = this.#deps.diagnostics;
    if (run.signal.aborted) return Promise.reject(run.signal.reason);
    if (diagnostics.queued >= settings.queueLimit) return Promise.reject(new QueueFullError(settings.queueLimit));
    const promise = new Promise<void>((resolve, reject) => {
      run.dispatch = resolve;
      run.rejectQueued = reject;
    });
    diagnostics.queued++;
    run.queuedAtMs = this.#deps.clock.now();
    const size = this.#batchSize(settings);
    const last = this.#batches.at(-1);
    if (last !== undefined && !last.closed && last.runs.length < size) {
      last.runs.push(run);
      if (last.runs.length >= size) this.closeBatch(last);
      return promise;
    }
    const batch: Batch = {
      grouped: size > 1,
      runs: [run],
      closed: size === 1,
      timer: undefined,
    };
    this.#batches.push(batch);
    if (!batch.closed) {
      if (settings.maxWaitMs > 0) {
        batch.timer = this.#deps.timers.schedule(settings.maxWaitMs, closeOnTimer, { scheduler: this, batch });
      } else queueMicrotask(() => this.closeBatch(batch));
    }
    // A slot may have been freed by `configure()` raising the in-flight limit since the last release.
    this.#pump();
    return promise;
  }

  /** Closes a batch to new members (full, or its wait is over) and dispatches what fits. */
  closeBatch(batch: Batch): void {
    if (batch.closed) return;
    batch.closed = true;
    this.#cancelTimer(batch);
    this.#pump();
  }

  /** Takes an aborted run out of the queue and rejects its wait with its abort reason. */
  remove(run: RequestRun): void {
    const reject = run.rejectQueued;
    if (reject === undefined) return;
    for (const batch of this.#batches) {
      const index = batch.runs.indexOf(run);
      if (index === -1) continue;
      batch.runs.splice(index, 1);
      break;
    }
    run.dispatch = undefined;
    run.rejectQueued = undefined;
    this.#deps.diagnostics.queued--;
    reject(run.signal.reason);
    this.#pump();
  }

  /** Gives back a run's slot (idempotent) and dispatches what now fits. */
  release(run: RequestRun): void {
    if (!run.holdsSlot) return;
    run.holdsSlot = false;
    this.#deps.diagnostics.inFlight--;
    this.#pump();
  }

  /** Closes every open batch now (used when draining). */
  flushAll(): void {
    for (const batch of [...this.#batches]) this.closeBatch(batch);
  }

  /** Resolves when nothing is queued or in flight. */
  whenIdle(): Promise<void> {
    if (this.#isIdle()) return Promise.resolve();
    return new Promise((resolve) => this.#idleWaiters.push(resolve));
  }

  /** Runs still waiting in the queue, oldest first. */
  queuedRuns(): RequestRun[] {
    return this.#batches.flatMap((batch) => batch.runs);
  }

  #cancelTimer(batch: Batch): void {
    if (batch.timer === undefined) return;
    this.#deps.timers.cancel(batch.timer);
    batch.timer = undefined;
  }

  #isIdle(): boolean {
    return this.#deps.diagnostics.inFlight === 0 && this.#deps.diagnostics.queued === 0;
  }

  #pump(): void {
    const settings = this.#deps.settings();
    const diagnostics = this.#deps.diagnostics;
    while (this.#batches.length > 0) {
      const head = this.#batches[0] as Batch;
      if (head.runs.length === 0) {
        this.#cancelTimer(head);
        this.#batches.shift();
        continue;
      }
      const free = settings.maxInFlight - diagnostics.inFlight;
      if (free <= 0) break;
      const members = head.runs.splice(0, free);
      if (head.runs.length === 0) {
        this.#cancelTimer(head);
        this.#batches.shift();
      }
      this.#dispatch(head.grouped ? `b${++this.#batchCounter}` : undefined, members);
    }
    if (this.#idleWaiters.length > 0 && this.#isIdle()) {
      const waiters = this.#idleWaiters;
      this.#idleWaiters = [];
      for (const resolve of waiters) resolve();
    }
  }

  #dispatch(batchId: string | undefined, members: RequestRun[]): void {
    const diagnostics = this.#deps.diagnostics;
    const now = this.#deps.clock.now();
    let waitMs = 0;
    for (const run of members) {
      const dispatch = run.dispatch;
      run.dispatch = undefined;
      run.rejectQueued = undefined;
      diagnostics.queued--;
      diagnostics.inFlight++;
      run.holdsSlot = true;
      if (batchId !== undefined) run.batchId = batchId;
      waitMs = Math.max(waitMs, now - run.queuedAtMs);
      dispatch?.();
    }
    if (batchId === undefined) return;
    diagnostics.microBatches++;
    if (this.#deps.hub.has('batch-flush')) {
      this.#deps.hub.emit('batch-flush', {
        batchId,
        timestampMs: now,
        kind: 'micro',
        requestIds: members.map((run) => run.id),
        waitMs,
        model: members[0]?.request.model ?? '',
      });
    }
  }
}
