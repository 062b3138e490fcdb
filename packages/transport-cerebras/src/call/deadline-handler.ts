import type { IncomingHttpHeaders } from 'node:http';
import { TimeoutError, unwatchAbort, watchAbort } from '@acpt/config';
import type { Dispatcher } from 'undici';

/** The per-attempt deadlines a call enforces itself, in ms. */
export interface CallDeadlines {
  /** From the request being written to its response headers. */
  readonly headersMs: number;
  /** Longest silence between two body reads. */
  readonly idleMs: number;
}

function onHeadersTimeout(handler: DeadlineHandler): void {
  handler.cancel(new TimeoutError('headers', handler.deadlines.headersMs));
}

function onIdleTimeout(handler: DeadlineHandler): void {
  handler.cancel(new TimeoutError('idle', handler.deadlines.idleMs));
}

/**
 * Base of the transport's undici dispatch handlers: precise headers and idle deadlines on native timers (one timer
 * object per phase, refreshed per read), the caller's `AbortSignal`, and cancellation at any point. A cancelled call
 * fails at once, even while it still waits in the pool's queue, and its request is aborted (socket destroyed) as soon
 * as undici hands it over. Subclasses receive the response through `onStatus`, `onBody`, `onEnd` and `onFailure`.
 */
export abstract class DeadlineHandler implements Dispatcher.DispatchHandler {
  /** The deadlines of this call. */
  readonly deadlines: CallDeadlines;
  /** `performance.now()` when the call began. */
  readonly startedAt: number;
  /** `performance.now()` when the response headers arrived (0 before). */
  headersAt = 0;
  #controller: Dispatcher.DispatchController | undefined;
  #timer: NodeJS.Timeout | undefined;
  #signal: AbortSignal | undefined;
  #cancelReason: unknown;
  #cancelled = false;
  #over = false;

  constructor(deadlines: CallDeadlines, signal: AbortSignal | undefined, startedAt: number) {
    this.deadlines = deadlines;
    this.startedAt = startedAt;
    if (signal !== undefined) {
      this.#signal = signal;
      // A reusable signal (the adapter's) is watched through its slot: no listener per call.
      watchAbort(signal, this);
    }
  }

  /** The caller's signal fired. */
  handleEvent(): void {
    this.cancel(this.#signal?.reason);
  }

  /** Fails the call with `reason` and aborts its request (destroying the socket if it is in use). */
  cancel(reason: unknown): void {
    if (this.#cancelled || this.#over) return;
    this.#cancelled = true;
    this.#cancelReason = reason;
    this.finish();
    this.onFailure(reason);
    this.#controller?.abort(reason instanceof Error ? reason : new Error(String(reason)));
  }

  /** Stops the timers and forgets the signal; called once the call has an outcome. */
  protected finish(): void {
    this.#over = true;
    if (this.#timer !== undefined) clearTimeout(this.#timer);
    this.#timer = undefined;
    if (this.#signal !== undefined) unwatchAbort(this.#signal, this);
    this.#signal = undefined;
  }

  /** Suspends the idle deadline while the consumer is the slow side (backpressure). */
  protected pauseReading(): void {
    this.#controller?.pause();
    if (this.#timer !== undefined) clearTimeout(this.#timer);
    this.#timer = undefined;
  }

  /** Resumes reading and restarts the idle deadline. */
  protected resumeReading(): void {
    if (this.#over) return;
    this.#timer ??= setTimeout(onIdleTimeout, this.deadlines.idleMs, this);
    this.#controller?.resume();
  }

  onRequestStart(controller: Dispatcher.DispatchController): void {
    if (this.#cancelled) {
      controller.abort(this.#cancelReason instanceof Error ? this.#cancelReason : new Error('cancelled'));
      return;
    }
    this.#controller = controller;
    this.#timer = setTimeout(onHeadersTimeout, this.deadlines.headersMs, this);
  }

  onResponseStart(_controller: Dispatcher.DispatchController, statusCode: number, headers: IncomingHttpHeaders): void {
    if (statusCode < 200 || this.#over) return;
    this.headersAt = performance.now();
    if (this.#timer !== undefined) clearTimeout(this.#timer);
    this.#timer = setTimeout(onIdleTimeout, this.deadlines.idleMs, this);
    this.onStatus(statusCode, headers);
  }

  onResponseData(_controller: Dispatcher.DispatchController, chunk: Buffer): void {
    if (this.#over) return;
    this.#timer?.refresh();
    this.onBody(chunk);
  }

  onResponseEnd(): void {
    if (this.#over) return;
    this.finish();
    this.onEnd();
  }

  onResponseError(_controller: Dispatcher.DispatchController, error: Error): void {
    if (this.#over) return;
    this.finish();
    this.onFailure(error);
  }

  /** Response headers arrived (status ≥ 200). */
  protected abstract onStatus(statusCode: number, headers: IncomingHttpHeaders): void;
  /** A body read arrived. */
  protected abstract onBody(chunk: Buffer): void;
  /** The body ended. */
  protected abstract onEnd(): void;
  /** The call failed: a deadline, the caller's abort, a cancellation, or a network error from undici. */
  protected abstract onFailure(error: unknown): void;
}
