import { type CerebrasConfig, type CerebrasConfigInput, parseConfig } from '@acpt/config';

/**
 * A validated live configuration for tests: a fake key, no batching delay, tight deadlines, deterministic retries.
 * `overrides` are applied on top (deep-partial).
 */
export function testConfig(overrides: CerebrasConfigInput = {}): CerebrasConfig {
  const base: Record<string, Record<string, unknown>> = {
    timeouts: { totalMs: 10_000 },
    retry: { maxRetries: 2, initialBackoffMs: 100, maxBackoffMs: 1_000, multiplier: 2, jitter: 1 },
    batching: { batchSize: 1, maxWaitMs: 0, maxInFlight: 8, queueLimit: 100 },
    latencyBudget: { ms: 5_000, mode: 'soft' },
    circuitBreaker: { failureThreshold: 5, cooldownMs: 1_000 },
  };
  const merged: Record<string, unknown> = { apiKey: 'csk-test-secret-key-0000', mockMode: false, fallback: 'throw' };
  for (const [key, value] of Object.entries(base)) merged[key] = { ...value };
  for (const [key, value] of Object.entries(overrides)) {
    const current = merged[key];
    merged[key] =
      typeof value === 'object' && value !== null && !Array.isArray(value) && typeof current === 'object'
        ? { ...(current as object), ...value }
        : value;
  }
  return parseConfig(merged);
}
