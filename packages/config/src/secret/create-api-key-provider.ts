import { inspect } from 'node:util';
import {
  type ApiKeyEvent,
  type ApiKeyLoadOptions,
  type ApiKeyLoadReason,
  type ApiKeyProvider,
  type ApiKeyStatus,
  markApiKeyProvider,
} from '../contract/api-key-provider.ts';
import { AcptError } from '../errors/acpt-error.ts';
import { ApiKeyError } from '../errors/api-key-error.ts';
import { scrubSecrets } from '../loading/render-value.ts';
import { checkKeyText } from './check-key-text.ts';
import { raceSignal } from './race-signal.ts';
import type { Secret } from './secret.ts';

/** Options of {@link createApiKeyProvider}. */
export interface CreateApiKeyProviderOptions {
  /** Fetches the key text; may throw (an `ApiKeyError` is kept as is, anything else becomes `provider-failed`). */
  readonly load: (options: ApiKeyLoadOptions) => Promise<string> | string;
  /** What doctor output, events and errors call the source (never the key). */
  readonly source: string;
  /** How the key is refreshed, for the status. @defaultValue 'provider' */
  readonly kind?: ApiKeyStatus['kind'];
  /** Cache lifetime of a loaded key, in ms. @defaultValue until the endpoint refuses it */
  readonly ttlMs?: number;
  /** Longest time one load may take, in ms; a load still running then fails with `provider-timeout`. @defaultValue 10000 */
  readonly timeoutMs?: number;
  /** A key already loaded (at start-up), used until it expires or is refused. */
  readonly initial?: Secret;
  /** Shortest time between two loads caused by refusals of the same key, in ms. @defaultValue 1000 */
  readonly minRejectionIntervalMs?: number;
  /** After a failed load, the old key is kept and the load retried at most this often, in ms. @defaultValue 1000 */
  readonly retryAfterFailureMs?: number;
  /** Epoch ms. @defaultValue `Date.now` */
  readonly clock?: () => number;
  /** Receives one line per failed load (never the key). @defaultValue `console.warn` */
  readonly log?: (line: string) => void;
}

/** A provider whose owner can ask for a reload (a file watcher does). */
export interface ReloadableApiKeyProvider extends ApiKeyProvider {
  /** Loads again (after the load in flight, if any, which may predate the change); resolves once it is over. */
  reload(reason: ApiKeyLoadReason): Promise<void>;
  /** Sets what `status().watching` reports and what `close()` stops. */
  attachWatcher(watcher: { readonly active: () => boolean; close(): void }): void;
}

function defaultLog(line: string): void {
  console.warn(`[acpt] ${line}`);
}

function toKeyError(error: unknown, source: string, known: Secret | undefined): ApiKeyError {
  if (ApiKeyError.isInstance(error)) return error;
  const secrets = known === undefined ? [] : [known.reveal()];
  const detail = error instanceof Error ? `${error.name}: ${error.message}` : String(error);
  const scrubbed = scrubSecrets(detail, secrets);
  // The cause is kept only when nothing in it looks like a key (known, or `csk-…`-shaped).
  const rendered = inspect(error, { depth: 6 });
  const clean = scrubSecrets(rendered, secrets) === rendered;
  return new ApiKeyError('provider-failed', `${source} failed to provide an API key: ${scrubbed}`, {
    source,
    cause: clean ? error : undefined,
  });
}

/**
 * Builds the family's {@link ApiKeyProvider} over any key source: the loaded key is cached (for `ttlMs`, or until the
 * endpoint refuses it), at most one load is in flight at a time (every caller shares it), each load is bounded by
 * `timeoutMs` and each caller by its own signal, and a failed or bad load keeps the previous key and reports why
 * (event, status, log line) without ever showing a key.
 *
 * @example
 * ```ts
 * const provider = createApiKeyProvider({ source: 'vault kv/cerebras', ttlMs: 300_000, load: () => readFromVault() });
 * ```
 */
export function createApiKeyProvider(options: CreateApiKeyProviderOptions): ReloadableApiKeyProvider {
  const { source, ttlMs } = options;
  const clock = options.clock ?? Date.now;
  const log = options.log ?? defaultLog;
  const timeoutMs = options.timeoutMs ?? 10_000;
  const retryAfterFailureMs = options.retryAfterFailureMs ?? 1000;
  const minRejectionIntervalMs = options.minRejectionIntervalMs ?? 1000;
  const listeners = new Set<(event: ApiKeyEvent) => void>();
  let key = options.initial;
  let loadedAtMs = key === undefined ? undefined : clock();
  let freshUntilMs = key === undefined ? Number.NEGATIVE_INFINITY : (loadedAtMs as number) + (ttlMs ?? Infinity);
  let inflight: Promise<Secret> | undefined;
  let lastRejection: { readonly key: Secret; readonly atMs: number } | undefined;
  let rotations = 0;
  let failures = 0;
  let lastProblem: ApiKeyStatus['lastProblem'];
  let watcher: { readonly active: () => boolean; close(): void } | undefined;

  const emit = (event: ApiKeyEvent): void => {
    for (const listener of listeners) {
      try {
        listener(event);
      } catch {
        // a throwing listener never breaks a load
      }
    }
  };

  const loadOnce = async (reason: ApiKeyLoadReason): Promise<Secret> => {
    const timeout = new AbortController();
    const timer = setTimeout(() => timeout.abort(), timeoutMs);
    timer.unref?.();
    const { signal } = timeout;
    try {
      const loading = Promise.resolve().then(() => options.load({ signal }));
      const expired = new Promise<never>((_resolve, reject) => {
        signal.addEventListener('abort', () => {
          reject(new ApiKeyError('provider-timeout', `${source} gave no key within ${timeoutMs} ms`, { source }));
        });
      });
      const checked = checkKeyText(await Promise.race([loading, expired]), source);
      if (AcptError.isInstance(checked)) throw checked;
      const changed = key === undefined || key.reveal() !== checked.reveal();
      if (changed && key !== undefined) rotations += 1;
      if (changed) key = checked;
      const loaded = key ?? checked;
      loadedAtMs = clock();
      freshUntilMs = loadedAtMs + (ttlMs ?? Infinity);
      if (changed || reason !== 'file-change') {
        emit({ type: 'key-loaded', source, timestampMs: loadedAtMs, reason, changed });
      }
      return loaded;
    } catch (error) {
      const failure = toKeyError(error, source, key);
      const now = clock();
      failures += 1;
      lastProblem = { timestampMs: now, problem: failure.message };
      const kept = key !== undefined;
      if (kept) freshUntilMs = Math.min(freshUntilMs, now + retryAfterFailureMs);
      log(`API key ${reason} load failed: ${failure.message}${kept ? '; the key in use is kept' : ''}`);
      emit({
        type: 'key-load-failed',
        source,
        timestampMs: now,
        reason,
        problem: failure.message,
        keptPreviousKey: kept,
      });
      throw failure;
    } finally {
      clearTimeout(timer);
    }
  };

  const startLoad = (reason: ApiKeyLoadReason): Promise<Secret> => {
    if (inflight !== undefined) return inflight;
    const running = loadOnce(reason).finally(() => {
      inflight = undefined;
    });
    inflight = running;
    return running;
  };

  const current = (): Secret | undefined => (key !== undefined && clock() < freshUntilMs ? key : undefined);

  return markApiKeyProvider({
    source,
    current,
    async getKey(signal?: AbortSignal): Promise<Secret> {
      const fresh = current();
      if (fresh !== undefined) return fresh;
      try {
        return await raceSignal(startLoad(key === undefined ? 'initial' : 'ttl'), signal);
      } catch (error) {
        if (signal?.aborted) throw signal.reason;
        if (key !== undefined) return key;
        throw error;
      }
    },
    async refreshAfterRejection(rejected: Secret, signal?: AbortSignal): Promise<Secret | undefined> {
      const differs = (): Secret | undefined =>
        key !== undefined && key.reveal() !== rejected.reveal() ? key : undefined;
      if (differs() !== undefined) return differs();
      let loading = inflight;
      const sameAsLast = lastRejection !== undefined && lastRejection.key.reveal() === rejected.reveal();
      if (loading === undefined && !(sameAsLast && clock() - (lastRejection?.atMs ?? 0) < minRejectionIntervalMs)) {
        lastRejection = { key: rejected, atMs: clock() };
        loading = startLoad('rejected');
      }
      if (loading !== undefined) {
        try {
          await raceSignal(loading, signal);
        } catch {
          if (signal?.aborted) throw signal.reason;
        }
      }
      return differs();
    },
    status: (): ApiKeyStatus => ({
      source,
      kind: options.kind ?? 'provider',
      watching: watcher?.active() ?? false,
      ttlMs,
      loadedAtMs,
      rotations,
      failures,
      lastProblem,
    }),
    subscribe(listener: (event: ApiKeyEvent) => void): () => void {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    close(): void {
      watcher?.close();
    },
    async reload(reason: ApiKeyLoadReason): Promise<void> {
      // A load already running may have read the source before the change: wait for it, then load again.
      while (inflight !== undefined) await inflight.catch(() => undefined);
      await startLoad(reason).catch(() => undefined);
    },
    attachWatcher(next: { readonly active: () => boolean; close(): void }): void {
      watcher = next;
    },
  });
}
