import { createPriceResolver, TruncatedStreamError } from '@acpt/config';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { httpStatusError } from '../__fixtures__/errors.ts';
import { harness, settle } from '../__fixtures__/harness.ts';

beforeEach(() => {
  vi.useFakeTimers();
});
afterEach(() => {
  vi.useRealTimers();
});

/** $1000 / $2000 per million tokens: the scripted usage of 10 prompt + 5 completion tokens costs $0.02. */
const pricing = { 'gpt-oss-120b': { inputUsdPerMillion: 1000, outputUsdPerMillion: 2000 } };

describe('cost on every answer', () => {
  it('prices a live answer, carries it on request-end and sums it in diagnostics by model and attribute', async () => {
    const { adapter, of } = harness({ config: { pricing }, live: [{ kind: 'ok' }], mock: [{ kind: 'ok' }] });
    const first = await adapter.generate('a', { attributes: { agent: 'ris', scenario: 's1' } });
    await adapter.generate('b', { attributes: { agent: 'v2i', scenario: 's1' } });
    expect(first.cost).toEqual({ usd: 0.02, currency: 'USD', priced: true, source: 'configuration' });
    expect(of('request-end')[0]?.cost).toEqual(first.cost);
    const cost = adapter.diagnostics().cost;
    expect(cost).toMatchObject({
      currency: 'USD',
      totalUsd: 0.04,
      pricedRequests: 2,
      unpricedRequests: 0,
      mockRequests: 0,
      byModel: { 'gpt-oss-120b': { usd: 0.04, pricedRequests: 2, unpricedRequests: 0 } },
      byAttribute: { agent: { ris: 0.02, v2i: 0.02 }, scenario: { s1: 0.04 } },
      spend: { active: false, refused: { total: 0, hourly: 0, unpriced: 0 } },
    });
  });

  it('uses the built-in price of gpt-oss-120b when nothing is configured, and says so', async () => {
    const { adapter } = harness({
      live: [{ kind: 'ok', usage: { promptTokens: 1000, completionTokens: 1000, totalTokens: 2000 } }],
    });
    // 1000 × $0.35/M + 1000 × $0.75/M.
    expect((await adapter.generate('a')).cost).toEqual({
      usd: 0.0011,
      currency: 'USD',
      priced: true,
      source: 'default',
    });
  });

  it('reports an unpriced model as unknown (null), warned once, never as 0', async () => {
    const warnings: string[] = [];
    const prices = createPriceResolver({ onWarning: (message) => warnings.push(message) });
    const { adapter } = harness({ prices, config: { model: 'qwen-3.8-27b' }, live: [{ kind: 'ok' }] });
    const answer = await adapter.generate('a');
    await adapter.generate('b');
    expect(answer.cost).toEqual({ usd: null, currency: 'USD', priced: false, source: 'unpriced' });
    expect(warnings).toEqual([expect.stringContaining('"qwen-3.8-27b" has no price')]);
    expect(adapter.diagnostics().cost).toMatchObject({ totalUsd: 0, pricedRequests: 0, unpricedRequests: 2 });
  });

  it('makes a mock fallback cost 0 with source mock and the list-price estimate of its tokens', async () => {
    const { adapter } = harness({
      config: { pricing, fallback: 'mock', retry: { maxRetries: 0 } },
      live: [{ kind: 'error', error: httpStatusError(503) }],
      mock: [{ kind: 'ok' }],
    });
    const answer = await adapter.generate('a', { attributes: { agent: 'ris' } });
    expect(answer.fallback).toEqual({ reason: 'retries_exhausted' });
    expect(answer.cost).toEqual({ usd: 0, currency: 'USD', priced: true, source: 'mock', listPriceUsd: 0.02 });
    expect(adapter.diagnostics().cost).toMatchObject({
      totalUsd: 0,
      mockRequests: 1,
      mockListPriceUsd: 0.02,
      byAttribute: {},
      mockListPriceByAttribute: { agent: { ris: 0.02 } },
    });
  });

  it('counts what a failed attempt billed (a stream cut after its usage) on top of the retry that answered', async () => {
    const billedUsage = { promptTokens: 10, completionTokens: 5, totalTokens: 15 };
    const { adapter } = harness({
      config: { pricing },
      live: [
        { kind: 'error', error: new TruncatedStreamError({ deliveredContent: false, billedUsage }) },
        { kind: 'ok' },
      ],
    });
    const result = settle(adapter.generate('a'));
    await vi.advanceTimersByTimeAsync(1_000);
    expect((await result).value?.cost).toMatchObject({ usd: 0.04, source: 'configuration' });
    expect(adapter.diagnostics().cost.totalUsd).toBe(0.04);
  });

  it('costs 0 for a request that failed without billing anything', async () => {
    const { adapter, of } = harness({
      config: { pricing, retry: { maxRetries: 0 } },
      live: [{ kind: 'error', error: httpStatusError(500) }],
    });
    await settle(adapter.generate('a'));
    expect(of('request-end')[0]).toMatchObject({ outcome: 'error', cost: { usd: 0, priced: true } });
  });

  it('changes configured prices at run time with configure()', async () => {
    const { adapter } = harness({ config: { pricing }, live: [{ kind: 'ok' }] });
    adapter.configure({ pricing: { 'gpt-oss-120b': { inputUsdPerMillion: 0, outputUsdPerMillion: 4000 } } });
    expect((await adapter.generate('a')).cost.usd).toBe(0.02);
  });
});
