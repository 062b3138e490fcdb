import { BUILT_IN_PRICES, type ModelPrice } from '@acpt/config';
import { MOCK_CREATED_SECONDS } from '../reply/mock-reply.ts';
import { modelNotFoundBody } from '../wire/error-bodies.ts';
import { jsonResponse, type WireResponse } from '../wire/wire-response.ts';

/** The precomputed model endpoints of a server. */
export interface ModelsCatalogue {
  /** `GET /v1/models`; `format` is the `?format=` query value (`openrouter` adds `pricing`). */
  list(format: string | undefined): WireResponse;
  /** `GET /public/v1/models`. */
  readonly publicList: WireResponse;
  /** `GET /v1/models/{id}`. */
  one(id: string): WireResponse;
  /** `GET /public/v1/models/{id}`. */
  publicOne(id: string): WireResponse;
}

/** The prices the mock server's catalogue serves by default: the built-in list prices of its models. */
export function defaultCataloguePrices(models: readonly string[]): Readonly<Record<string, ModelPrice>> {
  return Object.fromEntries(
    models.flatMap((id) => {
      const price = BUILT_IN_PRICES[id];
      return price === undefined ? [] : [[id, price]];
    }),
  );
}

/** USD per million tokens → USD per token as a plain decimal string, as the `openrouter` format writes it. */
function perToken(usdPerMillion: number): string {
  return (usdPerMillion / 1_000_000).toFixed(15).replace(/\.?0+$/, '') || '0';
}

function pricingOf(price: ModelPrice): Record<string, string> {
  return {
    prompt: perToken(price.inputUsdPerMillion),
    completion: perToken(price.outputUsdPerMillion),
    input_cache_read: perToken(price.cachedInputUsdPerMillion ?? price.inputUsdPerMillion),
  };
}

/**
 * Builds the model endpoints: the OpenAI-style list (with `pricing` per model in USD per token strings under
 * `?format=openrouter`), and the unauthenticated public catalogue (which carries the pricing too).
 */
export function createModelsCatalogue(
  models: readonly string[],
  prices: Readonly<Record<string, ModelPrice>> = defaultCataloguePrices(models),
): ModelsCatalogue {
  const entry = (id: string): Record<string, unknown> => ({
    id,
    object: 'model',
    created: MOCK_CREATED_SECONDS,
    owned_by: 'Cerebras',
  });
  const priced = (id: string): Record<string, unknown> => {
    const price = prices[id];
    return price === undefined ? {} : { pricing: pricingOf(price) };
  };
  const openRouterEntry = (id: string): Record<string, unknown> => ({
    id,
    name: id,
    created: MOCK_CREATED_SECONDS,
    ...priced(id),
  });
  const publicEntry = (id: string): Record<string, unknown> => ({
    ...entry(id),
    deprecated: false,
    preview: false,
    ...priced(id),
  });
  const known = new Set(models);
  const list = jsonResponse(200, { object: 'list', data: models.map(entry) });
  const openRouterList = jsonResponse(200, { data: models.map(openRouterEntry) });
  return {
    list: (format) => (format === 'openrouter' ? openRouterList : list),
    publicList: jsonResponse(200, { object: 'list', data: models.map(publicEntry) }),
    one: (id) => (known.has(id) ? jsonResponse(200, entry(id)) : jsonResponse(404, modelNotFoundBody(id))),
    publicOne: (id) =>
      known.has(id)
        ? jsonResponse(200, publicEntry(id))
        : jsonResponse(404, { detail: `Model '${id}' not found or not publicly available` }),
  };
}
