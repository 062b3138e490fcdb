import { InvalidResponseError, type ModelPrice } from '@acpt/config';

const tokensPerMillion = 1_000_000;

/** USD per token as the catalogue writes it (a decimal string) → USD per million tokens; `undefined` if malformed. */
function perMillion(value: unknown): number | undefined {
  if (typeof value !== 'string' && typeof value !== 'number') return undefined;
  if (typeof value === 'string' && !/^\s*\d+(\.\d+)?([eE][+-]?\d+)?\s*$/.test(value)) return undefined;
  const perToken = Number(value);
  if (!Number.isFinite(perToken) || perToken < 0) return undefined;
  // Round away binary noise (0.00000035 × 1e6 = 0.35000000000000003).
  return Math.round(perToken * tokensPerMillion * 1e9) / 1e9;
}

function malformed(message: string, body: string): InvalidResponseError {
  return new InvalidResponseError(`GET /v1/models?format=openrouter: ${message}`, { bodySnippet: body });
}

/**
 * Reads the prices of a catalogue in the `openrouter` format (`GET /v1/models?format=openrouter`): each model's
 * `pricing.prompt` and `pricing.completion` are USD per token as decimal strings, `pricing.input_cache_read` (when
 * present) the cached-input price. Models without `pricing` are left out (they stay unpriced); a price that is not a
 * non-negative decimal makes the whole catalogue malformed, so one bad entry never half-updates prices.
 *
 * @throws {InvalidResponseError} when the body is not a model list or a price is malformed
 */
export function parseCataloguePrices(body: string): Map<string, ModelPrice> {
  let parsed: unknown;
  try {
    parsed = JSON.parse(body);
  } catch (error) {
    throw new InvalidResponseError('GET /v1/models?format=openrouter returned a body that is not JSON', {
      bodySnippet: body,
      cause: error,
    });
  }
  const data = (parsed as { data?: unknown } | null)?.data;
  if (!Array.isArray(data)) throw malformed('no "data" list', body);
  const prices = new Map<string, ModelPrice>();
  for (const entry of data as unknown[]) {
    const { id, pricing } = (entry ?? {}) as { id?: unknown; pricing?: unknown };
    if (typeof id !== 'string' || pricing === undefined || pricing === null) continue;
    const fields = pricing as Record<string, unknown>;
    const input = perMillion(fields.prompt);
    const output = perMillion(fields.completion);
    const cached = fields.input_cache_read === undefined ? input : perMillion(fields.input_cache_read);
    if (input === undefined || output === undefined || cached === undefined) {
      throw malformed(`malformed pricing for model "${id}"`, body);
    }
    prices.set(id, { inputUsdPerMillion: input, cachedInputUsdPerMillion: cached, outputUsdPerMillion: output });
  }
  return prices;
}
