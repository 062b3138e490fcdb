import { type QuotaState, type QuotaUnit, type QuotaWindow, secondsToReset, WINDOW_MS } from './rate-limit-windows.ts';

/** Quotas of a mock endpoint. Each one set is enforced and reported in `x-ratelimit-*` headers; unset ones are not. */
export interface MockRateLimits {
  /** Requests per minute. */
  readonly requestsPerMinute?: number;
  /** Requests per hour. */
  readonly requestsPerHour?: number;
  /** Requests per day. */
  readonly requestsPerDay?: number;
  /** Tokens per minute. */
  readonly tokensPerMinute?: number;
  /** Tokens per hour. */
  readonly tokensPerHour?: number;
  /** Tokens per day. */
  readonly tokensPerDay?: number;
}

/** What the limiter decided for one request. */
export interface RateLimitVerdict {
  /** The window that refused the request, if one did (the request is then not charged). */
  readonly exceeded: QuotaState | undefined;
  /** Every window after the decision, for the headers. */
  readonly states: readonly QuotaState[];
}

/** Fixed-window quotas that count down per request and reset on the window clock. */
export interface RateLimiter {
  /**
   * Admits a request if every request window has room for one more and every token window has room for `reserve`
   * tokens (Cerebras reserves prompt + `max_completion_tokens` at admission); an admitted request is charged one
   * request and `charge` tokens (what it really used).
   */
  admit(reserve: number, charge: number, nowMs: number): RateLimitVerdict;
}

interface Bucket {
  readonly unit: QuotaUnit;
  readonly window: QuotaWindow;
  readonly limit: number;
  start: number;
  used: number;
}

const fields: readonly [keyof MockRateLimits, QuotaUnit, QuotaWindow][] = [
  ['requestsPerMinute', 'requests', 'minute'],
  ['requestsPerHour', 'requests', 'hour'],
  ['requestsPerDay', 'requests', 'day'],
  ['tokensPerMinute', 'tokens', 'minute'],
  ['tokensPerHour', 'tokens', 'hour'],
  ['tokensPerDay', 'tokens', 'day'],
];

/**
 * Creates a limiter over the given quotas. Windows are aligned to the epoch of the `nowMs` passed in, so a virtual
 * clock gives fully reproducible headers.
 */
export function createRateLimiter(limits: MockRateLimits): RateLimiter {
  const buckets: Bucket[] = [];
  for (const [field, unit, window] of fields) {
    const limit = limits[field];
    if (limit !== undefined) buckets.push({ unit, window, limit, start: Number.NEGATIVE_INFINITY, used: 0 });
  }
  const stateOf = (bucket: Bucket, nowMs: number): QuotaState => ({
    unit: bucket.unit,
    window: bucket.window,
    limit: bucket.limit,
    remaining: Math.max(0, bucket.limit - bucket.used),
    resetSeconds: secondsToReset(bucket.window, nowMs),
  });
  return {
    admit(reserve: number, charge: number, nowMs: number): RateLimitVerdict {
      let exceeded: QuotaState | undefined;
      for (const bucket of buckets) {
        const length = WINDOW_MS[bucket.window];
        const start = Math.floor(nowMs / length) * length;
        if (start !== bucket.start) {
          bucket.start = start;
          bucket.used = 0;
        }
        const cost = bucket.unit === 'requests' ? 1 : reserve;
        if (exceeded === undefined && bucket.used + cost > bucket.limit) exceeded = stateOf(bucket, nowMs);
      }
      if (exceeded === undefined) for (const bucket of buckets) bucket.used += bucket.unit === 'requests' ? 1 : charge;
      return { exceeded, states: buckets.map((bucket) => stateOf(bucket, nowMs)) };
    },
  };
}
