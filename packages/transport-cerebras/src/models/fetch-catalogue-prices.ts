import type { ModelPrice } from '@acpt/config';
import type { CallScope } from '../call/call-scope.ts';
import { parseCataloguePrices } from './catalogue-prices.ts';
import { getCatalogue } from './get-catalogue.ts';
import type { ListModelsOptions } from './list-models.ts';

/**
 * The prices the endpoint serves: `GET /v1/models?format=openrouter` (authenticated), in USD per million tokens.
 *
 * @throws {InvalidResponseError} when the body is not a model list or a price is malformed
 * @throws {AuthenticationError} when the key is refused
 */
export async function fetchCataloguePrices(
  scope: CallScope,
  options: ListModelsOptions = {},
): Promise<Map<string, ModelPrice>> {
  return parseCataloguePrices(await getCatalogue(scope, '?format=openrouter', options.signal));
}
