import type { EventError, FallbackReason, RateLimitKind, RateLimitState, Usage } from '@acpt/config';
import type { CircuitSnapshot } from '../circuit/circuit-breaker.ts';
import { ConfigurationFailureLog, type WarningSink } from '../request/configuration-failure.ts';
import type { AdapterDiagnostics, RecentError } from './diagnostics-types.ts';
import { LatencyHistogram } from './latency-histogram.ts';

const recentErrorLimit = 10;

/** How a request settled, for the counters. */
export type SettleOutcome = 'success' | 'fallback' | 'error' | 'aborted';

/** The mutable counters behind `diagnostics()`. Memory stays flat whatever the number of requests. */
export class DiagnosticsCollector {
  submitted = 0;
  succeeded = 0;
  fellBack = 0;
  failed = 0;
  aborted = 0;
  inFlight = 0;
  queued = 0;
  attempts = 0;
  promptTokens = 0;
  completionTokens = 0;
  totalTokens = 0;
  softBreaches = 0;
  hardBreaches = 0;
  admissionWaits = 0;
  microBatches = 0;
  templatedBatches = 0;
  savedRequests = 0;
  savedTokens = 0;
  lastRateLimit: RateLimitState | undefined;
  readonly latency: LatencyHistogram = new LatencyHistogram();
  readonly timeToFirstToken: LatencyHistogram = new LatencyHistogram();
  readonly fallbacksByReason: Record<FallbackReason, number> = {
    no_api_key: 0,
    circuit_open: 0,
    retries_exhausted: 0,
    token_budget: 0,
    spend_limit: 0,
    forced: 0,
    configuration_error: 0,
  };
  readonly rateLimitsByKind: Record<RateLimitKind, number> = { request_quota: 0, token_quota: 0, queue: 0, unknown: 0 };
  readonly retriesByReason: Record<string, number> = {};
  readonly #recentErrors: RecentError[] = [];
  /** Configuration failures (401, 403, 404, 400, …) seen, each announced once. */
  readonly configurationFailures: ConfigurationFailureLog;

  constructor(warn?: WarningSink) {
    this.configurationFailures = new ConfigurationFailureLog(warn);
  }

  /** Counts a settled request. */
  settle(outcome: SettleOutcome, durationMs: number): void {
    if (outcome === 'success') this.succeeded++;
    else if (outcome === 'fallback') this.fellBack++;
    else if (outcome === 'error') this.failed++;
    else this.aborted++;
    if (outcome === 'success' || outcome === 'fallback') this.latency.record(durationMs);
  }

  /** Adds billed tokens. */
  addUsage(usage: Usage | undefined): void {
    if (usage === undefined) return;
    this.promptTokens += usage.promptTokens;
    this.completionTokens += usage.completionTokens;
    this.totalTokens += usage.totalTokens;
  }

  /** Counts a scheduled retry (or admission wait) by reason. */
  addRetry(reason: string): void {
    this.retriesByReason[reason] = (this.retriesByReason[reason] ?? 0) + 1;
  }

  /** Remembers an error (already redacted). */
  addError(requestId: string, timestampMs: number, error: EventError): void {
    if (this.#recentErrors.length === recentErrorLimit) this.#recentErrors.shift();
    this.#recentErrors.push({ requestId, timestampMs, error });
  }

  /** Builds the JSON-serialisable snapshot. */
  snapshot(
    mode: 'live' | 'mock',
    fallbackPolicy: 'mock' | 'throw',
    closed: boolean,
    circuit: CircuitSnapshot,
    listenerErrors: number,
  ): Omit<AdapterDiagnostics, 'cost' | 'concurrency'> {
    const configurationFailures = this.configurationFailures.snapshot();
    return {
      mode,
      fallbackPolicy,
      closed,
      counts: {
        submitted: this.submitted,
        succeeded: this.succeeded,
        fellBack: this.fellBack,
        failed: this.failed,
        aborted: this.aborted,
        inFlight: this.inFlight,
        queued: this.queued,
      },
      fallbacksByReason: { ...this.fallbacksByReason },
      latencyMs: this.latency.summary(),
      timeToFirstTokenMs: this.timeToFirstToken.summary(),
      tokens: { prompt: this.promptTokens, completion: this.completionTokens, total: this.totalTokens },
      attempts: this.attempts,
      retriesByReason: { ...this.retriesByReason },
      budgetBreaches: { soft: this.softBreaches, hard: this.hardBreaches },
      rateLimits: {
        byKind: { ...this.rateLimitsByKind },
        ...(this.lastRateLimit ? { last: structuredClone(this.lastRateLimit) } : {}),
        admissionWaits: this.admissionWaits,
      },
      circuit,
      batching: {
        microBatches: this.microBatches,
        templatedBatches: this.templatedBatches,
        savedRequests: this.savedRequests,
        savedTokens: this.savedTokens,
      },
      lastErrors: this.#recentErrors.map((entry) => ({ ...entry })),
      listenerErrors,
      ...(configurationFailures === undefined ? {} : { configurationFailures }),
    };
  }
}
