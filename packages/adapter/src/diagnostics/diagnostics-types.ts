import type {
  ApiKeyStatus,
  ConcurrencyDecision,
  EventError,
  FallbackReason,
  RateLimitKind,
  RateLimitState,
  SpendLimitKind,
  SpendSnapshot,
} from '@acpt/config';
import type { CircuitSnapshot } from '../circuit/circuit-breaker.ts';
import type { ConfigurationFailureEntry } from '../request/configuration-failure.ts';
import type { CostDiagnostics } from './cost-ledger.ts';
import type { LatencySummary } from './latency-histogram.ts';

/** How requests settled so far. `submitted` always equals the sum of the other six. */
export interface RequestCounts {
  /** Logical requests accepted (queue-full rejections included). */
  readonly submitted: number;
  /** Answered by the primary path (live, or the mock in mock mode). */
  readonly succeeded: number;
  /** Answered by the mock fallback. */
  readonly fellBack: number;
  /** Rejected with an error (queue full, retries exhausted, deadline, …). */
  readonly failed: number;
  /** Cancelled by their caller or by `close({ mode: 'cancel' })`. */
  readonly aborted: number;
  /** Being executed now (attempts and waits between them). */
  readonly inFlight: number;
  /** Waiting for a slot in the queue. */
  readonly queued: number;
}

/** One of the last errors, as events carry it (redacted). */
export interface RecentError {
  readonly requestId: string;
  readonly timestampMs: number;
  readonly error: EventError;
}

/** A plain, JSON-serialisable snapshot of the adapter's state and history. */
export interface AdapterDiagnostics {
  /** Where new requests go: `live` or `mock`. */
  readonly mode: 'live' | 'mock';
  /** The configured fallback policy. */
  readonly fallbackPolicy: 'mock' | 'throw';
  /** Whether `close()` was called. */
  readonly closed: boolean;
  readonly counts: RequestCounts;
  /** Fallbacks by reason. */
  readonly fallbacksByReason: Readonly<Record<FallbackReason, number>>;
  /** From submission to settlement of answered requests (queue wait included). */
  readonly latencyMs: LatencySummary;
  /** Streams only: from submission to the first delta reaching the caller. */
  readonly timeToFirstTokenMs: LatencySummary;
  /** Tokens billed over every attempt that reported usage. */
  readonly tokens: { readonly prompt: number; readonly completion: number; readonly total: number };
  /** Attempts made (fallback calls included). */
  readonly attempts: number;
  /** Retries scheduled, by the `error.type` that caused them (`rate-limit-admission` for admission waits). */
  readonly retriesByReason: Readonly<Record<string, number>>;
  /** Latency-budget breaches by mode. */
  readonly budgetBreaches: { readonly soft: number; readonly hard: number };
  readonly rateLimits: {
    /** 429 responses by kind. */
    readonly byKind: Readonly<Record<RateLimitKind, number>>;
    /** The last rate-limit headers seen. */
    readonly last?: RateLimitState;
    /** Requests held back by token-budget admission. */
    readonly admissionWaits: number;
  };
  readonly circuit: CircuitSnapshot;
  readonly batching: {
    /** Micro-batches dispatched (batch size above 1 only). */
    readonly microBatches: number;
    /** Templated (packed) calls made. */
    readonly templatedBatches: number;
    /** Requests saved by templated batching. */
    readonly savedRequests: number;
    /** Prompt tokens saved by templated batching (estimated). */
    readonly savedTokens: number;
  };
  /** The in-flight limit: fixed, or adaptive with its bounds and the last decisions (at most 10, oldest first). */
  readonly concurrency: {
    readonly mode: 'fixed' | 'adaptive';
    readonly limit: number;
    readonly minInFlight: number;
    readonly maxInFlight: number;
    readonly decisions: readonly ConcurrencyDecision[];
  };
  /** The last errors (at most 10), oldest first, redacted. */
  readonly lastErrors: readonly RecentError[];
  /** Listener calls that threw (and were isolated). */
  readonly listenerErrors: number;
  /**
   * The live transport's key status (source, file watch, last reload, rotations, the last refused reload and why),
   * when it reports one; never the key.
   */
  readonly apiKey?: ApiKeyStatus;
  /** What requests cost (bounded breakdowns) and what the spend limit refused. */
  readonly cost: CostDiagnostics & { readonly spend: SpendDiagnostics };
  /**
   * Configuration failures of the live path (wrong key, no credit, retired model, refused request), one entry per
   * status and code; present only once one happened.
   */
  readonly configurationFailures?: readonly ConfigurationFailureEntry[];
}

/** The spend limit's side of `diagnostics().cost`. */
export interface SpendDiagnostics {
  /** Whether admission consults a spend limiter. */
  readonly active: boolean;
  /** Live attempts refused, by limit. */
  readonly refused: Readonly<Record<SpendLimitKind, number>>;
  /** The limiter's figures (limits, spent, last hour, reserved), while active. */
  readonly limiter?: SpendSnapshot;
}
