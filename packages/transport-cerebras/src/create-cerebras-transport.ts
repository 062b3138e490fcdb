import {
  type ApiKeyEvent,
  type ApiKeyStatus,
  type CerebrasConfig,
  type ChatRequest,
  type ChatResponse,
  type ChatStreamEvent,
  type PriceCatalogue,
  type Transport,
  type TransportCallOptions,
  TransportNetworkError,
} from '@acpt/config';
import type { Dispatcher } from 'undici';
import { createKeyedScopes } from './auth/keyed-scopes.ts';
import { createTransportKeyProvider } from './auth/transport-key-provider.ts';
import { callWithApiKey, type KeyedCalls, streamWithApiKey } from './auth/with-api-key.ts';
import { type CallScope, createCallScope } from './call/call-scope.ts';
import { completeChat } from './call/complete-chat.ts';
import { streamChat } from './call/stream-chat.ts';
import { createAgent } from './connection/create-agent.ts';
import { fetchCataloguePrices } from './models/fetch-catalogue-prices.ts';
import { checkModel, type ListModelsOptions, listModels } from './models/list-models.ts';
import { probeConnection, warmConnection } from './models/warm-connection.ts';
import { type ResolvedProxy, resolveProxy } from './proxy/resolve-proxy.ts';
import { resolveTransportSettings } from './settings/resolve-transport-settings.ts';

/** Options of {@link createCerebrasTransport}. */
export interface CerebrasTransportOptions {
  /** The validated configuration (`@acpt/config`); `apiKey` is required. */
  readonly config: CerebrasConfig;
  /**
   * A dispatcher to send requests through instead of the transport's own keep-alive `Agent` (an undici `MockAgent`
   * in tests, a proxy agent). The transport never closes an injected dispatcher; its owner does.
   */
  readonly dispatcher?: Dispatcher;
  /** Epoch ms, for rate-limit state and `retry-after` dates. @defaultValue `Date.now` */
  readonly clock?: () => number;
  /** Where `HTTPS_PROXY` / `HTTP_PROXY` / `NO_PROXY` are read when `connection.proxy` is `env`. @defaultValue `process.env` */
  readonly env?: Readonly<Record<string, string | undefined>>;
  /** Watch `config.apiKeyFile` for rotations (it is re-read on 401 either way). @defaultValue true */
  readonly watchKeyFile?: boolean;
  /** Receives one line per refused key-file re-read (never a key). @defaultValue `console.warn` */
  readonly log?: (line: string) => void;
}

/** The egress proxy a transport uses (decided at creation), safe to print. */
export interface TransportProxyStatus {
  /** The proxy URL with its password `[redacted]`, or `direct`. */
  readonly display: string;
  /** Why: `connection.proxy`, `env HTTPS_PROXY`, `NO_PROXY exempts <host>`, `injected dispatcher`, … */
  readonly reason: string;
}

/** The live Cerebras transport: the shared `Transport` contract plus connection warm-up and model preflight. */
export interface CerebrasTransport extends Transport {
  /** Always `cerebras`. */
  readonly provider: 'cerebras';
  /** Host of the base URL. */
  readonly serverAddress: string;
  /** Port of the base URL (443 for `https://` without one). */
  readonly serverPort: number;
  /** Fire-and-forget `GET /v1/tcp_warming` (1 s deadline) so the first request skips TCP and TLS set-up. */
  warm(): void;
  /** Ids of the models the endpoint serves (`GET /v1/models`). */
  listModels(options?: ListModelsOptions): Promise<string[]>;
  /**
   * The prices the endpoint serves (`GET /v1/models?format=openrouter`, USD-per-token strings read as USD per million
   * tokens): what the adapter's price resolver reads, cached with its TTL. Rejects with `InvalidResponseError` for
   * malformed pricing (the resolver then keeps the configured and built-in prices).
   */
  readonly priceCatalogue: PriceCatalogue;
  /**
   * Resolves when `model` (default: the configured one) is served; rejects with `ModelUnavailableError` naming the
   * available models otherwise, or with `AuthenticationError` when the key is refused.
   */
  checkModel(model?: string): Promise<void>;
  /** The egress proxy in use. */
  readonly proxy: TransportProxyStatus;
  /**
   * Checks the endpoint is reachable the way calls reach it (through the proxy, TLS verified) with `GET
   * /v1/tcp_warming` (no key sent). Resolves with the measured time in ms; rejects with the call's typed errors.
   */
  probe(options?: { readonly signal?: AbortSignal }): Promise<number>;
  /** Where the key comes from and how it is kept fresh: source, file watch, last reload, failures (never the key). */
  keyStatus(): ApiKeyStatus;
  /** Adds a listener of key reloads and refused re-reads (never carrying a key); returns a function that removes it. */
  onKeyEvent(listener: (event: ApiKeyEvent) => void): () => void;
  /** Ends every socket of the transport's own pool at once (in-flight calls fail); idempotent. */
  close(): Promise<void>;
}

function closedError(scope: CallScope): TransportNetworkError {
  return new TransportNetworkError(`${scope.chat.url}: the transport is closed`, { retryable: false });
}

// biome-ignore lint/correctness/useYield: a stream that fails on its first step, like a live one would
async function* rejectedStream(error: unknown): AsyncGenerator<ChatStreamEvent, void, undefined> {
  throw error;
}

class UndiciCerebrasTransport implements CerebrasTransport {
  readonly provider = 'cerebras' as const;
  readonly serverAddress: string;
  readonly serverPort: number;
  readonly proxy: TransportProxyStatus;
  readonly priceCatalogue: PriceCatalogue;
  readonly #scope: CallScope;
  readonly #keyed: KeyedCalls;
  readonly #ownedDispatcher: Dispatcher | undefined;
  #closing: Promise<void> | undefined;

  constructor(options: CerebrasTransportOptions) {
    const checked = resolveTransportSettings(options.config);
    const proxy: ResolvedProxy =
      options.dispatcher === undefined
        ? resolveProxy({
            setting: options.config.connection.proxy ?? 'env',
            env: options.env ?? process.env,
            endpoint: new URL(checked.origin),
          })
        : { url: undefined, display: 'direct', reason: 'injected dispatcher' };
    const settings = { ...checked, proxy };
    this.#ownedDispatcher = options.dispatcher === undefined ? createAgent(settings) : undefined;
    const dispatcher = options.dispatcher ?? (this.#ownedDispatcher as Dispatcher);
    this.#scope = createCallScope(settings, dispatcher, options.clock ?? Date.now, () => this.#closing !== undefined);
    const keys = createTransportKeyProvider(options.config, {
      watchKeyFile: options.watchKeyFile ?? true,
      log: options.log,
    });
    this.#keyed = { keys, scopeFor: createKeyedScopes(this.#scope) };
    this.serverAddress = settings.serverAddress;
    this.serverPort = settings.serverPort;
    this.proxy = { display: proxy.display, reason: proxy.reason };
    this.priceCatalogue = {
      fetchPrices: (fetchOptions) => {
        if (this.#closing !== undefined) return Promise.reject(closedError(this.#scope));
        const signal = fetchOptions?.signal;
        return callWithApiKey(this.#keyed, signal, (scope) => fetchCataloguePrices(scope, { signal }));
      },
    };
  }

  complete(request: ChatRequest, options?: TransportCallOptions): Promise<ChatResponse> {
    if (this.#closing !== undefined) return Promise.reject(closedError(this.#scope));
    const signal = options?.signal;
    if (this.#keyed.keys.isStatic) return completeChat(this.#scope, request, signal);
    return callWithApiKey(this.#keyed, signal, (scope) => completeChat(scope, request, signal));
  }

  stream(request: ChatRequest, options?: TransportCallOptions): AsyncIterable<ChatStreamEvent> {
    if (this.#closing !== undefined) return rejectedStream(closedError(this.#scope));
    const signal = options?.signal;
    const deltas = options?.deltas ?? 'coalesced';
    if (this.#keyed.keys.isStatic) return streamChat(this.#scope, request, signal, deltas);
    return streamWithApiKey(this.#keyed, signal, (scope) => streamChat(scope, request, signal, deltas));
  }

  warm(): void {
    if (this.#closing === undefined) warmConnection(this.#scope);
  }

  listModels(options?: ListModelsOptions): Promise<string[]> {
    if (this.#closing !== undefined) return Promise.reject(closedError(this.#scope));
    return callWithApiKey(this.#keyed, options?.signal, (scope) => listModels(scope, options));
  }

  checkModel(model?: string): Promise<void> {
    const wanted = model ?? this.#scope.settings.model;
    return callWithApiKey(this.#keyed, undefined, (scope) => checkModel(scope, wanted));
  }

  probe(options?: { readonly signal?: AbortSignal }): Promise<number> {
    if (this.#closing !== undefined) return Promise.reject(closedError(this.#scope));
    return probeConnection(this.#scope, options?.signal);
  }

  keyStatus(): ApiKeyStatus {
    return this.#keyed.keys.provider.status();
  }

  onKeyEvent(listener: (event: ApiKeyEvent) => void): () => void {
    return this.#keyed.keys.provider.subscribe(listener);
  }

  close(): Promise<void> {
    if (this.#closing === undefined && this.#keyed.keys.owned) this.#keyed.keys.provider.close();
    this.#closing ??= this.#ownedDispatcher === undefined ? Promise.resolve() : this.#ownedDispatcher.destroy();
    return this.#closing;
  }
}

/**
 * Creates the live Cerebras transport: one undici keep-alive pool (`config.connection`, behind the egress proxy of
 * `connection.proxy` / `HTTPS_PROXY` when there is one), TLS verification always on end to end (plus
 * `config.tls.caFile`), the connect, headers and idle deadlines of `config.timeouts`, and one attempt per call
 * (retries are the adapter's job) — sent once more only when the endpoint refused a rotating key (401) and the key
 * file or provider has a different one.
 *
 * @throws {AcptConfigError} without `config.apiKey`, for `http://` to a non-loopback host, or an unreadable
 * `tls.caFile`
 * @example
 * ```ts
 * const transport = createCerebrasTransport({ config });
 * transport.warm();
 * await transport.checkModel();
 * const reply = await transport.complete({ messages: [{ role: 'user', content: 'Hi' }] });
 * await transport.close();
 * ```
 */
export function createCerebrasTransport(options: CerebrasTransportOptions): CerebrasTransport {
  return new UndiciCerebrasTransport(options);
}
