import { AbortedError } from '@acpt/config';

interface Lease {
  renewedAtMs: number;
  readonly controller: AbortController;
}

/** Options of {@link LeaseWatchdog}. */
export interface LeaseWatchdogOptions {
  /** BullMQ's `lockDuration`: a lock not renewed for this long expires and its job may go to another worker. */
  readonly lockDurationMs: number;
  /** Share of the lock duration without a renewal after which the job is stopped. @defaultValue 0.75 */
  readonly stopAtShare?: number;
  /** Time source (epoch ms). @defaultValue Date.now */
  readonly now?: () => number;
  /** Called when a job is stopped. */
  readonly onLost?: (jobId: string, silentMs: number) => void;
}

/**
 * Stops a job before its BullMQ lock can expire. BullMQ renews each active job's lock every half lock duration or
 * sooner; when the worker cannot reach Redis the renewals stop, the lock expires and the stalled-job check gives the
 * job to another worker. So that the job never runs twice in parallel, the watchdog aborts it locally once no renewal
 * has succeeded for `stopAtShare` of the lock duration (0.75 by default): before the lock expires on Redis, as long
 * as a renewal's round trip takes less than the remaining quarter.
 */
export class LeaseWatchdog {
  readonly #leases = new Map<string, Lease>();
  readonly #lockDurationMs: number;
  readonly #stopAfterMs: number;
  readonly #now: () => number;
  readonly #onLost: (jobId: string, silentMs: number) => void;
  #timer: NodeJS.Timeout | undefined;

  constructor(options: LeaseWatchdogOptions) {
    this.#lockDurationMs = options.lockDurationMs;
    this.#stopAfterMs = options.lockDurationMs * (options.stopAtShare ?? 0.75);
    this.#now = options.now ?? Date.now;
    this.#onLost = options.onLost ?? (() => undefined);
  }

  /** Starts watching a job whose lock was just taken; its signal aborts when the lease is lost. */
  track(jobId: string): AbortSignal {
    const lease: Lease = { renewedAtMs: this.#now(), controller: new AbortController() };
    this.#leases.set(jobId, lease);
    this.#timer ??= setInterval(() => this.check(), Math.max(10, this.#lockDurationMs / 10)).unref();
    return lease.controller.signal;
  }

  /** Records successful lock renewals (BullMQ's `locksRenewed` event). */
  renewed(jobIds: readonly string[]): void {
    const now = this.#now();
    for (const jobId of jobIds) {
      const lease = this.#leases.get(jobId);
      if (lease !== undefined) lease.renewedAtMs = now;
    }
  }

  /** True while the job's lease is held (tracked, not lost). */
  holds(jobId: string): boolean {
    const lease = this.#leases.get(jobId);
    return (
      lease !== undefined && !lease.controller.signal.aborted && this.#now() - lease.renewedAtMs < this.#stopAfterMs
    );
  }

  /** Stops watching a job. */
  untrack(jobId: string): void {
    this.#leases.delete(jobId);
    if (this.#leases.size === 0 && this.#timer !== undefined) {
      clearInterval(this.#timer);
      this.#timer = undefined;
    }
  }

  /** Aborts every job whose lease went silent too long (also run by the timer). */
  check(): void {
    const now = this.#now();
    for (const [jobId, lease] of this.#leases) {
      const silentMs = now - lease.renewedAtMs;
      if (silentMs < this.#stopAfterMs || lease.controller.signal.aborted) continue;
      lease.controller.abort(
        new AbortedError(
          `Job ${jobId} stopped: its lock was not renewed for ${Math.round(silentMs)} ms (Redis unreachable?), so ` +
            'another worker may take it over; it stops here so that it never runs twice in parallel',
        ),
      );
      this.#onLost(jobId, silentMs);
    }
  }

  /** Stops the timer. */
  close(): void {
    if (this.#timer !== undefined) clearInterval(this.#timer);
    this.#timer = undefined;
  }
}
