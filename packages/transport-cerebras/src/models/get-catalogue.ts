import { type BufferedResponse, sendBuffered } from '../call/buffered-call.ts';
import type { CallScope } from '../call/call-scope.ts';
import { errorFromResponse } from '../errors/error-from-response.ts';
import { mapTransportFailure } from '../errors/map-transport-failure.ts';

/**
 * The body of `GET /v1/models` plus `query` (`''`, or `?format=openrouter`), authenticated: the one request behind
 * `listModels` and `fetchCataloguePrices`.
 *
 * @throws `signal.reason` when `signal` is or becomes aborted
 * @throws the mapped transport failure (network, timeout) or the error of a non-2xx response (401/403 refused key, …)
 */
export async function getCatalogue(scope: CallScope, query: string, signal: AbortSignal | undefined): Promise<string> {
  if (signal?.aborted) throw signal.reason;
  const { settings, models } = scope;
  let response: BufferedResponse;
  try {
    response = await sendBuffered(scope.dispatcher, {
      origin: settings.origin,
      path: `${models.path}${query}`,
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
    const url = `${models.url}${query}`;
    throw errorFromResponse({ status, headers, body, url, nowMs: scope.clock(), secret: settings.apiKey.reveal() });
  }
  return body;
}
