import type { Usage } from '../contract/chat-response.ts';
import type { Currency, ModelPrice, PriceSource } from './model-price.ts';

/** Where a cost figure came from: a price source, the mock (costs nothing), or no price at all. */
export type CostSource = PriceSource | 'mock' | 'unpriced';

/** What one answer (or a sum of answers) cost. */
export interface Cost {
  /** USD; `null` when unknown (the model has no price): never a silent 0. */
  readonly usd: number | null;
  /** Always `USD`. */
  readonly currency: Currency;
  /** Whether a price was found (`false` means `usd` is `null`). */
  readonly priced: boolean;
  /** Where the price came from; `mock` for answers of the mock, which cost 0. */
  readonly source: CostSource;
  /**
   * Mock answers only: an **estimate** of what the same tokens would cost at the list price of the named model
   * (`null` when that model has no price). The mock's token counts are estimates too.
   */
  readonly listPriceUsd?: number | null;
}

const perMillion = 1_000_000;

/**
 * USD cost of `usage` at `price`: uncached input at the input price, cached input at the cached price (the input
 * price when unset), output (reasoning included) at the output price.
 */
export function usdForUsage(usage: Usage, price: ModelPrice): number {
  const cached = Math.min(usage.cachedTokens ?? 0, usage.promptTokens);
  const uncached = usage.promptTokens - cached;
  const cachedPrice = price.cachedInputUsdPerMillion ?? price.inputUsdPerMillion;
  return (
    (uncached * price.inputUsdPerMillion + cached * cachedPrice + usage.completionTokens * price.outputUsdPerMillion) /
    perMillion
  );
}

/** Worst-case USD of a request before it is sent: every prompt token uncached, every completion token used. */
export function usdForTokens(promptTokens: number, completionTokens: number, price: ModelPrice): number {
  return (promptTokens * price.inputUsdPerMillion + completionTokens * price.outputUsdPerMillion) / perMillion;
}

/** The cost of an answer with no price: `usd: null`, `priced: false`. */
export const UNPRICED_COST: Cost = Object.freeze({ usd: null, currency: 'USD', priced: false, source: 'unpriced' });

/** The cost of a mock answer: 0, with the list-price estimate of the same tokens when one is known. */
export function mockCost(listPriceUsd: number | null): Cost {
  return Object.freeze({ usd: 0, currency: 'USD', priced: true, source: 'mock', listPriceUsd });
}
