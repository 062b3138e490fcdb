import type { Cost } from '../pricing/cost.ts';
import type { SpendRefusal, SpendSnapshot } from '../spend/spend-limiter.ts';
import type { ChatRequest } from './chat-request.ts';
import type { ChatResponse, Usage } from './chat-response.ts';
import type { RateLimitState } from './rate-limit.ts';

/** Which path served an attempt: the live transport or the mock fallback. */
export type TransportRole = 'live' | 'mock';

/**
 * Why a request was served by the fallback (`acpt.fallback.reason`): no key configured, the circuit is open, the live
 * attempts failed, token-budget admission shed it before its first or a later attempt (the minute's tokens are spent
 * and the reset does not fit in its deadline), a spend limit refused it (`spend_limit`), the caller forced it, or a
 * configuration failure (401, 402, 403, 404, 400, 413, 422) that `fallbackOn` names.
 */
export type FallbackReason =
  | 'no_api_key'
  | 'circuit_open'
  | 'retries_exhausted'
  | 'token_budget'
  | 'spend_limit'
  | 'forced'
  | 'configuration_error';

/** A low-cardinality error class for telemetry (`error.type`): an HTTP status, `timeout`, `network`, … */
export type ErrorType =
  | 'timeout'
  | 'budget_exceeded'
  | 'network'
  | 'invalid_response'
  | 'stream_truncated'
  | 'queue_full'
  | 'circuit_open'
  | 'AbortError'
  | '_OTHER'
  | (string & {});

/** An error as events carry it: no secrets, no bodies. */
export interface EventError {
  /** `error.type` value. */
  readonly type: ErrorType;
  /** The acpt error code, when it is an acpt error. */
  readonly code?: string;
  /** HTTP status, when there was one. */
  readonly status?: number;
  /** The 429 kind, for rate-limit errors. */
  readonly rateLimitKind?: string;
  /** The error message (never containing the key). */
  readonly message: string;
  /** Whether it was retryable. */
  readonly retryable: boolean;
}

/** Fields every per-request event has. */
export interface RequestEventBase {
  /** Adapter-assigned id of the logical request (unique per adapter). */
  readonly requestId: string;
  /** Epoch ms (from the adapter's clock) when the event happened. */
  readonly timestampMs: number;
}

/** A logical request was accepted. */
export interface RequestStartEvent extends RequestEventBase {
  /** Requested model. */
  readonly model: string;
  /** Provider of the path chosen first. */
  readonly provider: string;
  /** `server.address` / `server.port` of that path, when it has them. */
  readonly serverAddress?: string;
  readonly serverPort?: number;
  /** Whether the caller asked for a stream. */
  readonly stream: boolean;
  /** The request (telemetry records content only when opted in). */
  readonly request: ChatRequest;
  /** The request's latency budget and its mode. */
  readonly budgetMs: number;
  readonly budgetMode: 'soft' | 'hard';
  /** Free-form caller attributes (agent name, step, …). */
  readonly attributes?: Readonly<Record<string, string | number | boolean>>;
}

/** One attempt (HTTP call or mock call) begins. */
export interface AttemptStartEvent extends RequestEventBase {
  /** 1 for the first attempt. */
  readonly attempt: number;
  /** Which path. */
  readonly role: TransportRole;
  /** Its provider name. */
  readonly provider: string;
  /** Batch this attempt belongs to, if any. */
  readonly batchId?: string;
}

/** One attempt succeeded. */
export interface AttemptEndEvent extends RequestEventBase {
  readonly attempt: number;
  readonly role: TransportRole;
  readonly provider: string;
  readonly durationMs: number;
}

/** One attempt failed. */
export interface AttemptErrorEvent extends RequestEventBase {
  readonly attempt: number;
  readonly role: TransportRole;
  readonly provider: string;
  readonly durationMs: number;
  readonly error: EventError;
  /** Whether another attempt will follow. */
  readonly willRetry: boolean;
}

/** A retry was scheduled after a failed attempt. */
export interface RetryScheduledEvent extends RequestEventBase {
  /** The attempt that will run next. */
  readonly nextAttempt: number;
  /** The wait before it, in ms. */
  readonly delayMs: number;
  /** `error.type` of the failure that caused it. */
  readonly reason: ErrorType;
  /** Whether the wait came from our backoff or from the server (`retry-after`, rate-limit reset). */
  readonly delaySource: 'backoff' | 'server' | 'rate-limit-admission';
}

/** The first content reached the caller of a stream. */
export interface FirstTokenEvent extends RequestEventBase {
  /** From request start to the first delta, in ms. */
  readonly timeToFirstTokenMs: number;
}

/** A later stream chunk reached the caller. */
export interface StreamChunkEvent extends RequestEventBase {
  /** 0-based index of the delta. */
  readonly index: number;
  /** Time since the previous delta, in ms. */
  readonly sincePreviousMs: number;
}

/** A batch was dispatched. */
export interface BatchFlushEvent {
  readonly batchId: string;
  readonly timestampMs: number;
  /** `micro`: N requests sent together; `templated`: N items packed into one call. */
  readonly kind: 'micro' | 'templated';
  /** Members' request ids. */
  readonly requestIds: readonly string[];
  /** `templated`: how many items the one call carries (telemetry's `acpt.batch.size`); absent for `micro`. */
  readonly itemCount?: number;
  /** Longest time a member waited in the queue, in ms. */
  readonly waitMs: number;
  /** Model of the batch. */
  readonly model: string;
}

/** The fallback takes over a request. */
export interface FallbackStartEvent extends RequestEventBase {
  readonly reason: FallbackReason;
  /** Provider of the fallback (`acpt.mock`). */
  readonly provider: string;
}

/** A request's latency budget was exceeded. */
export interface BudgetExceededEvent extends RequestEventBase {
  readonly budgetMs: number;
  readonly elapsedMs: number;
  readonly mode: 'soft' | 'hard';
}

/** The circuit breaker changed state. */
export interface CircuitStateEvent {
  readonly timestampMs: number;
  readonly from: 'closed' | 'open' | 'half-open';
  readonly to: 'closed' | 'open' | 'half-open';
  readonly consecutiveFailures: number;
}

/** New rate-limit headers were seen. */
export interface RateLimitEvent {
  readonly timestampMs: number;
  readonly state: RateLimitState;
}

/** A spend limit refused a live attempt; it falls back to the mock or rejects with `SpendLimitError`. */
export interface SpendLimitEvent extends RequestEventBase {
  /** The model the attempt was priced at. */
  readonly model: string;
  /** The refusal: which limit, its value, spend so far, reservations in flight, the request's worst case. */
  readonly refusal: SpendRefusal;
  /** What happens to the request. */
  readonly action: 'fallback' | 'reject';
}

/** A logical request settled (exactly once per `request-start`). */
export interface RequestEndEvent extends RequestEventBase {
  /** `success` (live), `fallback` (answered by the fallback), `error`, or `aborted` by the caller. */
  readonly outcome: 'success' | 'fallback' | 'error' | 'aborted';
  /** From request start to settlement, in ms (queue wait included). */
  readonly durationMs: number;
  /** Attempts made, fallback included. */
  readonly attempts: number;
  /** The response, when there is one. */
  readonly response?: ChatResponse;
  /** Usage summed over every billed attempt. */
  readonly usage?: Usage;
  /** What the request cost over every billed attempt (`usd: null` when its model has no price). */
  readonly cost?: Cost;
  /** The error, when it failed. */
  readonly error?: EventError;
  /** Whether the budget was exceeded. */
  readonly budgetExceeded: boolean;
  /** Set when the fallback answered. */
  readonly fallbackReason?: FallbackReason;
}

/** Every adapter event by name (noun-verb). */
/** Why the adaptive in-flight limit changed. */
export type ConcurrencyChangeReason = 'slow-start' | 'increase' | 'latency' | 'queue_exceeded' | 'timeout';

/** One change of the adaptive in-flight limit (`batching.mode: 'adaptive'`), with the measurement behind it. */
export interface ConcurrencyDecision {
  /** Epoch ms (adapter clock) of the decision. */
  readonly timestampMs: number;
  /** The limit before. */
  readonly previousLimit: number;
  /** The limit now. */
  readonly limit: number;
  /**
   * `slow-start` (doubling below the last decrease's threshold) and `increase` (+1): the window's p95 stayed under
   * the target with the limit reached; `latency`: the window's p95 exceeded the budget; `queue_exceeded`: the endpoint
   * answered 429 queue_exceeded; `timeout`: an attempt timed out.
   */
  readonly reason: ConcurrencyChangeReason;
  /** The window it was decided on: attempt-latency p95 (none for a push-back), the target and the budget, in ms. */
  readonly measurement: {
    readonly p95Ms: number | undefined;
    readonly targetMs: number;
    readonly budgetMs: number;
    readonly samples: number;
  };
}

/** The adaptive in-flight limit changed. */
export type ConcurrencyChangeEvent = ConcurrencyDecision;

export interface AdapterEventMap {
  'request-start': RequestStartEvent;
  'attempt-start': AttemptStartEvent;
  'attempt-end': AttemptEndEvent;
  'attempt-error': AttemptErrorEvent;
  'retry-scheduled': RetryScheduledEvent;
  'first-token': FirstTokenEvent;
  'stream-chunk': StreamChunkEvent;
  'batch-flush': BatchFlushEvent;
  'concurrency-change': ConcurrencyChangeEvent;
  'fallback-start': FallbackStartEvent;
  'budget-exceeded': BudgetExceededEvent;
  'circuit-state': CircuitStateEvent;
  'rate-limit': RateLimitEvent;
  'spend-limit': SpendLimitEvent;
  'request-end': RequestEndEvent;
}

/** An adapter event name. */
export type AdapterEventName = keyof AdapterEventMap;

/** A listener of one adapter event. Listeners run synchronously; a throwing listener never breaks a request. */
export type AdapterEventListener<TName extends AdapterEventName> = (event: AdapterEventMap[TName]) => void;

/** What emits adapter events (the adapter); what telemetry attaches to. */
export interface AdapterEventSource {
  /** Adds a listener; returns a function that removes it. */
  on<TName extends AdapterEventName>(name: TName, listener: AdapterEventListener<TName>): () => void;
  /** The spend limiter's figures while a spend limit applies (telemetry's spend gauges read it), else `undefined`. */
  spendStatus?(): SpendSnapshot | undefined;
}
