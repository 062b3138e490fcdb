import { describe, expect, it } from 'vitest';
import { DEFAULT_CONFIG } from './default-config.ts';

describe('DEFAULT_CONFIG', () => {
  it('is mock mode on the current recommended model, with the documented defaults', () => {
    expect(DEFAULT_CONFIG).toEqual({
      baseUrl: 'https://api.cerebras.ai',
      model: 'gpt-oss-120b',
      maxCompletionTokens: 1024,
      timeouts: { connectMs: 5000, headersMs: 30000, idleMs: 15000, totalMs: 60000 },
      retry: {
        maxRetries: 2,
        initialBackoffMs: 250,
        maxBackoffMs: 8000,
        multiplier: 2,
        jitter: 1,
        maxServerWaitMs: 60000,
      },
      batching: {
        batchSize: 8,
        maxWaitMs: 5,
        maxInFlight: 64,
        queueLimit: 10000,
        mode: 'fixed',
        minInFlight: 1,
        targetLatencyFraction: 0.8,
        adaptiveWindow: 20,
        decreaseFactor: 0.5,
        cooldownMs: 1000,
      },
      latencyBudget: { ms: 5000, mode: 'soft' },
      streaming: true,
      mockMode: true,
      fallback: 'mock',
      fallbackOn: { access: false, notFound: false, invalidRequest: false },
      circuitBreaker: { failureThreshold: 5, cooldownMs: 30000 },
      connection: { connections: 64, http2: false, proxy: 'env' },
      tls: {},
      mock: { seed: 0 },
      pricing: {},
      spend: {},
      metadata: {},
    });
    expect(DEFAULT_CONFIG.apiKey).toBeUndefined();
  });

  it('never defaults to a retired model', () => {
    expect(['qwen-3-32b', 'llama-3.3-70b', 'llama3.1-8b', 'zai-glm-4.7']).not.toContain(DEFAULT_CONFIG.model);
  });

  it('is deeply frozen', () => {
    expect(Object.isFrozen(DEFAULT_CONFIG)).toBe(true);
    for (const value of Object.values(DEFAULT_CONFIG))
      if (typeof value === 'object') expect(Object.isFrozen(value)).toBe(true);
  });
});
