import * as v from 'valibot';
import { DEFAULT_BASE_URL } from './base-url.ts';
import type { CerebrasConfig, CerebrasConfigInput } from './cerebras-config.ts';
import {
  apiKeySchema,
  baseUrlSchema,
  booleanSchema,
  integerSchema,
  metadataSchema,
  modelSchema,
  numberSchema,
  pathSchema,
  pickSchema,
  pricingSchema,
  usdLimitSchema,
} from './field-schemas.ts';
import { apiKeyProviderSchema, proxySchema } from './key-provider-schemas.ts';
import { minimumRequestUsd } from './minimum-request-cost.ts';

const ms = 'milliseconds';

const groupEntries = {
  timeouts: {
    connectMs: v.optional(integerSchema(1, 600_000, ms), 5_000),
    headersMs: v.optional(integerSchema(1, 3_600_000, ms), 30_000),
    idleMs: v.optional(integerSchema(1, 3_600_000, ms), 15_000),
    totalMs: v.optional(integerSchema(1, 86_400_000, ms), 60_000),
  },
  retry: {
    maxRetries: v.optional(integerSchema(0, 10), 2),
    initialBackoffMs: v.optional(integerSchema(0, 600_000, ms), 250),
    maxBackoffMs: v.optional(integerSchema(0, 600_000, ms), 8_000),
    multiplier: v.optional(numberSchema(1, 10), 2),
    jitter: v.optional(numberSchema(0, 1), 1),
    maxServerWaitMs: v.optional(integerSchema(0, 600_000, ms), 60_000),
  },
  batching: {
    batchSize: v.optional(integerSchema(1, 1_000), 8),
    maxWaitMs: v.optional(integerSchema(0, 60_000, ms), 5),
    maxInFlight: v.optional(integerSchema(1, 10_000), 64),
    queueLimit: v.optional(integerSchema(1, 1_000_000), 10_000),
    mode: v.optional(pickSchema(['fixed', 'adaptive']), 'fixed'),
    minInFlight: v.optional(integerSchema(1, 10_000), 1),
    targetLatencyFraction: v.optional(numberSchema(0.1, 1), 0.8),
    adaptiveWindow: v.optional(integerSchema(1, 10_000), 20),
    decreaseFactor: v.optional(numberSchema(0.1, 0.95), 0.5),
    cooldownMs: v.optional(integerSchema(0, 600_000, ms), 1_000),
  },
  latencyBudget: {
    ms: v.optional(integerSchema(1, 3_600_000, ms), 5_000),
    mode: v.optional(pickSchema(['soft', 'hard']), 'soft'),
  },
  circuitBreaker: {
    failureThreshold: v.optional(integerSchema(1, 1_000), 5),
    cooldownMs: v.optional(integerSchema(1, 3_600_000, ms), 30_000),
  },
  connection: {
    connections: v.optional(integerSchema(1, 1_024), 64),
    http2: v.optional(booleanSchema, false),
    proxy: v.optional(proxySchema, 'env'),
  },
  tls: {
    caFile: v.optional(pathSchema),
  },
  fallbackOn: {
    access: v.optional(booleanSchema, false),
    notFound: v.optional(booleanSchema, false),
    invalidRequest: v.optional(booleanSchema, false),
  },
  mock: {
    seed: v.optional(integerSchema(0, 4_294_967_295), 0),
  },
  spend: {
    maxUsd: v.optional(usdLimitSchema),
    maxUsdPerHour: v.optional(usdLimitSchema),
  },
};

/** A settings group: a strict object whose issues name it, filled with its defaults when absent. */
function group<const TEntries extends v.ObjectEntries>(name: string, entries: TEntries) {
  return v.optional(
    v.strictObject(entries, `an object of ${name} settings`),
    {} as v.InferInput<v.StrictObjectSchema<TEntries, undefined>>,
  );
}

const rootEntries = {
  baseUrl: v.optional(baseUrlSchema, DEFAULT_BASE_URL),
  model: v.optional(modelSchema, 'gpt-oss-120b'),
  apiKey: v.optional(apiKeySchema),
  apiKeySource: v.optional(v.pipe(v.string('a short description'), v.maxLength(4200, 'a short description'))),
  apiKeyFile: v.optional(pathSchema),
  apiKeyProvider: v.optional(apiKeyProviderSchema),
  apiVersionPatch: v.optional(integerSchema(1, 100)),
  maxCompletionTokens: v.optional(integerSchema(1, 1_048_576), 1024),
  timeouts: group('timeouts', groupEntries.timeouts),
  retry: group('retry', groupEntries.retry),
  batching: group('batching', groupEntries.batching),
  latencyBudget: group('latencyBudget', groupEntries.latencyBudget),
  streaming: v.optional(booleanSchema, true),
  mockMode: v.optional(booleanSchema, true),
  fallback: v.optional(pickSchema(['mock', 'throw']), 'mock'),
  fallbackOn: group('fallbackOn', groupEntries.fallbackOn),
  circuitBreaker: group('circuitBreaker', groupEntries.circuitBreaker),
  connection: group('connection', groupEntries.connection),
  tls: group('tls', groupEntries.tls),
  mock: group('mock', groupEntries.mock),
  pricing: v.optional(pricingSchema, {}),
  spend: group('spend', groupEntries.spend),
  metadata: v.optional(metadataSchema, {}),
};

/**
 * The valibot schema of the whole configuration. Input: {@link CerebrasConfigInput} (every field optional, the key a
 * string or a `Secret`); output: {@link CerebrasConfig} with every default filled in. Prefer `parseConfig()`, which
 * also reports every unknown key with the nearest valid one, names each value's source and deep-freezes the result.
 */
export const CerebrasConfigSchema: v.GenericSchema<CerebrasConfigInput, CerebrasConfig> = v.pipe(
  v.strictObject(rootEntries, 'an object of configuration fields'),
  v.forward(
    v.partialCheck(
      [
        ['retry', 'initialBackoffMs'],
        ['retry', 'maxBackoffMs'],
      ],
      (config) => config.retry.initialBackoffMs <= config.retry.maxBackoffMs,
      (issue) => `an integer no larger than retry.maxBackoffMs (${maxBackoffOf(issue.input)})`,
    ),
    ['retry', 'initialBackoffMs'],
  ),
  v.forward(
    v.partialCheck(
      [
        ['batching', 'minInFlight'],
        ['batching', 'maxInFlight'],
      ],
      (config) => config.batching.minInFlight <= config.batching.maxInFlight,
      (issue) => `an integer no larger than batching.maxInFlight (${maxInFlightOf(issue.input)})`,
    ),
    ['batching', 'minInFlight'],
  ),
  v.forward(
    v.partialCheck(
      [['mockMode'], ['apiKey'], ['apiKeyProvider']],
      (config) => config.mockMode || config.apiKey !== undefined || config.apiKeyProvider !== undefined,
      'an API key, because mockMode is false: set CEREBRAS_API_KEY or CEREBRAS_API_KEY_FILE, or ACPT_MOCK_MODE=true',
    ),
    ['apiKey'],
  ),
  v.forward(
    v.partialCheck(
      [['spend', 'maxUsd'], ['model'], ['maxCompletionTokens'], ['pricing']],
      (config) => limitCoversOneRequest(config.spend.maxUsd, config),
      (issue) => limitMessage('maxUsd', issue.input),
    ),
    ['spend', 'maxUsd'],
  ),
  v.forward(
    v.partialCheck(
      [['spend', 'maxUsdPerHour'], ['model'], ['maxCompletionTokens'], ['pricing']],
      (config) => limitCoversOneRequest(config.spend.maxUsdPerHour, config),
      (issue) => limitMessage('maxUsdPerHour', issue.input),
    ),
    ['spend', 'maxUsdPerHour'],
  ),
);

type PricedFields = Parameters<typeof minimumRequestUsd>[0];

/** A spend limit below the worst-case cost of one request (no prompt, every completion token) refuses everything. */
function limitCoversOneRequest(limit: number | undefined, config: PricedFields): boolean {
  const minimum = minimumRequestUsd(config);
  return limit === undefined || minimum === undefined || limit >= minimum.usd;
}

function limitMessage(field: 'maxUsd' | 'maxUsdPerHour', input: unknown): string {
  const minimum = minimumRequestUsd(input as PricedFields);
  return (
    `a limit of at least $${minimum?.usd} (one request's ${minimum?.tokens} max_completion_tokens at the price of ` +
    `${minimum?.model}); raise spend.${field} or lower maxCompletionTokens`
  );
}

function maxInFlightOf(config: unknown): unknown {
  return (config as { batching?: { maxInFlight?: unknown } }).batching?.maxInFlight;
}

function maxBackoffOf(config: unknown): unknown {
  return (config as { retry?: { maxBackoffMs?: unknown } }).retry?.maxBackoffMs;
}

/**
 * The cross-field rules of {@link CerebrasConfigSchema}: the path an issue is reported at → the other paths it
 * depends on. An issue's source is the latest source among all of them.
 */
export const CONFIG_RELATIONS: Readonly<Record<string, readonly string[]>> = nullPrototype({
  'retry.initialBackoffMs': ['retry.maxBackoffMs'],
  'batching.minInFlight': ['batching.maxInFlight'],
  apiKey: ['mockMode', 'apiKeyProvider'],
  'spend.maxUsd': ['model', 'maxCompletionTokens', 'pricing'],
  'spend.maxUsdPerHour': ['model', 'maxCompletionTokens', 'pricing'],
});

/** How a key of the configuration is shaped: a plain value, a group with these keys, or a free-form record. */
export type ConfigKeyShape = 'value' | 'record' | readonly string[];

/** Every top-level key of the configuration and its shape, in documentation order. */
export const CONFIG_SHAPE: Readonly<Record<string, ConfigKeyShape>> = nullPrototype(
  Object.fromEntries(
    Object.keys(rootEntries).map((key): [string, ConfigKeyShape] => {
      if (key === 'metadata' || key === 'pricing') return [key, 'record'];
      const entries = (groupEntries as Record<string, object>)[key];
      return [key, entries === undefined ? 'value' : Object.freeze(Object.keys(entries))];
    }),
  ),
);

/** A frozen copy without `Object.prototype`, so that keys such as `valueOf` or `constructor` are never found in it. */
function nullPrototype<TValue>(record: Record<string, TValue>): Readonly<Record<string, TValue>> {
  return Object.freeze(Object.assign(Object.create(null) as Record<string, TValue>, record));
}
