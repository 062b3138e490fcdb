import { BUILT_IN_PRICES } from '../pricing/built-in-prices.ts';
import { usdForTokens } from '../pricing/cost.ts';
import type { CerebrasConfig } from './cerebras-config.ts';

/**
 * The least a request to the configured model can cost at its known price (configured, else built-in): no prompt
 * and every one of `maxCompletionTokens` generated. `undefined` when the model has no known price yet.
 */
export function minimumRequestUsd(
  config: Pick<CerebrasConfig, 'model' | 'maxCompletionTokens' | 'pricing'>,
): { readonly usd: number; readonly tokens: number; readonly model: string } | undefined {
  const price = config.pricing[config.model] ?? BUILT_IN_PRICES[config.model];
  if (price === undefined) return undefined;
  return {
    usd: usdForTokens(0, config.maxCompletionTokens, price),
    tokens: config.maxCompletionTokens,
    model: config.model,
  };
}
