import {
  AbortedError,
  type AdapterEventListener,
  type AdapterEventName,
  type AdapterEventSource,
  applyConfigPatch,
  type CerebrasConfig,
  type CerebrasConfigInput,
  createPriceResolver,
  type RateLimitState,
  type SpendLimits,
  type SpendSnapshot,
  type TransportRole,
} from '@acpt/config';
import type { StandardSchemaV1 } from '@standard-schema/spec';
import type { AdapterCore } from '../adapter-core.ts';
import type {
  AdapterOptions,
  AdapterResponse,
  AdapterStreamEvent,
  CloseOptions,
  GenerateInput,
  GenerateManyItem,
  GenerateOptions,
} from '../adapter-types.ts';
import { BatchScheduler } from '../batch/batch-scheduler.ts';
import { TokenAdmission } from '../budget/token-admission.ts';
import { CircuitBreaker } from '../circuit/circuit-breaker.ts';
import { ConcurrencyController } from '../concurrency/concurrency-controller.ts';
import { CostLedger } from '../diagnostics/cost-ledger.ts';
import { DiagnosticsCollector } from '../diagnostics/diagnostics-collector.ts';
import type { AdapterDiagnostics } from '../diagnostics/diagnostics-types.ts';
import { EventHub } from '../events/event-hub.ts';
import { executeComplete } from '../request/execute-complete.ts';
import { RequestRun } from '../request/request-run.ts';
import { toChatRequest } from '../request/to-chat-request.ts';
import { createSpendLimiter } from '../spend/in-process-spend-limiter.ts';
import type { SpendState } from '../spend/spend-gate.ts';
import { executeStream } from '../stream/execute-stream.ts';
import type { StreamOptions } from '../stream/stream-options.ts';
import { type GenerateObjectOptions, generateObject, type ObjectResponse } from '../structured/generate-object.ts';
import { generateTemplated, type TemplatedOptions, type TemplatedResult } from '../templated/generate-templated.ts';
import { DeadlineQueue } from '../timing/deadline-queue.ts';
import { systemClock, systemSleep, systemTimers, timersFromSleep } from '../timing/timers.ts';
import { assertTransports, routeFor } from './validate-transports.ts';

/**
 * The Cerebras LLM adapter: every caller's entry point. Retries with backoff and server-asked waits, a total
 * deadline and latency budget per request, token-budget admission, micro-batching with backpressure, templated
 * batching, the mock fallback, a circuit breaker, events and diagnostics. Transports are injected.
 *
 * @throws {ConfigError} at construction when the configured path has no transport
 * @example
 * ```ts
 * const adapter = new CerebrasLLMAdapter(config, { mockTransport: createMockTransport({ seed: 1 }) });
 * const reply = await adapter.generate('Pick a RIS phase profile', { budgetMs: 2000 });
 * ```
 */
export class CerebrasLLMAdapter implements AdapterEventSource {
  #config: CerebrasConfig;
  #useMock: boolean | undefined;
  #closed = false;
  #closing: Promise<void> | undefined;
  #counter = 0;
  #templatedCounter = 0;
  readonly #closeTransports: boolean;
  readonly #sharedLimiter: boolean;
  readonly #core: AdapterCore;

  constructor(config: CerebrasConfig, options: AdapterOptions = {}) {
    const transports = { live: options.transport, mock: options.mockTransport };
    assertTransports(config, options.useMock, transports);
    this.#config = config;
    this.#useMock = options.useMock;
    this.#closeTransports = options.closeTransports ?? true;
    const clock = options.clock ?? systemClock;
    const sleep = options.sleep ?? systemSleep;
    const timers = options.sleep === undefined ? systemTimers : timersFromSleep(sleep);
    const hub = new EventHub();
    const diagnostics = new DiagnosticsCollector(options.warn);
    const admission = options.admission ?? new TokenAdmission();
    const breaker = new CircuitBreaker(
      () => this.#config.circuitBreaker,
      (event) => hub.emit('circuit-state', event),
    );
    const concurrency = new ConcurrencyController(
      () => ({ batching: this.#config.batching, budgetMs: this.#config.latencyBudget.ms }),
      (decision) => {
        if (hub.has('concurrency-change')) hub.emit('concurrency-change', decision);
      },
    );
    const scheduler = new BatchScheduler({
      settings: () => concurrency.batchingSettings(),
      diagnostics,
      hub,
      clock,
      timers,
    });
    const spend: SpendState = {
      limiter: options.spendLimiter ?? createSpendLimiter(config.spend),
      active: options.spendLimiter !== undefined || hasLimit(config.spend),
      refused: { total: 0, hourly: 0, unpriced: 0 },
    };
    this.#sharedLimiter = options.spendLimiter !== undefined;
    this.#core = {
      hub,
      diagnostics,
      breaker,
      admission,
      scheduler,
      prices:
        options.prices ??
        createPriceResolver({ configured: config.pricing, catalogue: transports.live?.priceCatalogue }),
      spend,
      costs: new CostLedger(),
      concurrency,
      primaryRole: () => this.mode,
      clock,
      sleep,
      random: options.random ?? Math.random,
      timers,
      deadlines: new DeadlineQueue(clock, timers),
      live: transports.live,
      mock: transports.mock,
      active: new Set(),
      observeRateLimit(state: RateLimitState, role: TransportRole, model: string): void {
        if (role === 'live') admission.observe(state, model);
        diagnostics.lastRateLimit = state;
        if (hub.has('rate-limit')) hub.emit('rate-limit', { timestampMs: clock.now(), state });
      },
    };
  }

  /** The configuration in force for new requests. */
  get config(): CerebrasConfig {
    return this.#config;
  }

  /** Where new requests go now. */
  get mode(): 'live' | 'mock' {
    return routeFor(this.#config, this.#useMock, this.#core) === 'live' ? 'live' : 'mock';
  }

  /**
   * One completion. Resolves with the response (`fallback` set when the mock answered); rejects with the caller's
   * `signal.reason`, `TimeoutError('total')`, `BudgetExceededError` (hard budget), `QueueFullError`,
   * `CircuitOpenError`, `RetryExhaustedError` / `FallbackExhaustedError` carrying every attempt's error, or the typed
   * error itself for a configuration failure (401, 402, 403, 404, 400, 413, 422) or a non-retryable error in mock mode.
   */
  generate(input: GenerateInput, options?: GenerateOptions): Promise<AdapterResponse> {
    return this.#generate(input, options, undefined);
  }

  #generate(
    input: GenerateInput,
    options: GenerateOptions | undefined,
    packedItemCount: number | undefined,
  ): Promise<AdapterResponse> {
    let run: RequestRun;
    try {
      run = this.#createRun(input, options, false);
    } catch (error) {
      return Promise.reject(error);
    }
    if (packedItemCount !== undefined) this.#flushTemplated(run, packedItemCount);
    if (run.signal.aborted) return Promise.reject(run.fail(run.signal.reason));
    const scheduler = this.#core.scheduler;
    if (scheduler.tryAcquire(run)) return executeComplete(run);
    return scheduler.enqueue(run).then(
      () => executeComplete(run),
      (error: unknown) => {
        throw run.fail(error);
      },
    );
  }

  /**
   * A streamed completion: `text-delta` (and `reasoning-delta`, `tool-call-delta`) events as they reach the caller —
   * by default everything that arrived in one read as one event, `deltas: 'per-token'` for one per wire delta — then
   * one `finish`. The request starts at the first `next()`. Retried only before the first delta; breaking out aborts it.
   */
  stream(input: GenerateInput, options?: StreamOptions): AsyncIterable<AdapterStreamEvent> {
    return executeStream(() => this.#createRun(input, options, true), options?.deltas ?? 'coalesced');
  }

  /**
   * Typed structured output: the reply constrained by the schema's JSON Schema (strict, Cerebras-compatible), parsed
   * and validated by any Standard Schema (valibot, zod, arktype), re-asked once (`reasks`) when invalid. Resolves
   * with the response and its typed `object`; rejects with `InvalidResponseError` (its `issues`) when still invalid.
   * See {@link GenerateObjectOptions}.
   */
  generateObject<TSchema extends StandardSchemaV1>(
    input: GenerateInput,
    options: GenerateObjectOptions<TSchema>,
  ): Promise<ObjectResponse<StandardSchemaV1.InferOutput<TSchema>>> {
    return generateObject((next, callOptions) => this.generate(next, callOptions), this.#config, input, options);
  }

  /** Submits every request at once, in order; settles each one (never failing the set for one). */
  generateMany(requests: readonly GenerateManyItem[]): Promise<PromiseSettledResult<AdapterResponse>[]> {
    return Promise.allSettled(requests.map((item) => this.generate(item.input, item.options)));
  }

  /**
   * Packs similar requests into one JSON-schema call (one answer per item id), validates each answer and re-asks
   * alone only the items whose answer is missing or invalid. See {@link TemplatedOptions}.
   */
  generateTemplated<TAnswer>(options: TemplatedOptions<TAnswer>): Promise<TemplatedResult<TAnswer>> {
    return generateTemplated(
      (input, callOptions, packedItemCount) => this.#generate(input, callOptions, packedItemCount),
      this.#core,
      options,
    );
  }

  /**
   * Changes the configuration of new requests, validated like the configuration itself; in-flight requests finish
   * with the configuration they started with. A patch that sets `mockMode` also ends the `useMock` override.
   * A patch of `spend` raises or lowers the limits of later admissions; a patch of `pricing` changes the configured
   * prices of later requests.
   *
   * @throws {ConfigError} when the patched configuration is invalid or its path has no transport (nothing changes)
   */
  configure(patch: CerebrasConfigInput): CerebrasConfig {
    const next = applyConfigPatch(this.#config, patch);
    const useMock = patch.mockMode === undefined ? this.#useMock : undefined;
    assertTransports(next, useMock, this.#core);
    this.#config = next;
    this.#useMock = useMock;
    const core = this.#core;
    if (patch.pricing !== undefined) core.prices.setConfigured(next.pricing);
    if (patch.spend !== undefined) {
      const done = core.spend.limiter.setLimits(next.spend);
      if (done instanceof Promise) done.catch(() => {});
      core.spend.active = this.#sharedLimiter || hasLimit(next.spend);
    }
    return next;
  }

  /**
   * Reads the served price catalogue now (the live transport's `priceCatalogue`, when it has one), so that the first
   * requests are priced from it rather than from the configured or built-in prices. Never rejects: an unreachable or
   * malformed catalogue is warned about once and the other prices stay in use.
   */
  refreshPrices(): Promise<void> {
    return this.#core.prices.refresh();
  }

  /** The spend limiter's figures (limits, spent, last hour, reserved) while a spend limit applies, else `undefined`. */
  spendStatus(): SpendSnapshot | undefined {
    const core = this.#core;
    return core.spend.active ? core.spend.limiter.snapshot(core.clock.now()) : undefined;
  }

  /** Adds an event listener (events of `@acpt/config`'s `AdapterEventMap`); returns a function that removes it. */
  on<TName extends AdapterEventName>(name: TName, listener: AdapterEventListener<TName>): () => void {
    return this.#core.hub.on(name, listener);
  }

  /**
   * A plain, JSON-serialisable snapshot of counts, latencies, tokens, cost and spend, retries, rate limits, circuit
   * and errors.
   */
  diagnostics(): AdapterDiagnostics {
    const core = this.#core;
    const snapshot = core.diagnostics.snapshot(
      this.mode,
      this.#config.fallback,
      this.#closed,
      core.breaker.snapshot(),
      core.hub.listenerErrors,
    );
    const spend = core.spend;
    const limiter = this.spendStatus();
    const cost = { ...core.costs.snapshot(), spend: { active: spend.active, refused: { ...spend.refused }, limiter } };
    const apiKey = core.live?.keyStatus?.();
    const batching = this.#config.batching;
    const concurrency = {
      mode: batching.mode,
      limit: core.concurrency.limit,
      minInFlight: batching.minInFlight,
      maxInFlight: batching.maxInFlight,
      decisions: core.concurrency.decisions.map((decision) => structuredClone(decision)),
    };
    return apiKey === undefined ? { ...snapshot, cost, concurrency } : { ...snapshot, apiKey, cost, concurrency };
  }

  /**
   * Stops accepting requests (they reject with `AbortedError`), then `drain`s (waits for queued and in-flight work) or
   * `cancel`s it (rejects and aborts with `AbortedError`), then closes the injected transports unless
   * `closeTransports: false`. Idempotent: later calls return the first call's promise.
   */
  close(options: CloseOptions = {}): Promise<void> {
    if (this.#closing !== undefined) return this.#closing;
    this.#closed = true;
    this.#closing = this.#shutDown(options.mode ?? 'drain');
    return this.#closing;
  }

  async #shutDown(mode: 'drain' | 'cancel'): Promise<void> {
    const core = this.#core;
    if (mode === 'cancel') {
      const reason = new AbortedError('The adapter was closed with mode "cancel"');
      for (const run of core.scheduler.queuedRuns()) run.abort('cancel', reason);
      for (const run of [...core.active]) run.abort('cancel', reason);
    } else core.scheduler.flushAll();
    await core.scheduler.whenIdle();
    if (!this.#closeTransports) return;
    const transports = new Set([core.live, core.mock]);
    await Promise.all([...transports].map((transport) => transport?.close()));
  }

  #flushTemplated(run: RequestRun, itemCount: number): void {
    const batchId = `t${++this.#templatedCounter}`;
    run.batchId = batchId;
    const hub = this.#core.hub;
    if (!hub.has('batch-flush')) return;
    hub.emit('batch-flush', {
      batchId,
      timestampMs: run.startMs,
      kind: 'templated',
      requestIds: [run.id],
      itemCount,
      waitMs: 0,
      model: run.request.model ?? run.config.model,
    });
  }

  #createRun(input: GenerateInput, options: GenerateOptions | undefined, stream: boolean): RequestRun {
    if (this.#closed) throw new AbortedError('The adapter is closed');
    const config = this.#config;
    const request = toChatRequest(input, options, config);
    const route = routeFor(config, this.#useMock, this.#core);
    return new RequestRun(this.#core, { id: `req-${++this.#counter}`, config, request, route, stream, options });
  }
}

function hasLimit(limits: SpendLimits): boolean {
  return limits.maxUsd !== undefined || limits.maxUsdPerHour !== undefined;
}
