import type { ModelPrice } from './model-price.ts';

/** A built-in price with the public source it was taken from. */
export interface BuiltInPrice extends ModelPrice {
  /** The day the price was observed or took effect (`YYYY-MM-DD`). */
  readonly effectiveFrom: string;
  /** Where it was published. */
  readonly reference: string;
}

/**
 * Built-in list prices for current public Cerebras models, used only when neither the configuration nor the served
 * catalogue prices a model. Each entry carries its date and public source; `docs/integration-guide.md` lists them.
 * `qwen-3.8-27b` has no reliable public figure and is deliberately absent (its cost is unknown unless configured or
 * served). Cached input tokens are priced as input tokens: no public cache discount was found.
 */
export const BUILT_IN_PRICES: Readonly<Record<string, BuiltInPrice>> = Object.freeze({
  'gpt-oss-120b': Object.freeze({
    inputUsdPerMillion: 0.35,
    cachedInputUsdPerMillion: 0.35,
    outputUsdPerMillion: 0.75,
    effectiveFrom: '2026-06-15',
    currency: 'USD',
    reference: 'Cerebras public model catalogue (https://www.cerebras.ai/pricing), third-party mirrors mid-2026',
  }),
  'qwen-3-32b': Object.freeze({
    inputUsdPerMillion: 0.4,
    cachedInputUsdPerMillion: 0.4,
    outputUsdPerMillion: 0.8,
    effectiveFrom: '2025-07-19',
    currency: 'USD',
    reference: 'Cerebras pricing page (https://www.cerebras.ai/pricing), Exploration tier; retired 2026-02-16',
  }),
});
