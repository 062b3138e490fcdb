import type { RateLimitState, RateLimitWindow, RateLimitWindowName } from '../contract/rate-limit.ts';
import type { HeaderRecord } from './headers.ts';

const headerPattern = /^x-ratelimit-(limit|remaining|reset)-(requests|tokens)-(second|minute|hour|day)$/;
const fieldOf = { limit: 'limit', remaining: 'remaining', reset: 'resetSeconds' } as const;

/**
 * Parses every `x-ratelimit-{limit,remaining,reset}-{requests,tokens}-{second,minute,hour,day}` header present.
 * Returns `undefined` when there is none. Values that are not finite numbers are ignored.
 *
 * @param headers - lower-cased response headers
 * @param observedAtMs - when they were received (epoch ms)
 */
export function parseRateLimitHeaders(headers: HeaderRecord, observedAtMs: number): RateLimitState | undefined {
  const requests: Partial<Record<RateLimitWindowName, Record<string, number>>> = {};
  const tokens: Partial<Record<RateLimitWindowName, Record<string, number>>> = {};
  let found = false;
  for (const [name, raw] of Object.entries(headers)) {
    if (raw === undefined || !name.startsWith('x-ratelimit-')) continue;
    const match = headerPattern.exec(name);
    if (!match) continue;
    const text = (typeof raw === 'string' ? raw : raw[0]) ?? '';
    // `Number('')` is 0: an empty header must not read as "0 remaining".
    const value = text.trim() === '' ? Number.NaN : Number(text);
    if (!Number.isFinite(value)) continue;
    const [, field, unit, window] = match as unknown as [
      string,
      keyof typeof fieldOf,
      'requests' | 'tokens',
      RateLimitWindowName,
    ];
    const target = unit === 'requests' ? requests : tokens;
    const entry = target[window] ?? {};
    entry[fieldOf[field]] = value;
    target[window] = entry;
    found = true;
  }
  if (!found) return undefined;
  return {
    observedAtMs,
    requests: requests as Partial<Record<RateLimitWindowName, RateLimitWindow>>,
    tokens: tokens as Partial<Record<RateLimitWindowName, RateLimitWindow>>,
  };
}
