import * as v from 'valibot';
import type { ApiKeyProvider } from '../contract/api-key-provider.ts';
import { isApiKeySourceInput, toApiKeyProvider } from '../secret/to-api-key-provider.ts';

const providerExpected =
  'a key provider: a function returning the key, an object with get() and optional ttlMs / timeoutMs (positive ' +
  'milliseconds), or an ApiKeyProvider';

function hasValidTimings(value: unknown): boolean {
  if (typeof value !== 'object' || value === null) return true;
  const { ttlMs, timeoutMs } = value as { ttlMs?: unknown; timeoutMs?: unknown };
  const ok = (ms: unknown): boolean => ms === undefined || (typeof ms === 'number' && Number.isFinite(ms) && ms > 0);
  return ok(ttlMs) && ok(timeoutMs);
}

/**
 * A key provider (what `apiKey` holds when it is not the key itself; the loader moves it here): checked, then wrapped
 * into the family's cached, single-flight `ApiKeyProvider`. An `ApiKeyProvider` passes through unchanged.
 */
export const apiKeyProviderSchema: v.GenericSchema<ApiKeyProvider, ApiKeyProvider> = v.pipe(
  v.custom<ApiKeyProvider>((value) => isApiKeySourceInput(value) && hasValidTimings(value), providerExpected),
  v.transform((value) => toApiKeyProvider(value)),
);

const proxyExpected =
  '"env" (HTTPS_PROXY / HTTP_PROXY / NO_PROXY), "none", or a proxy URL such as http://user:password@proxy:3128';

/** `connection.proxy`: `env`, `none`, or an `http://` / `https://` proxy URL (credentials allowed, kept secret). */
export const proxySchema: v.GenericSchema<string> = v.pipe(
  v.string(proxyExpected),
  v.trim(),
  v.check((text) => text === 'env' || text === 'none' || isProxyUrl(text), proxyExpected),
);

function isProxyUrl(text: string): boolean {
  try {
    const url = new URL(text);
    return (url.protocol === 'http:' || url.protocol === 'https:') && url.hostname !== '';
  } catch {
    return false;
  }
}
