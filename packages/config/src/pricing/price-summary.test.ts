import { describe, expect, it } from 'vitest';
import { summarizePrice } from './price-summary.ts';

describe('summarizePrice', () => {
  it('makes every rate explicit, cached input defaulting to input, and keeps source and date', () => {
    const price = { model: 'm', source: 'default', inputUsdPerMillion: 0.35, outputUsdPerMillion: 0.75 } as const;
    expect(summarizePrice({ ...price, effectiveFrom: '2026-06-15' })).toEqual({
      inputUsdPerMillion: 0.35,
      cachedInputUsdPerMillion: 0.35,
      outputUsdPerMillion: 0.75,
      source: 'default',
      effectiveFrom: '2026-06-15',
    });
    expect(summarizePrice({ ...price, cachedInputUsdPerMillion: 0.1 })).not.toHaveProperty('effectiveFrom');
    expect(summarizePrice({ ...price, cachedInputUsdPerMillion: 0.1 })?.cachedInputUsdPerMillion).toBe(0.1);
  });

  it('is null for a model without a price', () => {
    expect(summarizePrice(undefined)).toBeNull();
  });
});
