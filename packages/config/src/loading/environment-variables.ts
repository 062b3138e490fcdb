/** How an environment variable's text becomes a configuration value. */
export type EnvironmentValueKind =
  | 'secret'
  | 'key-file'
  | 'config-file'
  | 'preset'
  | 'string'
  | 'path'
  | 'integer'
  | 'number'
  | 'boolean'
  | 'json';

/** One documented environment variable. */
export interface EnvironmentVariable {
  /** The variable's name. */
  readonly name: string;
  /** The configuration path it sets (`retry.maxRetries`); none for `ACPT_CONFIG_FILE`. */
  readonly path: string | undefined;
  /** How its text is read. */
  readonly kind: EnvironmentValueKind;
  /** What it does, for the README and `doctor` output. */
  readonly description: string;
}

const variable = (
  name: string,
  path: string | undefined,
  kind: EnvironmentValueKind,
  description: string,
): EnvironmentVariable => Object.freeze({ name, path, kind, description });

/**
 * Every environment variable `loadConfig()` reads, in README order. Values are trimmed and an empty variable counts as
 * unset. Numbers are decimal; booleans are `true` or `false` (any case). Anything else is reported as it is.
 */
export const ENVIRONMENT_VARIABLES: readonly EnvironmentVariable[] = Object.freeze([
  variable('CEREBRAS_API_KEY', 'apiKey', 'secret', 'API key; required when mock mode is off'),
  variable(
    'CEREBRAS_API_KEY_FILE',
    'apiKey',
    'key-file',
    'file holding the API key (trimmed; must not be world-readable), watched and re-read when it is rotated; an error together with CEREBRAS_API_KEY',
  ),
  variable('CEREBRAS_BASE_URL', 'baseUrl', 'string', 'endpoint base URL without /v1; http:// only for loopback'),
  variable('CEREBRAS_MODEL', 'model', 'string', 'model id'),
  variable('ACPT_CONFIG_FILE', undefined, 'config-file', 'JSON configuration file (when loadConfig gets no `file`)'),
  variable('ACPT_PRESET', undefined, 'preset', 'named starting point: `interactive` or `batch` (CONFIG_PRESETS)'),
  variable('ACPT_MOCK_MODE', 'mockMode', 'boolean', 'serve every request from the deterministic mock'),
  variable('ACPT_API_VERSION_PATCH', 'apiVersionPatch', 'integer', 'X-Cerebras-Version-Patch header value'),
  variable('ACPT_MAX_COMPLETION_TOKENS', 'maxCompletionTokens', 'integer', 'max_completion_tokens when unset'),
  variable('ACPT_CONNECT_TIMEOUT_MS', 'timeouts.connectMs', 'integer', 'TCP + TLS connect timeout'),
  variable('ACPT_HEADERS_TIMEOUT_MS', 'timeouts.headersMs', 'integer', 'time to response headers'),
  variable('ACPT_IDLE_TIMEOUT_MS', 'timeouts.idleMs', 'integer', 'longest silence between stream chunks'),
  variable('ACPT_TOTAL_TIMEOUT_MS', 'timeouts.totalMs', 'integer', 'deadline over every attempt and wait'),
  variable('ACPT_MAX_RETRIES', 'retry.maxRetries', 'integer', 'retries after the first attempt'),
  variable('ACPT_INITIAL_BACKOFF_MS', 'retry.initialBackoffMs', 'integer', 'first backoff'),
  variable('ACPT_MAX_BACKOFF_MS', 'retry.maxBackoffMs', 'integer', 'backoff ceiling'),
  variable('ACPT_BACKOFF_MULTIPLIER', 'retry.multiplier', 'number', 'backoff growth per retry'),
  variable('ACPT_JITTER', 'retry.jitter', 'number', 'randomised share of each backoff (1 = full jitter)'),
  variable('ACPT_MAX_SERVER_WAIT_MS', 'retry.maxServerWaitMs', 'integer', 'longest retry-after honoured'),
  variable('ACPT_BATCH_SIZE', 'batching.batchSize', 'integer', 'requests dispatched together at most'),
  variable('ACPT_BATCH_MAX_WAIT_MS', 'batching.maxWaitMs', 'integer', 'wait before a partial batch is sent'),
  variable('ACPT_MAX_IN_FLIGHT', 'batching.maxInFlight', 'integer', 'requests in flight at most'),
  variable('ACPT_QUEUE_LIMIT', 'batching.queueLimit', 'integer', 'requests waiting at most'),
  variable('ACPT_BATCHING_MODE', 'batching.mode', 'string', '`fixed` limit or `adaptive` (AIMD on latency)'),
  variable('ACPT_MIN_IN_FLIGHT', 'batching.minInFlight', 'integer', 'adaptive: lowest in-flight limit, and the start'),
  variable(
    'ACPT_TARGET_LATENCY_FRACTION',
    'batching.targetLatencyFraction',
    'number',
    'adaptive: grow under this p95 / budget',
  ),
  variable('ACPT_ADAPTIVE_WINDOW', 'batching.adaptiveWindow', 'integer', 'adaptive: attempts per decision'),
  variable('ACPT_DECREASE_FACTOR', 'batching.decreaseFactor', 'number', 'adaptive: multiplier on push-back'),
  variable('ACPT_ADAPTIVE_COOLDOWN_MS', 'batching.cooldownMs', 'integer', 'adaptive: hold after a decrease'),
  variable('ACPT_LATENCY_BUDGET_MS', 'latencyBudget.ms', 'integer', 'latency budget per request'),
  variable('ACPT_LATENCY_BUDGET_MODE', 'latencyBudget.mode', 'string', '`soft` (count) or `hard` (enforce)'),
  variable('ACPT_STREAMING', 'streaming', 'boolean', 'whether streaming is allowed'),
  variable('ACPT_FALLBACK', 'fallback', 'string', '`mock` or `throw` when retries are exhausted'),
  variable('ACPT_FALLBACK_ON_ACCESS', 'fallbackOn.access', 'boolean', 'also fall back on 401, 402, 403'),
  variable('ACPT_FALLBACK_ON_NOT_FOUND', 'fallbackOn.notFound', 'boolean', 'also fall back on 404 (model)'),
  variable('ACPT_FALLBACK_ON_INVALID', 'fallbackOn.invalidRequest', 'boolean', 'also fall back on 400, 413, 422'),
  variable('ACPT_CIRCUIT_FAILURE_THRESHOLD', 'circuitBreaker.failureThreshold', 'integer', 'failures that open it'),
  variable('ACPT_CIRCUIT_COOLDOWN_MS', 'circuitBreaker.cooldownMs', 'integer', 'open time before a probe'),
  variable('ACPT_CONNECTIONS', 'connection.connections', 'integer', 'keep-alive connections per origin'),
  variable('ACPT_HTTP2', 'connection.http2', 'boolean', 'negotiate HTTP/2'),
  variable(
    'ACPT_PROXY',
    'connection.proxy',
    'string',
    '`env` (HTTPS_PROXY/HTTP_PROXY/NO_PROXY), `none`, or a proxy URL; credentials in it stay secret',
  ),
  variable('ACPT_TLS_CA_FILE', 'tls.caFile', 'path', 'extra CA certificate (PEM) for private endpoints'),
  variable('ACPT_MOCK_SEED', 'mock.seed', 'integer', 'seed of the mock transport'),
  variable(
    'ACPT_PRICING',
    'pricing',
    'json',
    'JSON object of prices by model, e.g. {"gpt-oss-120b":{"inputUsdPerMillion":0.35,"outputUsdPerMillion":0.75}}',
  ),
  variable('ACPT_SPEND_MAX_USD', 'spend.maxUsd', 'number', 'most USD spent over the adapter lifetime'),
  variable('ACPT_SPEND_MAX_USD_PER_HOUR', 'spend.maxUsdPerHour', 'number', 'most USD spent in any sliding hour'),
  variable('ACPT_METADATA', 'metadata', 'json', 'JSON object of flat metadata, e.g. {"run":"a"}'),
]);
