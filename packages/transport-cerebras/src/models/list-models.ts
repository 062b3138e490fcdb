import { InvalidResponseError, ModelUnavailableError } from '@acpt/config';
import type { CallScope } from '../call/call-scope.ts';
import { getCatalogue } from './get-catalogue.ts';

/** Options of {@link listModels}. */
export interface ListModelsOptions {
  /** Aborts the call; it then rejects with `signal.reason`. */
  readonly signal?: AbortSignal;
}

function modelIds(body: string): string[] {
  let parsed: unknown;
  try {
    parsed = JSON.parse(body);
  } catch (error) {
    throw new InvalidResponseError('GET /v1/models returned a body that is not JSON', {
      bodySnippet: body,
      cause: error,
    });
  }
  const data = (parsed as { data?: unknown } | null)?.data;
  if (!Array.isArray(data)) {
    throw new InvalidResponseError('GET /v1/models returned no "data" list', { bodySnippet: body });
  }
  return data
    .map((entry: unknown) => (entry as { id?: unknown } | null)?.id)
    .filter((id): id is string => typeof id === 'string');
}

/**
 * The ids of the models the endpoint serves (`GET /v1/models`, authenticated), in the endpoint's order.
 *
 * @throws {AuthenticationError} for a 401 or 403 (wrong or missing key)
 * @throws {InvalidResponseError} when the body is not a model list
 */
export async function listModels(scope: CallScope, options: ListModelsOptions = {}): Promise<string[]> {
  return modelIds(await getCatalogue(scope, '', options.signal));
}

/**
 * Preflight: resolves when `model` is among the endpoint's models.
 *
 * @throws {ModelUnavailableError} naming the models that are available, e.g. for the retired `qwen-3-32b`
 * @throws {AuthenticationError} when the key is refused
 */
export async function checkModel(scope: CallScope, model: string): Promise<void> {
  const available = await listModels(scope);
  if (!available.includes(model)) throw new ModelUnavailableError(model, available);
}
