import type { SettlementCounts } from './accounting.ts';

/** How a request that resolved was answered. */
export type ResolvedKind = 'succeeded' | 'fellBack';

/** One settled request, as reported to `onSettle`. */
export type Settlement =
  | { readonly status: 'resolved'; readonly kind: ResolvedKind; readonly latencyMs: number }
  | { readonly status: 'rejected'; readonly error: unknown; readonly typed: boolean; readonly latencyMs: number };

/** Options of {@link driveLoad}. */
export interface LoadDriverOptions {
  /** Runs request number `index` (0-based); resolves with how it was answered, rejects with its error. */
  readonly runRequest: (index: number, signal: AbortSignal) => Promise<ResolvedKind>;
  /** Whether an error is typed (an acpt typed error or an abort). */
  readonly isTypedError: (error: unknown) => boolean;
  /** Requests outstanding at most. */
  readonly concurrency: number;
  /** Target submissions per second; without it, requests are submitted as fast as `concurrency` allows. */
  readonly ratePerSecond?: number;
  /** Stop submitting after this many requests. */
  readonly maxRequests?: number;
  /** Stop submitting after this long, in ms. */
  readonly durationMs?: number;
  /** Once submission stops, wait at most this long for outstanding requests; the rest count as unaccounted. */
  readonly settleTimeoutMs: number;
  /** Called once per request settled before the deadline. */
  readonly onSettle?: (settlement: Settlement) => void;
}

/** What {@link driveLoad} returns. */
export interface LoadDriverResult {
  /** Final counts (frozen at the end: a request settling after the deadline does not change them). */
  readonly counts: SettlementCounts;
  /** Ms from start until submission stopped, and until the run ended. */
  readonly submitMs: number;
  readonly elapsedMs: number;
  /** True when the settle deadline passed with requests outstanding. */
  readonly settleTimedOut: boolean;
}

/** A live view of a running load, for progress lines. */
export interface LoadDriver {
  /** Counts so far. */
  snapshot(): SettlementCounts;
  /** Resolves when every request settled or the settle deadline passed. Never rejects. */
  readonly done: Promise<LoadDriverResult>;
  /** Stops submitting now (Ctrl-C); outstanding requests still get the settle deadline. */
  stop(): void;
}

/**
 * Drives load: keeps at most `concurrency` requests outstanding (pacing at `ratePerSecond` when set), stops
 * submitting at `maxRequests` or after `durationMs`, then waits for every outstanding request up to
 * `settleTimeoutMs`. Every submission and settlement is counted here, independently of the adapter.
 */
export function driveLoad(options: LoadDriverOptions): LoadDriver {
  const abort = new AbortController();
  const startedAt = performance.now();
  const counts = { submitted: 0, succeeded: 0, fellBack: 0, failed: 0, untypedErrors: 0, outstanding: 0 };
  let submitting = true;
  let submitEndedAt = startedAt;
  let finished = false;
  const timers: NodeJS.Timeout[] = [];
  let resolveDone: (result: LoadDriverResult) => void = () => {};
  const done = new Promise<LoadDriverResult>((resolve) => {
    resolveDone = resolve;
  });

  const finish = (settleTimedOut: boolean): void => {
    if (finished) return;
    finished = true;
    for (const timer of timers) clearTimeout(timer);
    abort.abort(new Error('load test settle deadline passed'));
    const endedAt = performance.now();
    resolveDone({
      counts: { ...counts },
      submitMs: submitEndedAt - startedAt,
      elapsedMs: endedAt - startedAt,
      settleTimedOut,
    });
  };

  const stopSubmitting = (): void => {
    if (!submitting) return;
    submitting = false;
    submitEndedAt = performance.now();
    const deadline = setTimeout(() => finish(true), options.settleTimeoutMs);
    deadline.unref();
    timers.push(deadline);
    if (counts.outstanding === 0) finish(false);
  };

  const settle = (settlement: Settlement): void => {
    if (finished) return;
    counts.outstanding -= 1;
    if (settlement.status === 'resolved') counts[settlement.kind] += 1;
    else {
      counts.failed += 1;
      if (!settlement.typed) counts.untypedErrors += 1;
    }
    try {
      options.onSettle?.(settlement);
    } finally {
      if (submitting) schedulePump();
      else if (counts.outstanding === 0) finish(false);
    }
  };

  // Refill from a macrotask, never from the settling promise's microtask: when answers come back without I/O (a
  // fallback mock with no latency), refilling inline would chain microtasks for the whole run and starve every timer
  // (deadlines, progress, memory samples) until the end.
  let pumpScheduled = false;
  const schedulePump = (): void => {
    if (pumpScheduled) return;
    pumpScheduled = true;
    setImmediate(() => {
      pumpScheduled = false;
      pump();
    });
  };

  const launch = async (index: number): Promise<void> => {
    const launchedAt = performance.now();
    let settlement: Settlement;
    try {
      const kind = await options.runRequest(index, abort.signal);
      settlement = { status: 'resolved', kind, latencyMs: performance.now() - launchedAt };
    } catch (error) {
      const typed = options.isTypedError(error);
      settlement = { status: 'rejected', error, typed, latencyMs: performance.now() - launchedAt };
    }
    settle(settlement);
  };

  const allowedByRate = (): number =>
    options.ratePerSecond === undefined
      ? Number.POSITIVE_INFINITY
      : Math.floor(((performance.now() - startedAt) * options.ratePerSecond) / 1000) + 1;

  function pump(): void {
    while (submitting && counts.outstanding < options.concurrency && counts.submitted < allowedByRate()) {
      if (options.maxRequests !== undefined && counts.submitted >= options.maxRequests) break;
      counts.submitted += 1;
      counts.outstanding += 1;
      void launch(counts.submitted - 1);
    }
    if (options.maxRequests !== undefined && counts.submitted >= options.maxRequests) stopSubmitting();
  }

  if (options.durationMs !== undefined) {
    const timer = setTimeout(stopSubmitting, options.durationMs);
    timers.push(timer);
  }
  if (options.ratePerSecond !== undefined) {
    const tickMs = Math.max(1, Math.min(50, 1000 / options.ratePerSecond));
    const ticker = setInterval(() => (submitting ? pump() : clearInterval(ticker)), tickMs);
    timers.push(ticker);
  }
  pump();

  return { snapshot: () => ({ ...counts }), done, stop: stopSubmitting };
}
