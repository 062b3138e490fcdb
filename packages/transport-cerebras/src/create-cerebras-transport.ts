import {
  type CerebrasConfig,
  type ChatRequest,
  type ChatResponse,
  type ChatStreamEvent,
  type Transport,
  type TransportCallOptions,
  TransportNetworkError,
} from '@acpt/config';
import type { Dispatcher } from 'undici';
import { type CallScope, createCallScope } from './call/call-scope.ts';
import { completeChat } from './call/complete-chat.ts';
import { streamChat } from './call/stream-chat.ts';
import { createAgent } from './connection/create-agent.ts';
import { checkModel, type ListModelsOptions, listModels } from './models/list-models.ts';
import { warmConnection } from './models/warm-connection.ts';
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
   * Resolves when `model` (default: the configured one) is served; rejects with `ModelUnavailableError` naming the
   * available models otherwise, or with `AuthenticationError` when the key is refused.
   */
  checkModel(model?: string): Promise<void>;
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
  readonly #scope: CallScope;
  readonly #ownedDispatcher: Dispatcher | undefined;
  #closing: Promise<void> | undefined;

  constructor(options: CerebrasTransportOptions) {
    const settings = resolveTransportSettings(options.config);
    this.#ownedDispatcher = options.dispatcher === undefined ? createAgent(settings) : undefined;
    const dispatcher = options.dispatcher ?? (this.#ownedDispatcher as Dispatcher);
    this.#scope = createCallScope(settings, dispatcher, options.clock ?? Date.now, () => this.#closing !== undefined);
    this.serverAddress = settings.serverAddress;
    this.serverPort = settings.serverPort;
  }

  complete(request: ChatRequest, options?: TransportCallOptions): Promise<ChatResponse> {
    if (this.#closing !== undefined) return Promise.reject(closedError(this.#scope));
    return completeChat(this.#scope, request, options?.signal);
  }

  stream(request: ChatRequest, options?: TransportCallOptions): AsyncIterable<ChatStreamEvent> {
    if (this.#closing !== undefined) return rejectedStream(closedError(this.#scope));
    return streamChat(this.#scope, request, options?.signal);
  }

  warm(): void {
    if (this.#closing === undefined) warmConnection(this.#scope);
  }

  listModels(options?: ListModelsOptions): Promise<string[]> {
    if (this.#closing !== undefined) return Promise.reject(closedError(this.#scope));
    return listModels(this.#scope, options);
  }

  checkModel(model?: string): Promise<void> {
    return checkModel(this.#scope, model ?? this.#scope.settings.model);
  }

  close(): Promise<void> {
    this.#closing ??= this.#ownedDispatcher === undefined ? Promise.resolve() : this.#ownedDispatcher.destroy();
    return this.#closing;
  }
}

/**
 * Creates the live Cerebras transport: one undici keep-alive pool (`config.connection`), TLS verification always on
 * (plus `config.tls.caFile`), the connect, headers and idle deadlines of `config.timeouts`, and exactly one attempt
 * per call (retries are the adapter's job).
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
