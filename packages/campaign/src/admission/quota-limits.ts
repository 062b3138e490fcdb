import type { RateLimitState, RateLimitWindow, RateLimitWindowName } from '@acpt/config';

/** One organisation's quota for one model; each set window is enforced, unset ones are learned from the headers. */
export interface QuotaLimits {
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

/** The six windows in the order the Lua scripts use: unit (`requests`/`tokens`), window, and the limit's field. */
export const QUOTA_WINDOWS: readonly {
  readonly unit: 'requests' | 'tokens';
  readonly window: Exclude<RateLimitWindowName, 'second'>;
  readonly field: keyof QuotaLimits;
}[] = [
  { unit: 'requests', window: 'minute', field: 'requestsPerMinute' },
  { unit: 'requests', window: 'hour', field: 'requestsPerHour' },
  { unit: 'requests', window: 'day', field: 'requestsPerDay' },
  { unit: 'tokens', window: 'minute', field: 'tokensPerMinute' },
  { unit: 'tokens', window: 'hour', field: 'tokensPerHour' },
  { unit: 'tokens', window: 'day', field: 'tokensPerDay' },
];

/** The script's short window names (`rm` … `td`) in {@link QUOTA_WINDOWS} order. */
export const SHORT_WINDOW_NAMES: readonly string[] = ['rm', 'rh', 'rd', 'tm', 'th', 'td'];

/** `rm` → `requests-minute` etc., for messages. */
export function describeWindow(short: string): string {
  const index = SHORT_WINDOW_NAMES.indexOf(short);
  const entry = QUOTA_WINDOWS[index];
  return entry === undefined ? short : `${entry.unit}-${entry.window}`;
}

/** The configured limits as the script's arguments (`-1` for unset). */
export function limitArguments(limits: QuotaLimits): string[] {
  return QUOTA_WINDOWS.map(({ field }) => String(limits[field] ?? -1));
}

/** A response's `x-ratelimit-*` state as the observe script's arguments: limit, remaining, reset ms per window. */
export function observationArguments(state: RateLimitState): string[] {
  const values: string[] = [];
  for (const { unit, window } of QUOTA_WINDOWS) {
    const entry: RateLimitWindow | undefined = state[unit][window];
    values.push(
      entry?.limit === undefined ? '' : String(entry.limit),
      entry?.remaining === undefined ? '' : String(entry.remaining),
      entry?.resetSeconds === undefined ? '' : String(Math.round(entry.resetSeconds * 1000)),
    );
  }
  return values;
}
