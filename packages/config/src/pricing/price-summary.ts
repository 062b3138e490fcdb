import type { PriceSource, ResolvedPrice } from './model-price.ts';

/** A price as reports print it: every rate explicit (cached input defaulted to input), its source and date. */
export interface PriceSummary {
  readonly inputUsdPerMillion: number;
  readonly cachedInputUsdPerMillion: number;
  readonly outputUsdPerMillion: number;
  readonly source: PriceSource;
  readonly effectiveFrom?: string;
}

/** The {@link PriceSummary} of `price`, or `null` when the model has no price (its cost is unknown, not 0). */
export function summarizePrice(price: ResolvedPrice | undefined): PriceSummary | null {
  if (price === undefined) return null;
  return {
    inputUsdPerMillion: price.inputUsdPerMillion,
    cachedInputUsdPerMillion: price.cachedInputUsdPerMillion ?? price.inputUsdPerMillion,
    outputUsdPerMillion: price.outputUsdPerMillion,
    source: price.source,
    ...(price.effectiveFrom === undefined ? {} : { effectiveFrom: price.effectiveFrom }),
  };
}
