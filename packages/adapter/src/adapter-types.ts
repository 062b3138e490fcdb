import type {
  Admission,
  CerebrasConfig,
  ChatMessage,
  ChatRequest,
  ChatResponse,
  ChatStreamEvent,
  Cost,
  FallbackReason,
  PriceResolver,
  ResponseFormat,
  SpendLimiter,
  ToolChoice,
  ToolDefinition,
  Transport,
} from '@acpt/config';
import type { CerebrasProviderOptions } from './options/provider-options.ts';
import type { WarningSink } from './request/configuration-failure.ts';
import type { Clock, Sleep } from './timing/timers.ts';

/** What the adapter is built from besides its configuration. Every collaborator is injectable. */
export interface AdapterOptions {
  /** The live transport (`@acpt/transport-cerebras`). Required when requests may go live. */
  readonly transport?: Transport | undefined;
  /** The mock transport (`@acpt/transport-mock`): serves mock mode and the `mock` fallback. */
  readonly mockTransport?: Transport | undefined;
  /**
   * Decides when live requests may be sent (reserve before, settle after, headers fed in). Pass `@acpt/campaign`'s
   * Redis admission to share one quota across processes and machines.
   * @defaultValue an in-process `TokenAdmission` over the last `x-ratelimit-*-tokens-minute` headers
   */
  readonly admission?: Admission | undefined;
  /** Overrides `config.mockMode` until a `configure()` patch sets `mockMode`. */
  readonly useMock?: boolean | undefined;
  /** Time source for deadlines, events and latencies. @defaultValue `performance`-based epoch ms */
  readonly clock?: Clock | undefined;
  /**
   * Abortable wait used for backoff, admission waits, deadlines and batch waits (inject a virtual one in tests).
   * @defaultValue `setTimeout`
   */
  readonly sleep?: Sleep | undefined;
  /** Uniform random numbers in [0, 1) for jitter. @defaultValue `Math.random` */
  readonly random?: (() => number) | undefined;
  /** Whether `close()` also closes the injected transports. @defaultValue true */
  readonly closeTransports?: boolean | undefined;
  /**
   * Prices of models. @defaultValue `createPriceResolver` over `config.pricing`, the live transport's
   * `priceCatalogue` and the built-in defaults
   */
  readonly prices?: PriceResolver | undefined;
  /**
   * The spend limit admission consults before each live attempt; inject a shared one (e.g. Redis-backed) to hold one
   * limit across processes. `configure({ spend })` calls its `setLimits`.
   * @defaultValue an in-process limiter over `config.spend`, consulted only while a limit is set
   */
  readonly spendLimiter?: SpendLimiter | undefined;
  /**
   * Announces a configuration failure of the live path (401, 402, 403, 404, 400, 413, 422), once per kind.
   * @defaultValue `process.emitWarning` (type `AcptWarning`, code `ACPT_CONFIGURATION_FAILURE`)
   */
  readonly warn?: WarningSink | undefined;
}

/** Options of `createAdapter()`: the configuration plus {@link AdapterOptions}. */
export interface CreateAdapterOptions extends AdapterOptions {
  /** The validated configuration (from `loadConfig` / `parseConfig` of `@acpt/config`). */
  readonly config: CerebrasConfig;
}

/** What `generate()` and `stream()` accept: a prompt, a conversation, or a whole request. */
export type GenerateInput = string | readonly ChatMessage[] | ChatRequest;

/** Per-call options. Fields that also exist on `ChatRequest` override the request's. */
export interface GenerateOptions {
  /** Cancels the request; it then rejects with `signal.reason` and is never retried. */
  readonly signal?: AbortSignal | undefined;
  /** The latency budget of this request, in ms. @defaultValue `config.latencyBudget.ms` */
  readonly budgetMs?: number | undefined;
  /** `soft` reports breaches; `hard` makes the budget the deadline. @defaultValue `config.latencyBudget.mode` */
  readonly budgetMode?: 'soft' | 'hard' | undefined;
  /** Model id. @defaultValue `config.model` */
  readonly model?: string | undefined;
  /** Upper bound on generated tokens. @defaultValue `config.maxCompletionTokens` */
  readonly maxCompletionTokens?: number | undefined;
  /** Output shape (text, JSON object, JSON schema). */
  readonly responseFormat?: ResponseFormat | undefined;
  /** Sampling temperature. */
  readonly temperature?: number | undefined;
  /** Best-effort determinism seed. */
  readonly seed?: number | undefined;
  /** A system message put before a string prompt. */
  readonly system?: string | undefined;
  /** Free-form attributes passed on `request-start` (agent name, step, …). */
  readonly attributes?: Readonly<Record<string, string | number | boolean>> | undefined;
  /** Function tools the model may call in this request (validated as Cerebras validates them). */
  readonly tools?: readonly ToolDefinition[] | undefined;
  /** Which tool the model must call, if any; needs `tools`. */
  readonly toolChoice?: ToolChoice | undefined;
  /**
   * Cerebras request parameters of this call (`topP`, `stop`, penalties, `logprobs`, `serviceTier`, `prediction`,
   * `promptCacheKey`, `reasoningEffort`, …) and an `extraBody` passthrough for newer ones. Invalid values, unknown
   * names and passthrough keys that collide with a field the adapter owns reject with `InvalidRequestError`.
   */
  readonly providerOptions?: CerebrasProviderOptions | undefined;
}

/** A response of the adapter: the transport's response plus how the adapter obtained it. */
export interface AdapterResponse extends ChatResponse {
  /**
   * The adapter's id of the logical request (the one its events carry). The server's id of the HTTP exchange is
   * `serverRequestId`.
   */
  readonly requestId: string;
  /** Attempts made, the fallback call included. */
  readonly attempts: number;
  /** Set when the mock fallback answered, with the reason. */
  readonly fallback?: { readonly reason: FallbackReason };
  /** Whether the request took longer than its latency budget (soft mode; hard mode rejects instead). */
  readonly budgetExceeded: boolean;
  /**
   * What the request cost over every billed attempt: USD at the model's price (`usd: null` when unknown), or 0 with
   * source `mock` (and the list-price estimate) when the mock answered.
   */
  readonly cost: Cost;
}

/**
 * One event of `stream()`: the transports' {@link ChatStreamEvent} union, whose final `finish` event carries the
 * adapter's response. Deltas (`text-delta`, `reasoning-delta`, `tool-call-delta`) as they reach the caller, a
 * `tool-call` per finished call, then exactly one `finish`.
 */
export type AdapterStreamEvent = ChatStreamEvent<AdapterResponse>;

/** One request of `generateMany()`. */
export interface GenerateManyItem {
  readonly input: GenerateInput;
  readonly options?: GenerateOptions | undefined;
}

/** Options of `close()`. */
export interface CloseOptions {
  /**
   * `drain` (default) waits for queued and in-flight requests; `cancel` rejects queued ones and aborts in-flight ones
   * with `AbortedError`.
   */
  readonly mode?: 'drain' | 'cancel' | undefined;
}
