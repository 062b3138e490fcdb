/** Attribute names shared by both naming modes: GenAI v1.41.0, the Stable HTTP ones, and our own `acpt.*`. */
export const ATTR = {
  operationName: 'gen_ai.operation.name',
  providerName: 'gen_ai.provider.name',
  legacySystem: 'gen_ai.system',
  requestModel: 'gen_ai.request.model',
  requestStream: 'gen_ai.request.stream',
  requestSeed: 'gen_ai.request.seed',
  requestMaxTokens: 'gen_ai.request.max_tokens',
  requestTemperature: 'gen_ai.request.temperature',
  requestTopP: 'gen_ai.request.top_p',
  requestStopSequences: 'gen_ai.request.stop_sequences',
  outputType: 'gen_ai.output.type',
  responseId: 'gen_ai.response.id',
  responseModel: 'gen_ai.response.model',
  responseFinishReasons: 'gen_ai.response.finish_reasons',
  responseTimeToFirstChunk: 'gen_ai.response.time_to_first_chunk',
  usageInputTokens: 'gen_ai.usage.input_tokens',
  usageOutputTokens: 'gen_ai.usage.output_tokens',
  usageReasoningOutputTokens: 'gen_ai.usage.reasoning.output_tokens',
  usageCacheReadInputTokens: 'gen_ai.usage.cache_read.input_tokens',
  tokenType: 'gen_ai.token.type',
  tokenModality: 'gen_ai.token.modality',
  inputMessages: 'gen_ai.input.messages',
  outputMessages: 'gen_ai.output.messages',
  systemInstructions: 'gen_ai.system_instructions',
  toolDefinitions: 'gen_ai.tool.definitions',
  errorType: 'error.type',
  exceptionType: 'exception.type',
  exceptionMessage: 'exception.message',
  serverAddress: 'server.address',
  serverPort: 'server.port',
  httpRequestMethod: 'http.request.method',
  httpResendCount: 'http.request.resend_count',
  httpStatusCode: 'http.response.status_code',
  timeQueue: 'cerebras.time_info.queue_time',
  timePrompt: 'cerebras.time_info.prompt_time',
  timeCompletion: 'cerebras.time_info.completion_time',
  timeTotal: 'cerebras.time_info.total_time',
  retryAttempts: 'acpt.retry.attempts',
  retryDelayMs: 'acpt.retry.delay_ms',
  retryReason: 'acpt.retry.reason',
  retryDelaySource: 'acpt.retry.delay_source',
  fallback: 'acpt.fallback',
  fallbackReason: 'acpt.fallback.reason',
  batchId: 'acpt.batch.id',
  batchSize: 'acpt.batch.size',
  batchKind: 'acpt.batch.kind',
  batchWaitMs: 'acpt.batch.wait_ms',
  budgetMs: 'acpt.budget.ms',
  budgetMode: 'acpt.budget.mode',
  budgetExceeded: 'acpt.budget.exceeded',
  budgetElapsedMs: 'acpt.budget.elapsed_ms',
  outcome: 'acpt.request.outcome',
  errorCode: 'acpt.error.code',
  rateLimitKind: 'acpt.rate_limit.kind',
  rateLimitResource: 'acpt.rate_limit.resource',
  rateLimitWindow: 'acpt.rate_limit.window',
  finishReason: 'acpt.finish_reason',
  circuitState: 'acpt.circuit.state',
  contentRef: 'acpt.content.ref',
  costUsd: 'acpt.cost.usd',
  costSource: 'acpt.cost.source',
  spendLimit: 'acpt.spend.limit',
  spendWindow: 'acpt.spend.window',
} as const;

/** Names of our own instruments (the same in both naming modes). */
export const ACPT_METRIC = {
  attemptDuration: 'acpt.llm.attempt.duration',
  attempts: 'acpt.llm.attempts',
  retries: 'acpt.llm.retries',
  fallbacks: 'acpt.llm.fallbacks',
  finishReasons: 'acpt.llm.finish_reasons',
  budgetBreaches: 'acpt.llm.budget.breaches',
  rateLimited: 'acpt.llm.rate_limited',
  circuitTransitions: 'acpt.llm.circuit.transitions',
  circuitState: 'acpt.llm.circuit.state',
  rateLimitRemaining: 'acpt.llm.rate_limit.remaining',
  concurrencyLimit: 'acpt.llm.concurrency.limit',
  alerts: 'acpt.llm.alerts',
  cost: 'acpt.llm.cost',
  unpricedRequests: 'acpt.llm.cost.unpriced',
  spendRefusals: 'acpt.llm.spend.refusals',
  spendLimit: 'acpt.llm.spend.limit',
  spendUsed: 'acpt.llm.spend.used',
} as const;

/** Span event names. */
export const SPAN_EVENT = {
  retryBackoff: 'acpt.retry.backoff',
  firstChunk: 'gen_ai.first_chunk',
  budgetExceeded: 'acpt.budget.exceeded',
  fallbackStart: 'acpt.fallback.start',
} as const;

/** Log event names: the opt-in content event (GenAI conventions v1.37.0 on) and the exception event (v1.41.0). */
export const LOG_EVENT = {
  inferenceOperationDetails: 'gen_ai.client.inference.operation.details',
  operationException: 'gen_ai.client.operation.exception',
} as const;

/** `gen_ai.operation.name` of every span and metric this package emits. */
export const OPERATION_CHAT = 'chat';

/** `gen_ai.provider.name` of the in-process mock, whose spans are INTERNAL and carry no `server.*`. */
export const MOCK_PROVIDER = 'acpt.mock';

/** Instrumentation scope name. */
export const SCOPE_NAME = '@acpt/telemetry';
