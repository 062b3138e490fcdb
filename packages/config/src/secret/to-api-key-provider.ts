import {
  type ApiKeyFunction,
  type ApiKeyProvider,
  type ApiKeySource,
  isApiKeyProvider,
} from '../contract/api-key-provider.ts';
import { createApiKeyProvider } from './create-api-key-provider.ts';
import { Secret } from './secret.ts';

/** True for the provider forms `apiKey` accepts: a function, an object with `get()`, or an `ApiKeyProvider`. */
export function isApiKeySourceInput(value: unknown): value is ApiKeyFunction | ApiKeySource | ApiKeyProvider {
  if (typeof value === 'function') return true;
  if (typeof value !== 'object' || value === null || Secret.isInstance(value)) return false;
  return isApiKeyProvider(value) || typeof (value as { get?: unknown }).get === 'function';
}

function describeSource(source: ApiKeySource | ApiKeyFunction): string {
  const name = typeof source === 'function' ? undefined : source.name;
  return typeof name === 'string' && name.trim() !== '' ? `provider ${name.trim().slice(0, 200)}` : 'provider';
}

/**
 * Turns what `apiKey` was given in provider form into the family's {@link ApiKeyProvider}: an `ApiKeyProvider` as is,
 * a function or a `{ get(), ttlMs?, timeoutMs?, name? }` object wrapped by `createApiKeyProvider` (cached,
 * single-flight, time-limited, refreshed on TTL and on a refused key).
 */
export function toApiKeyProvider(input: ApiKeyFunction | ApiKeySource | ApiKeyProvider): ApiKeyProvider {
  if (isApiKeyProvider(input)) return input;
  const source = input as ApiKeySource | ApiKeyFunction;
  const load = typeof source === 'function' ? source : source.get.bind(source);
  const settings: Pick<ApiKeySource, 'ttlMs' | 'timeoutMs'> = typeof source === 'function' ? {} : source;
  return createApiKeyProvider({
    source: describeSource(source),
    load,
    ttlMs: settings.ttlMs,
    timeoutMs: settings.timeoutMs,
  });
}
