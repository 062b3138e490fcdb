import {
  type AdmissionTicket,
  BudgetExceededError,
  type CerebrasConfig,
  type ChatRequest,
  type ChatResponse,
  type Cost,
  type FallbackReason,
  type ResolvedPrice,
  RetryExhaustedError,
  TimeoutError,
} from '@acpt/config';
import type { AdapterCore } from '../adapter-core.ts';
import type { AdapterResponse, GenerateOptions } from '../adapter-types.ts';
import type { SettleOutcome } from '../diagnostics/diagnostics-collector.ts';
import { describeFinalError } from '../diagnostics/redact.ts';
import { closeReservation, costOfRun } from '../spend/spend-gate.ts';
import type { DeadlineEntry, DeadlineList } from '../timing/deadline-queue.ts';
import { returnAbortController, takeAbortController } from './abort-pool.ts';

/** Which path a request starts on: the live transport, the mock (mock mode), or the mock for want of a key. */
export type Route = 'live' | 'mock' | 'no-key';

/** Who aborted a request. */
export type AbortKind = 'caller' | 'deadline' | 'cancel';

/** What a run is created from. */
export interface RunInit {
  readonly id: string;
  readonly config: CerebrasConfig;
  readonly request: ChatRequest;
  readonly route: Route;
  readonly stream: boolean;
  readonly options: GenerateOptions | undefined;
}

/**
 * One logical request from submission to settlement: its deadline (the total timeout, or a hard budget when that is
 * smaller), its abort controller (caller signal, deadline and `close({ mode: 'cancel' })` all abort it, keeping the
 * first reason), its attempts' errors, and exactly one settlement that counts it and emits `request-end`.
 * No per-request closures or timers: the caller signal listener is the run itself (`handleEvent`), and its deadline is
 * an entry of the adapter's deadline queue (the run itself, linked in place).
 */
export class RequestRun implements DeadlineEntry {
  readonly id: string;
  readonly core: AdapterCore;
  readonly config: CerebrasConfig;
  readonly request: ChatRequest;
  readonly route: Route;
  readonly stream: boolean;
  readonly startMs: number;
  readonly budgetMs: number;
  readonly budgetMode: 'soft' | 'hard';
  readonly deadlineAtMs: number;
  /**
   * Aborted by the caller's signal, the deadline or a cancelling close. A whole-reply request takes a reusable one from
   * the pool and gives it back when it settles without an abort (streams keep their own: their transport iteration
   * may outlive the settlement).
   */
  controller: AbortController;
  readonly callerSignal: AbortSignal | undefined;
  readonly errors: unknown[] = [];
  abortKind: AbortKind | undefined;
  attempts = 0;
  fallbackReason: FallbackReason | undefined;
  /** The `RetryExhaustedError` this run decided on (so only our own decisions trigger the fallback). */
  stopError: unknown;
  batchId: string | undefined;
  isProbe = false;
  /** The reservation of the current live attempt, from the injected admission, until it is settled. */
  admissionTicket: AdmissionTicket | undefined;
  settled = false;
  /** Scheduler bookkeeping: whether the run holds an in-flight slot, and its queue hooks while queued. */
  holdsSlot = false;
  queuedAtMs = 0;
  dispatch: (() => void) | undefined;
  rejectQueued: ((error: unknown) => void) | undefined;
  /** Streams: true while suspended at a `yield` (the caller holds the iteration). */
  yielding = false;
  deltaCount = 0;
  lastDeltaAtMs = 0;
  /** The requested model (what prices and spend are keyed by). */
  readonly model: string;
  /** The caller's attributes (cost breakdowns, telemetry). */
  readonly attributes: Readonly<Record<string, string | number | boolean>> | undefined;
  /** Cost bookkeeping: the model's price once looked up (`null`: none), USD billed by live attempts so far. */
  price: ResolvedPrice | null | undefined;
  billedUsd = 0;
  /** A live attempt billed tokens at an unknown price; a live answer reported no usage. */
  unpricedBilled = false;
  usageMissing = false;
  /** The open spend reservation of the current live attempt. */
  reservationId: string | undefined;
  /** Deadline queue bookkeeping (see `DeadlineQueue`): due time, list and neighbours while queued. */
  dueAtMs = 0;
  deadlineList: DeadlineList | undefined = undefined;
  deadlinePrevious: DeadlineEntry | undefined = undefined;
  deadlineNext: DeadlineEntry | undefined = undefined;
  readonly #hardDeadline: boolean;
  #budgetReported = false;

  constructor(core: AdapterCore, init: RunInit) {
    this.core = core;
    this.id = init.id;
    this.config = init.config;
    this.request = init.request;
    this.route = init.route;
    this.stream = init.stream;
    this.controller = init.stream ? new AbortController() : takeAbortController();
    this.model = init.request.model ?? init.config.model;
    const options = init.options;
    this.attributes = options?.attributes;
    this.startMs = core.clock.now();
    this.budgetMs = options?.budgetMs ?? init.config.latencyBudget.ms;
    this.budgetMode = options?.budgetMode ?? init.config.latencyBudget.mode;
    const totalMs = init.config.timeouts.totalMs;
    this.#hardDeadline = this.budgetMode === 'hard' && this.budgetMs <= totalMs;
    const deadlineMs = this.#hardDeadline ? this.budgetMs : totalMs;
    this.deadlineAtMs = this.startMs + deadlineMs;
    this.callerSignal = options?.signal;
    core.diagnostics.submitted++;
    core.active.add(this);
    if (core.hub.has('request-start')) this.#emitStart(options);
    const signal = this.callerSignal;
    if (signal?.aborted) {
      this.abortKind = 'caller';
      this.controller.abort(signal.reason);
      return;
    }
    signal?.addEventListener('abort', this, { once: true });
    core.deadlines.add(this, deadlineMs, this.startMs);
  }

  /** The signal every transport call and wait of this run observes. */
  get signal(): AbortSignal {
    return this.controller.signal;
  }

  /** Time left before the deadline, in ms. */
  remainingMs(): number {
    return this.deadlineAtMs - this.core.clock.now();
  }

  /** The deadline passed (called by the adapter's deadline queue). */
  onDeadline(): void {
    this.abort('deadline', this.deadlineError());
  }

  /** The caller's signal aborted (EventListener interface, so no closure is needed). */
  handleEvent(): void {
    this.abort('caller', this.callerSignal?.reason);
  }

  /** Aborts the run once; a queued run leaves the queue, an abandoned stream settles at once. */
  abort(kind: AbortKind, reason: unknown): void {
    if (this.settled || this.controller.signal.aborted) return;
    this.abortKind = kind;
    this.controller.abort(reason);
    if (this.rejectQueued !== undefined) this.core.scheduler.remove(this);
    else if (this.yielding) {
      this.fail(reason);
      this.core.scheduler.release(this);
    }
  }

  /** The error a deadline abort rejects with: `BudgetExceededError` (hard budget) or `TimeoutError('total')`. */
  deadlineError(): Error {
    const elapsedMs = this.core.clock.now() - this.startMs;
    const cause = this.errors.length > 0 ? new RetryExhaustedError('deadline', [...this.errors]) : undefined;
    if (this.#hardDeadline) {
      this.reportBudget('hard', elapsedMs);
      return new BudgetExceededError(this.budgetMs, elapsedMs, { cause });
    }
    return new TimeoutError('total', this.config.timeouts.totalMs, { cause });
  }

  /** Emits `budget-exceeded` and counts the breach, once per request. */
  reportBudget(mode: 'soft' | 'hard', elapsedMs: number): void {
    if (this.#budgetReported) return;
    this.#budgetReported = true;
    const diagnostics = this.core.diagnostics;
    if (mode === 'hard') diagnostics.hardBreaches++;
    else diagnostics.softBreaches++;
    const hub = this.core.hub;
    if (hub.has('budget-exceeded')) {
      const timestampMs = this.core.clock.now();
      hub.emit('budget-exceeded', { requestId: this.id, timestampMs, budgetMs: this.budgetMs, elapsedMs, mode });
    }
  }

  /** Settles the run with a response; returns what the caller gets. */
  finish(response: ChatResponse): AdapterResponse {
    const now = this.core.clock.now();
    const durationMs = now - this.startMs;
    if (durationMs > this.budgetMs) this.reportBudget(this.budgetMode, durationMs);
    const servedByMock = this.route === 'mock' || this.fallbackReason !== undefined;
    if (!servedByMock && response.usage === undefined) this.usageMissing = true;
    const result: { -readonly [K in keyof AdapterResponse]: AdapterResponse[K] } = {
      ...response,
      cost: costOfRun(this, response.usage, servedByMock ? 'mock' : 'live'),
      requestId: this.id,
      attempts: this.attempts,
      budgetExceeded: this.#budgetReported,
    };
    if (this.fallbackReason !== undefined) result.fallback = { reason: this.fallbackReason };
    this.#settle(this.fallbackReason === undefined ? 'success' : 'fallback', now, result, undefined);
    return result;
  }

  /** Settles the run with an error (once; later calls only pass the error through); returns the error to throw. */
  fail(error: unknown): unknown {
    if (this.settled) return error;
    const now = this.core.clock.now();
    const durationMs = now - this.startMs;
    if (durationMs > this.budgetMs) this.reportBudget(this.budgetMode, durationMs);
    const abortedByUs = this.signal.aborted && error === this.signal.reason && this.abortKind !== 'deadline';
    this.#settle(abortedByUs ? 'aborted' : 'error', now, undefined, error);
    return error;
  }

  /** Gives back the in-flight slot, if held. */
  release(): void {
    this.core.scheduler.release(this);
  }

  /** `now`: the clock reading the caller took (one reading per settlement). */
  #settle(outcome: SettleOutcome, now: number, response: AdapterResponse | undefined, error: unknown): void {
    const durationMs = now - this.startMs;
    this.settled = true;
    this.core.deadlines.remove(this);
    if (this.isProbe) {
      // The probe ended without a live verdict (admission stop, abort): let the next request probe.
      this.core.breaker.releaseProbe();
      this.isProbe = false;
    }
    this.callerSignal?.removeEventListener('abort', this);
    if (!this.stream) this.controller = returnAbortController(this.controller);
    if (this.reservationId !== undefined) closeReservation(this, 0);
    const core = this.core;
    core.active.delete(this);
    core.diagnostics.settle(outcome, durationMs);
    core.diagnostics.addUsage(response?.usage);
    const cost: Cost = response?.cost ?? costOfRun(this, undefined, 'none');
    core.costs.add(this.model, cost, this.attributes, outcome === 'success' || outcome === 'fallback');
    const described =
      outcome === 'error' || outcome === 'aborted' ? describeFinalError(error, this.config.apiKey) : undefined;
    if (described !== undefined && outcome === 'error') core.diagnostics.addError(this.id, now, described);
    if (!core.hub.has('request-end')) return;
    core.hub.emit('request-end', {
      requestId: this.id,
      timestampMs: now,
      outcome,
      durationMs,
      attempts: this.attempts,
      response,
      usage: response?.usage,
      cost,
      error: described,
      budgetExceeded: this.#budgetReported,
      fallbackReason: this.fallbackReason,
    });
  }

  #emitStart(options: GenerateOptions | undefined): void {
    const transport = this.route === 'live' ? this.core.live : this.core.mock;
    this.core.hub.emit('request-start', {
      requestId: this.id,
      timestampMs: this.startMs,
      model: this.request.model ?? this.config.model,
      provider: transport?.provider ?? 'unknown',
      serverAddress: transport?.serverAddress,
      serverPort: transport?.serverPort,
      stream: this.stream,
      request: this.request,
      budgetMs: this.budgetMs,
      budgetMode: this.budgetMode,
      attributes: options?.attributes,
    });
  }
}
