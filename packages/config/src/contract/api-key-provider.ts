import type { Secret } from '../secret/secret.ts';

/** What a key source's `get()` receives: a signal that fires when the key is no longer wanted. */
export interface ApiKeyLoadOptions {
  /** Fires when the source's time limit passes or the provider closes; pass it on to the SDK call. */
  readonly signal: AbortSignal;
}

/** The simplest key source: a function that fetches the key (from a secret manager, a vault, …). */
export type ApiKeyFunction = (options: ApiKeyLoadOptions) => Promise<string> | string;

/** A key source with caching settings. */
export interface ApiKeySource {
  /** Fetches the current key. Called again when `ttlMs` has passed, and after the endpoint refuses the key (401). */
  get(options: ApiKeyLoadOptions): Promise<string> | string;
  /** How long a fetched key is used before it is fetched again, in ms. @defaultValue until the endpoint refuses it */
  readonly ttlMs?: number;
  /** Longest time one `get()` may take before it counts as failed, in ms. @defaultValue 10000 */
  readonly timeoutMs?: number;
  /** What doctor output and errors call this source (never the key), e.g. `aws secretsmanager prod/cerebras`. */
  readonly name?: string;
}

/** What `apiKey` accepts: the key itself, or a source that fetches it. */
export type ApiKeyInput = string | Secret | ApiKeyFunction | ApiKeySource | ApiKeyProvider;

/** Why the key was (re)loaded. */
export type ApiKeyLoadReason = 'initial' | 'ttl' | 'rejected' | 'file-change';

/** A key provider's event. Never carries a key. */
export type ApiKeyEvent =
  | {
      /** A load finished with a usable key. */
      readonly type: 'key-loaded';
      readonly source: string;
      readonly timestampMs: number;
      readonly reason: ApiKeyLoadReason;
      /** Whether the key differs from the one in use before. */
      readonly changed: boolean;
    }
  | {
      /** A load failed; `keptPreviousKey` says whether requests go on with the key in use before. */
      readonly type: 'key-load-failed';
      readonly source: string;
      readonly timestampMs: number;
      readonly reason: ApiKeyLoadReason;
      /** Why, naming the file or source, never the key. */
      readonly problem: string;
      readonly keptPreviousKey: boolean;
    };

/** A snapshot of a key provider, for diagnostics and `acpt doctor`. */
export interface ApiKeyStatus {
  /** Where keys come from: `env CEREBRAS_API_KEY`, `file /run/secrets/key`, `provider aws …`. */
  readonly source: string;
  /** `static` never changes; `file` is re-read on change and on 401; `provider` is fetched on TTL and on 401. */
  readonly kind: 'static' | 'file' | 'provider';
  /** Whether a file watcher is active. */
  readonly watching: boolean;
  /** Cache lifetime of a fetched key, in ms, when there is one. */
  readonly ttlMs: number | undefined;
  /** Epoch ms of the last successful load (start-up included). */
  readonly loadedAtMs: number | undefined;
  /** Successful loads that brought a different key. */
  readonly rotations: number;
  /** Loads that failed. */
  readonly failures: number;
  /** The most recent failure, if any: when and why (never the key). */
  readonly lastProblem: { readonly timestampMs: number; readonly problem: string } | undefined;
}

/**
 * The one interface through which API keys reach a transport: a cached key, refreshed when it expires, when a file
 * changes, or when the endpoint refuses it. Implementations hold at most one load in flight at a time and never let
 * a key reach an error, event, status or log. `createApiKeyProvider()` and `createKeyFileProvider()` build one.
 */
export interface ApiKeyProvider {
  /** What doctor output and errors call the source. */
  readonly source: string;
  /** The cached key when it is still fresh (no I/O); `undefined` when a load is needed. */
  current(): Secret | undefined;
  /**
   * The key for a request: the cached one, or a fresh load shared with every concurrent caller.
   *
   * @throws {ApiKeyError} when no usable key can be had; `signal.reason` when `signal` fires first
   */
  getKey(signal?: AbortSignal): Promise<Secret>;
  /**
   * The endpoint refused `rejected` (HTTP 401). Resolves with a different key when one is (or becomes) available —
   * loading at most once for every request that saw the same refused key — or `undefined` when the key did not change.
   * Never rejects except with `signal.reason`.
   */
  refreshAfterRejection(rejected: Secret, signal?: AbortSignal): Promise<Secret | undefined>;
  /** A snapshot for diagnostics. */
  status(): ApiKeyStatus;
  /** Adds a listener of {@link ApiKeyEvent}s; returns a function that removes it. */
  subscribe(listener: (event: ApiKeyEvent) => void): () => void;
  /** Stops watchers. Idempotent; the cached key and loads stay usable. */
  close(): void;
}

const providerMarker = Symbol.for('acpt.apiKeyProvider');

/** Brands an object as an {@link ApiKeyProvider} (a non-enumerable `Symbol.for` marker, as the errors use). */
export function markApiKeyProvider<TProvider extends ApiKeyProvider>(provider: TProvider): TProvider {
  Object.defineProperty(provider, providerMarker, { value: true, enumerable: false });
  return provider;
}

/** True for an object built by `createApiKeyProvider()` (any copy of this package) or branded by `markApiKeyProvider`. */
export function isApiKeyProvider(value: unknown): value is ApiKeyProvider {
  return typeof value === 'object' && value !== null && (value as Record<symbol, unknown>)[providerMarker] === true;
}
