import type { RateLimitState, RateLimitWindow, RateLimitWindowName } from '../contract/rate-limit.ts';
import type { HeaderRecord } from './headers.ts';

type Field = 'limit' | 'remaining' | 'resetSeconds';
type Unit = 'requests' | 'tokens';

/** Every header this parser reads, by name: 3 fields × 2 units × 4 windows (a lookup instead of a match per header). */
const headerSpecs: ReadonlyMap<
  string,
  { readonly field: Field; readonly unit: Unit; readonly window: RateLimitWindowName }
> = new Map(
  (['limit', 'remaining', 'reset'] as const).flatMap((name) =>
    (['requests', 'tokens'] as const).flatMap((unit) =>
      (['second', 'minute', 'hour', 'day'] as const).map(
        (window) =>
          [
            `x-ratelimit-${name}-${unit}-${window}`,
            { field: name === 'reset' ? 'resetSeconds' : name, unit, window },
          ] as const,
      ),
    ),
  ),
);

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
  for (const name in headers) {
    // Most headers are not rate-limit headers: one character test before the lookup.
    if (name.charCodeAt(0) !== 120 /* x */) continue;
    const spec = headerSpecs.get(name);
    const raw = headers[name];
    if (spec === undefined || raw === undefined) continue;
    const text = (typeof raw === 'string' ? raw : raw[0]) ?? '';
    // `Number('')` is 0: an empty header must not read as "0 remaining".
    const value = text.trim() === '' ? Number.NaN : Number(text);
    if (!Number.isFinite(value)) continue;
    const target = spec.unit === 'requests' ? requests : tokens;
    const entry = target[spec.window] ?? {};
    entry[spec.field] = value;
    target[spec.window] = entry;
    found = true;
  }
  if (!found) return undefined;
  return {
    observedAtMs,
    requests: requests as Partial<Record<RateLimitWindowName, RateLimitWindow>>,
    tokens: tokens as Partial<Record<RateLimitWindowName, RateLimitWindow>>,
  };
}
