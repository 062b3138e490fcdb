import './runtime/check-node-floor.ts';

export type {
  BatchingSettings,
  CerebrasConfig,
  CerebrasConfigInput,
  CircuitBreakerSettings,
  ConfigMetadata,
  ConnectionSettings,
  FallbackOnSettings,
  LatencyBudgetSettings,
  MockSettings,
  RetrySettings,
  SpendSettings,
  TimeoutSettings,
  TlsSettings,
} from './config/cerebras-config.ts';
export {
  CONFIG_PRESET_NAMES,
  CONFIG_PRESETS,
  type ConfigPresetName,
  isConfigPresetName,
} from './config/config-presets.ts';
export { CerebrasConfigSchema, CONFIG_SHAPE, type ConfigKeyShape } from './config/config-schema.ts';
export { DEFAULT_CONFIG } from './config/default-config.ts';
export { minimumRequestUsd } from './config/minimum-request-cost.ts';
export {
  type AbortWatcher,
  createReusableAbortController,
  unwatchAbort,
  watchAbort,
} from './contract/abort-watch.ts';
export type {
  AdapterEventListener,
  AdapterEventMap,
  AdapterEventName,
  AdapterEventSource,
  AttemptEndEvent,
  AttemptErrorEvent,
  AttemptStartEvent,
  BatchFlushEvent,
  BudgetExceededEvent,
  CircuitStateEvent,
  ConcurrencyChangeEvent,
  ConcurrencyChangeReason,
  ConcurrencyDecision,
  ErrorType,
  EventError,
  FallbackReason,
  FallbackStartEvent,
  FirstTokenEvent,
  RateLimitEvent,
  RequestEndEvent,
  RequestEventBase,
  RequestStartEvent,
  RetryScheduledEvent,
  SpendLimitEvent,
  StreamChunkEvent,
  TransportRole,
} from './contract/adapter-events.ts';
export type {
  Admission,
  AdmissionRequest,
  AdmissionSettlement,
  AdmissionTicket,
  AdmissionVerdict,
} from './contract/admission.ts';
export {
  type ApiKeyEvent,
  type ApiKeyFunction,
  type ApiKeyInput,
  type ApiKeyLoadOptions,
  type ApiKeyLoadReason,
  type ApiKeyProvider,
  type ApiKeySource,
  type ApiKeyStatus,
  isApiKeyProvider,
  markApiKeyProvider,
} from './contract/api-key-provider.ts';
export {
  CHAT_REQUEST_WIRE_FIELDS,
  type ChatMessage,
  type ChatRequest,
  type ChatRequestWireField,
  type ChatRole,
  type ExtraBody,
  type ModelId,
  type ResponseFormat,
  type ToolCall,
  type ToolChoice,
  type ToolDefinition,
} from './contract/chat-request.ts';
export type {
  ChatResponse,
  FinishReason,
  ResponseLatency,
  TimeInfo,
  Usage,
} from './contract/chat-response.ts';
export {
  CHAT_STREAM_EVENT_TYPES,
  type ChatStreamEvent,
  type FinishEvent,
  type ReasoningDeltaEvent,
  type TextDeltaEvent,
  type ToolCallDeltaEvent,
  type ToolCallEvent,
} from './contract/chat-stream-event.ts';
export { estimatePromptTokens, estimateTextTokens, MESSAGE_OVERHEAD_TOKENS } from './contract/estimate-tokens.ts';
export { extraBodyIssues } from './contract/extra-body-issues.ts';
export type { RateLimitState, RateLimitWindow, RateLimitWindowName } from './contract/rate-limit.ts';
export type { StreamDeltaMode, Transport, TransportCallOptions } from './contract/transport.ts';
export { AbortedError } from './errors/aborted-error.ts';
export { AcptError, type AcptErrorCode, type AcptErrorOptions } from './errors/acpt-error.ts';
export { ApiKeyError, type ApiKeyProblem } from './errors/api-key-error.ts';
export { BudgetExceededError } from './errors/budget-exceeded-error.ts';
export { CircuitOpenError } from './errors/circuit-open-error.ts';
export {
  AcptConfigError,
  ConfigError,
  type ConfigIssue,
  type ConfigSource,
  describeConfigSource,
} from './errors/config-error.ts';
export { describeError, isAbortError } from './errors/describe-error.ts';
export { FallbackExhaustedError } from './errors/fallback-exhausted-error.ts';
export {
  AuthenticationError,
  type HttpErrorDetails,
  isRetryableStatus,
  NotFoundError,
  TransportHttpError,
} from './errors/http-error.ts';
export { InvalidRequestError, type RequestIssue } from './errors/invalid-request-error.ts';
export { InvalidResponseError, type ResponseIssue } from './errors/invalid-response-error.ts';
export { ModelUnavailableError } from './errors/model-unavailable-error.ts';
export { TransportNetworkError } from './errors/network-error.ts';
export { ProxyError, type ProxyProblem } from './errors/proxy-error.ts';
export { QueueFullError } from './errors/queue-full-error.ts';
export { type RateLimitDetails, RateLimitError, type RateLimitKind } from './errors/rate-limit-error.ts';
export { RetryExhaustedError, type RetryStopReason } from './errors/retry-exhausted-error.ts';
export { SpendLimitError } from './errors/spend-limit-error.ts';
export { TimeoutError, type TimeoutPhase } from './errors/timeout-error.ts';
export { TruncatedStreamError } from './errors/truncated-stream-error.ts';
export {
  ENVIRONMENT_VARIABLES,
  type EnvironmentValueKind,
  type EnvironmentVariable,
} from './loading/environment-variables.ts';
export { type LoadConfigOptions, loadConfig } from './loading/load-config.ts';
export { applyConfigPatch, parseConfig } from './loading/parse-config.ts';
export { configSourceOf } from './loading/provenance.ts';
export type { ConfigEnvironment } from './loading/read-environment.ts';
export { BUILT_IN_PRICES, type BuiltInPrice } from './pricing/built-in-prices.ts';
export { type Cost, type CostSource, mockCost, UNPRICED_COST, usdForTokens, usdForUsage } from './pricing/cost.ts';
export type { Currency, ModelPrice, PriceSource, ResolvedPrice } from './pricing/model-price.ts';
export {
  createPriceResolver,
  type PriceCatalogue,
  type PriceResolver,
  type PriceResolverOptions,
} from './pricing/price-resolver.ts';
export { type PriceSummary, summarizePrice } from './pricing/price-summary.ts';
export { assertNodeFloor, meetsNodeFloor, NODE_FLOOR } from './runtime/node-floor.ts';
export {
  type CreateApiKeyProviderOptions,
  createApiKeyProvider,
  type ReloadableApiKeyProvider,
} from './secret/create-api-key-provider.ts';
export { createKeyFileProvider, type KeyFileProviderOptions } from './secret/create-key-file-provider.ts';
export { Secret } from './secret/secret.ts';
export { toApiKeyProvider } from './secret/to-api-key-provider.ts';
export type {
  MaybePromise,
  SpendDecision,
  SpendLimiter,
  SpendLimitKind,
  SpendLimits,
  SpendRefusal,
  SpendRequest,
  SpendSnapshot,
} from './spend/spend-limiter.ts';
export { describeTimerLimit, MAX_TIMER_MS } from './timing/max-timer-ms.ts';
export { VERSION } from './version.ts';
export { canonicalJson } from './wire/canonical-json.ts';
export { errorFromHttpResponse, type HttpErrorResponse } from './wire/error-from-http-response.ts';
export { type HeaderRecord, readHeader, redactHeaders } from './wire/headers.ts';
export { parseRateLimitHeaders } from './wire/parse-rate-limit-headers.ts';
export { parseRetryAfter } from './wire/parse-retry-after.ts';
