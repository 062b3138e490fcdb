import { describe, expect, it } from 'vitest';
import { mockCost, UNPRICED_COST, usdForTokens, usdForUsage } from './cost.ts';

const price = { inputUsdPerMillion: 0.35, cachedInputUsdPerMillion: 0.1, outputUsdPerMillion: 0.75 };

describe('cost arithmetic', () => {
  it('bills uncached input, cached input and output (reasoning included) at their prices', () => {
    // 1000 prompt (400 cached) + 500 completion: (600 × 0.35 + 400 × 0.1 + 500 × 0.75) / 1e6.
    const usage = { promptTokens: 1000, completionTokens: 500, totalTokens: 1500, cachedTokens: 400 };
    expect(usdForUsage(usage, price)).toBeCloseTo(0.000625, 12);
    expect(usdForUsage({ ...usage, cachedTokens: undefined }, price)).toBeCloseTo(0.000725, 12);
  });

  it('prices cached tokens as input when no cached price is set', () => {
    const usage = { promptTokens: 100, completionTokens: 0, totalTokens: 100, cachedTokens: 100 };
    expect(usdForUsage(usage, { inputUsdPerMillion: 2, outputUsdPerMillion: 3 })).toBeCloseTo(0.0002, 12);
  });

  it('projects the worst case of a request from its token counts', () => {
    expect(usdForTokens(41, 1024, price)).toBeCloseTo((41 * 0.35 + 1024 * 0.75) / 1e6, 12);
  });

  it('has an unknown cost that is null, and a mock cost that is 0 with its list-price estimate', () => {
    expect(UNPRICED_COST).toEqual({ usd: null, currency: 'USD', priced: false, source: 'unpriced' });
    expect(mockCost(0.0012)).toEqual({ usd: 0, currency: 'USD', priced: true, source: 'mock', listPriceUsd: 0.0012 });
  });
});
