import { parseConfig, SpendLimitError } from '@acpt/config';
import { createCerebrasTransport } from '@acpt/transport-cerebras';
import { createMockCerebrasServer, createMockTransport, type MockCerebrasServerOptions } from '@acpt/transport-mock';
import { afterEach, describe, expect, it } from 'vitest';
import { createAdapter } from '../create-adapter.ts';

const apiKey = 'csk-cost-loopback-key-0001';
const cleanups: (() => Promise<void>)[] = [];

afterEach(async () => {
  for (const cleanup of cleanups.splice(0).reverse()) await cleanup();
});

/** The real transport against the mock server (which serves a priced catalogue), the in-process mock as fallback. */
async function loopback(server: MockCerebrasServerOptions = {}, config: Record<string, unknown> = {}) {
  const mockServer = await createMockCerebrasServer({ apiKey, ...server });
  const parsed = parseConfig({
    baseUrl: mockServer.url,
    apiKey,
    mockMode: false,
    fallback: 'mock',
    retry: { maxRetries: 0 },
    batching: { batchSize: 1, maxWaitMs: 0 },
    ...config,
  });
  const adapter = createAdapter({
    config: parsed,
    transport: createCerebrasTransport({ config: parsed }),
    mockTransport: createMockTransport({ seed: 3 }),
  });
  cleanups.push(
    () => mockServer.close(),
    () => adapter.close({ mode: 'cancel' }),
  );
  return adapter;
}

describe('cost over loopback (real transport, mock server with a priced catalogue)', () => {
  it('prices answers at the served catalogue price once it is read, matching a hand computation', async () => {
    const adapter = await loopback({ prices: { 'gpt-oss-120b': { inputUsdPerMillion: 2, outputUsdPerMillion: 8 } } });
    await adapter.refreshPrices();
    const answer = await adapter.generate('Pick a RIS phase profile.', { attributes: { agent: 'ris' } });
    const usage = answer.usage;
    expect(usage).toBeDefined();
    const expected = ((usage?.promptTokens ?? 0) * 2 + (usage?.completionTokens ?? 0) * 8) / 1e6;
    expect(answer.cost).toEqual({ usd: expected, currency: 'USD', priced: true, source: 'catalogue' });
    expect(adapter.diagnostics().cost.byAttribute).toEqual({ agent: { ris: expected } });
  });

  it('falls back to the mock with reason spend_limit once the served price makes the next request too dear', async () => {
    // Worst case of "a": 5 prompt tokens at $2/M + 64 completion tokens at $8/M = $0.000522. A $0.000523 limit
    // admits it; after it billed anything at all the next worst case no longer fits.
    const adapter = await loopback(
      { prices: { 'gpt-oss-120b': { inputUsdPerMillion: 2, outputUsdPerMillion: 8 } } },
      { maxCompletionTokens: 64, spend: { maxUsd: 0.000523 } },
    );
    await adapter.refreshPrices();
    const first = await adapter.generate('a');
    const second = await adapter.generate('b');
    expect(first.fallback).toBeUndefined();
    expect(second.fallback).toEqual({ reason: 'spend_limit' });
    expect(second.cost).toMatchObject({ usd: 0, source: 'mock' });
    adapter.configure({ fallback: 'throw' });
    await expect(adapter.generate('c')).rejects.toSatisfy((error) => SpendLimitError.isInstance(error));
  });
});
