import type { ModelPrice } from '@acpt/config';
import { type BufferedResponse, sendBuffered } from '../call/buffered-call.ts';
import type { CallScope } from '../call/call-scope.ts';
import { errorFromResponse } from '../errors/error-from-response.ts';
import { mapTransportFailure } from '../errors/map-transport-failure.ts';
import { parseCataloguePrices } from './catalogue-prices.ts';
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
  const { signal } = options;
  if (signal?.aborted) throw signal.reason;
  const { settings, models } = scope;
  let response: BufferedResponse;
  try {
    response = await sendBuffered(scope.dispatcher, {
      origin: settings.origin,
      path: `${models.path}?format=openrouter`,
      method: 'GET',
      headers: settings.getHeaders,
      deadlines: settings.timeouts,
      signal,
    });
  } catch (error) {
    throw mapTransportFailure(error, models.failure, signal);
  }
  const { status, headers, body } = response;
  if (status < 200 || status > 299) {
    const url = `${models.url}?format=openrouter`;
    throw errorFromResponse({ status, headers, body, url, nowMs: scope.clock(), secret: settings.apiKey.reveal() });
  }
  return parseCataloguePrices(body);
}
