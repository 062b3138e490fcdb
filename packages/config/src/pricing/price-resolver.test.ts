import { describe, expect, it } from 'vitest';
import type { ModelPrice } from './model-price.ts';
import { createPriceResolver, type PriceCatalogue } from './price-resolver.ts';

const served: ModelPrice = { inputUsdPerMillion: 0.3, outputUsdPerMillion: 0.7 };

/** A catalogue whose answers the test scripts, counting the fetches. */
function scriptedCatalogue(answers: (() => Promise<ReadonlyMap<string, ModelPrice>>)[]) {
  let calls = 0;
  const catalogue: PriceCatalogue = {
    fetchPrices: () => {
      const answer = answers[Math.min(calls, answers.length - 1)];
      calls++;
      return answer?.() ?? Promise.reject(new Error('no answer'));
    },
  };
  return { catalogue, calls: () => calls };
}

describe('createPriceResolver', () => {
  it('prefers the configuration, then the catalogue, then the built-in defaults', async () => {
    const { catalogue } = scriptedCatalogue([
      async () =>
        new Map([
          ['gpt-oss-120b', served],
          ['qwen-3.8-27b', served],
        ]),
    ]);
    const prices = createPriceResolver({
      configured: { 'qwen-3.8-27b': { inputUsdPerMillion: 1, outputUsdPerMillion: 2 } },
      catalogue,
      onWarning: () => {},
    });
    expect(prices.priceOf('gpt-oss-120b')?.source).toBe('default');
    await prices.refresh();
    expect(prices.priceOf('gpt-oss-120b')).toMatchObject({ source: 'catalogue', inputUsdPerMillion: 0.3 });
    expect(prices.priceOf('qwen-3.8-27b')).toMatchObject({ source: 'configuration', outputUsdPerMillion: 2 });
    prices.setConfigured({});
    expect(prices.priceOf('qwen-3.8-27b')?.source).toBe('catalogue');
    expect(prices.priceOf('qwen-3-32b')).toMatchObject({ source: 'default', effectiveFrom: '2025-07-19' });
  });

  it('warns once per unpriced model and returns undefined, never a zero price', () => {
    const warnings: string[] = [];
    const prices = createPriceResolver({ onWarning: (message) => warnings.push(message) });
    expect(prices.priceOf('mystery-model')).toBeUndefined();
    expect(prices.priceOf('mystery-model')).toBeUndefined();
    expect(prices.priceOf('other-model')).toBeUndefined();
    expect(warnings).toHaveLength(2);
    expect(warnings[0]).toContain('"mystery-model" has no price');
  });

  it('keeps the defaults when the catalogue fails, warns once, and asks again only after the TTL', async () => {
    let now = 0;
    const warnings: string[] = [];
    const { catalogue, calls } = scriptedCatalogue([
      () => Promise.reject(new Error('connect ECONNREFUSED')),
      () => Promise.reject(new Error('malformed pricing')),
      async () => new Map([['gpt-oss-120b', served]]),
    ]);
    const prices = createPriceResolver({
      catalogue,
      catalogueTtlMs: 1000,
      clock: () => now,
      onWarning: (message) => warnings.push(message),
    });
    expect(prices.priceOf('gpt-oss-120b')?.source).toBe('default');
    await prices.refresh();
    expect(calls()).toBe(1);
    prices.priceOf('gpt-oss-120b');
    expect(calls()).toBe(1);
    now = 1000;
    expect(prices.priceOf('gpt-oss-120b')?.source).toBe('default');
    await prices.refresh();
    expect(calls()).toBe(2);
    expect(warnings).toEqual([expect.stringContaining('ECONNREFUSED')]);
    now = 2000;
    await prices.refresh();
    expect(prices.priceOf('gpt-oss-120b')?.source).toBe('catalogue');
  });

  it('shares one fetch between concurrent refreshes', async () => {
    const { catalogue, calls } = scriptedCatalogue([async () => new Map()]);
    const prices = createPriceResolver({ catalogue });
    await Promise.all([prices.refresh(), prices.refresh(), prices.refresh()]);
    expect(calls()).toBe(1);
  });
});
