import type { ApiKeyInput, ApiKeyProvider } from '../contract/api-key-provider.ts';
import type { ModelId } from '../contract/chat-request.ts';
import type { ModelPrice } from '../pricing/model-price.ts';
import type { Secret } from '../secret/secret.ts';

/** Per-phase deadlines, in ms. */
export interface TimeoutSettings {
  /** TCP + TLS connection set-up. */
  readonly connectMs: number;
  /** From sending a request to its response headers. */
  readonly headersMs: number;
  /** Longest silence between two stream chunks (and between body bytes). */
  readonly idleMs: number;
  /** One deadline over every attempt and every wait of a request. */
  readonly totalMs: number;
}

/** Retry policy: exponential backoff with jitter. */
export interface RetrySettings {
  /** Retries after the first attempt (0 = no retry). */
  readonly maxRetries: number;
  /** First backoff, in ms. */
  readonly initialBackoffMs: number;
  /** Backoff ceiling, in ms. */
  readonly maxBackoffMs: number;
  /** Growth factor per retry (≥ 1). */
  readonly multiplier: number;
  /** Share of the backoff that is randomised: 1 = full jitter, 0 = none. */
  readonly jitter: number;
  /** Longest server-requested wait (`retry-after`) that is honoured, in ms. */
  readonly maxServerWaitMs: number;
}

/** Micro-batching and backpressure. */
export interface BatchingSettings {
  /** Requests dispatched together at most (1 = strict arrival order). */
  readonly batchSize: number;
  /** Longest wait for a batch to fill before a partial batch is sent, in ms. */
  readonly maxWaitMs: number;
  /** Requests in flight to the transport at most. */
  readonly maxInFlight: number;
  /** Requests waiting at most; beyond it new requests fail at once with `QueueFullError`. */
  readonly queueLimit: number;
  /**
   * `fixed`: `maxInFlight` is the limit. `adaptive`: the adapter adjusts the limit between `minInFlight` and
   * `maxInFlight` from measured attempt latency and the endpoint's push-back (AIMD; see the adapter README).
   */
  readonly mode: 'fixed' | 'adaptive';
  /** Adaptive mode: the lowest in-flight limit, and where it starts. */
  readonly minInFlight: number;
  /** Adaptive mode: increase only while the windowed p95 attempt latency is under this fraction of the budget. */
  readonly targetLatencyFraction: number;
  /** Adaptive mode: successful attempts per decision window. */
  readonly adaptiveWindow: number;
  /** Adaptive mode: the limit is multiplied by this on a breach, a queue_exceeded 429 or a timeout. */
  readonly decreaseFactor: number;
  /** Adaptive mode: after a decrease, no further decrease and no increase for this long (hysteresis), in ms. */
  readonly cooldownMs: number;
}

/** The latency budget of one request. */
export interface LatencyBudgetSettings {
  /** Budget in ms. */
  readonly ms: number;
  /** `soft`: count and report breaches; `hard`: enforce as the deadline over all attempts. */
  readonly mode: 'soft' | 'hard';
}

/** Circuit breaker thresholds. */
export interface CircuitBreakerSettings {
  /** Consecutive live failures that open the circuit. */
  readonly failureThreshold: number;
  /** How long it stays open before one probe is let through, in ms. */
  readonly cooldownMs: number;
}

/** Connection pool of the live transport. */
export interface ConnectionSettings {
  /** Keep-alive connections per origin. */
  readonly connections: number;
  /** Negotiate HTTP/2 where the server offers it. */
  readonly http2: boolean;
  /**
   * Egress proxy: `env` follows `HTTPS_PROXY` / `HTTP_PROXY` / `NO_PROXY` (either case), `none` connects directly, a
   * URL (`http://user:password@proxy:3128`) always uses that proxy. Credentials in it are treated as secrets. TLS to
   * the endpoint is verified end to end through `CONNECT`. `loadConfig` and `parseConfig` fill in `env`.
   * @defaultValue 'env'
   */
  readonly proxy?: string;
}

/** TLS settings for private endpoints. Certificate verification is always on. */
export interface TlsSettings {
  /** Path of an extra CA certificate (PEM) trusted in addition to the system's. */
  readonly caFile?: string;
}

/**
 * Configuration failures the `mock` fallback may take over. They are not transient (a wrong key, a retired model, a
 * request the API refuses), so by default they reject with their typed error instead of running on mock answers.
 */
export interface FallbackOnSettings {
  /** 401 wrong key, 402 payment required, 403 not authenticated. */
  readonly access: boolean;
  /** 404: an unknown or retired model. */
  readonly notFound: boolean;
  /** 400, 413, 422: a request the API refuses. */
  readonly invalidRequest: boolean;
}

/** Settings of the deterministic mock transport. */
export interface MockSettings {
  /** Seed of the mock's replies. */
  readonly seed: number;
}

/**
 * Spend limits, enforced at admission on the worst-case cost of each live attempt (prompt estimate plus
 * `max_completion_tokens` at the model's price). Unset limits do not apply.
 */
export interface SpendSettings {
  /** Most USD the adapter may spend over its lifetime. */
  readonly maxUsd?: number;
  /** Most USD the adapter may spend in any sliding hour. */
  readonly maxUsdPerHour?: number;
}

/** Free-form metadata: flat string, number or boolean values (attached to diagnostics). */
export type ConfigMetadata = Readonly<Record<string, string | number | boolean>>;

/** The whole, validated, frozen configuration of the acpt family. */
export interface CerebrasConfig {
  /** Endpoint base URL, without `/v1`. `http://` only for loopback addresses. */
  readonly baseUrl: string;
  /** Model id; check it with the transport's `checkModel()` before a live run. */
  readonly model: ModelId;
  /** API key, required when `mockMode` is false. */
  readonly apiKey?: Secret;
  /** Where the key came from (`env CEREBRAS_API_KEY`, `file /run/secrets/key`, …), for doctor output. */
  readonly apiKeySource?: string;
  /**
   * The mounted key file `apiKey` was read from (`CEREBRAS_API_KEY_FILE`); the transport watches it and re-reads it on
   * change and on 401. Set in a configuration file or override, `loadConfig` reads the key from it.
   */
  readonly apiKeyFile?: string;
  /** Where keys come from when `apiKey` was given as a provider (function or `{ get(), ttlMs }`); no `apiKey` then. */
  readonly apiKeyProvider?: ApiKeyProvider;
  /** `X-Cerebras-Version-Patch` header value, if any. */
  readonly apiVersionPatch?: number;
  /** `max_completion_tokens` sent when a request sets none. */
  readonly maxCompletionTokens: number;
  /** Per-phase deadlines. */
  readonly timeouts: TimeoutSettings;
  /** Retry policy. */
  readonly retry: RetrySettings;
  /** Batching and backpressure. */
  readonly batching: BatchingSettings;
  /** Latency budget. */
  readonly latencyBudget: LatencyBudgetSettings;
  /** Whether streaming is allowed. */
  readonly streaming: boolean;
  /** Serve every request from the deterministic mock (no credentials needed). */
  readonly mockMode: boolean;
  /** What happens when retries are exhausted: answer from the mock, or throw. */
  readonly fallback: 'mock' | 'throw';
  /**
   * Configuration failures the `mock` fallback also takes over; always filled in by `parseConfig` (all `false`),
   * optional only so hand-built configurations from before it existed still type-check.
   */
  readonly fallbackOn?: FallbackOnSettings;
  /** Circuit breaker. */
  readonly circuitBreaker: CircuitBreakerSettings;
  /** Connection pool. */
  readonly connection: ConnectionSettings;
  /** TLS. */
  readonly tls: TlsSettings;
  /** Mock transport settings. */
  readonly mock: MockSettings;
  /** Prices by model id (USD per million tokens); they win over the served catalogue and the built-in defaults. */
  readonly pricing: Readonly<Record<string, ModelPrice>>;
  /** Spend limits. */
  readonly spend: SpendSettings;
  /** Free-form metadata. */
  readonly metadata: ConfigMetadata;
}

/**
 * A deep-partial configuration: what files, overrides and `configure()` accept. Every group (`timeouts`, `retry`, …)
 * is partial too; the key may be a plain string, a `Secret`, or a provider (`() => Promise<string>`, or an object with
 * `get()` and an optional `ttlMs`).
 */
export type CerebrasConfigInput = {
  readonly [K in Exclude<keyof CerebrasConfig, 'apiKey' | 'apiKeyProvider'>]?: NonNullable<
    CerebrasConfig[K]
  > extends object
    ? Partial<NonNullable<CerebrasConfig[K]>>
    : CerebrasConfig[K];
} & {
  /** The key, or a provider that fetches it. */
  readonly apiKey?: ApiKeyInput;
  /** A provider (what a provider-form `apiKey` becomes). */
  readonly apiKeyProvider?: ApiKeyProvider;
};
