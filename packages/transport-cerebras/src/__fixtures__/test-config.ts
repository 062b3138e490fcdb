import { type CerebrasConfig, Secret } from '@acpt/config';

/** A fake key: tests assert it never shows up in an error, message or property. */
export const TEST_KEY = 'csk-test-4f1c9a7e2b5d8c3e6a0b9f4d7c1e8a2b';

/** Overrides of {@link testConfig}; nested settings are merged over the defaults. */
export interface TestConfigOverrides {
  readonly baseUrl?: string;
  readonly model?: string;
  readonly apiKey?: Secret | undefined;
  readonly apiVersionPatch?: number;
  readonly maxCompletionTokens?: number;
  readonly timeouts?: Partial<CerebrasConfig['timeouts']>;
  readonly connection?: Partial<CerebrasConfig['connection']>;
  readonly tls?: CerebrasConfig['tls'];
}

/** A complete configuration for tests (the loader of `@acpt/config` is not needed here). */
export function testConfig(overrides: TestConfigOverrides = {}): CerebrasConfig {
  return {
    baseUrl: overrides.baseUrl ?? 'http://127.0.0.1:1',
    model: overrides.model ?? 'gpt-oss-120b',
    apiKey: 'apiKey' in overrides ? overrides.apiKey : new Secret(TEST_KEY),
    apiKeySource: 'test',
    apiVersionPatch: overrides.apiVersionPatch,
    maxCompletionTokens: overrides.maxCompletionTokens ?? 256,
    timeouts: { connectMs: 5000, headersMs: 10_000, idleMs: 10_000, totalMs: 30_000, ...overrides.timeouts },
    retry: {
      maxRetries: 0,
      initialBackoffMs: 100,
      maxBackoffMs: 1000,
      multiplier: 2,
      jitter: 1,
      maxServerWaitMs: 60_000,
    },
    batching: {
      batchSize: 1,
      maxWaitMs: 0,
      maxInFlight: 16,
      queueLimit: 100,
      mode: 'fixed',
      minInFlight: 1,
      targetLatencyFraction: 0.8,
      adaptiveWindow: 20,
      decreaseFactor: 0.5,
      cooldownMs: 1000,
    },
    latencyBudget: { ms: 30_000, mode: 'soft' },
    streaming: true,
    mockMode: false,
    fallback: 'throw',
    circuitBreaker: { failureThreshold: 5, cooldownMs: 1000 },
    connection: { connections: 8, http2: false, ...overrides.connection },
    tls: overrides.tls ?? {},
    mock: { seed: 1 },
    pricing: {},
    spend: {},
    metadata: {},
  };
}
