/** A quota unit: requests or tokens. */
export type QuotaUnit = 'requests' | 'tokens';

/** A quota window the mocks keep. */
export type QuotaWindow = 'minute' | 'hour' | 'day';

/** The length of each window in ms. Windows are fixed and aligned to the epoch (a minute window resets on the minute). */
export const WINDOW_MS: Readonly<Record<QuotaWindow, number>> = { minute: 60_000, hour: 3_600_000, day: 86_400_000 };

/** One window's state as the `x-ratelimit-*` headers report it. */
export interface QuotaState {
  readonly unit: QuotaUnit;
  readonly window: QuotaWindow;
  readonly limit: number;
  readonly remaining: number;
  /** Seconds until the window resets. */
  readonly resetSeconds: number;
}

/** Seconds from `nowMs` to the end of its fixed window, rounded to 1/100 s as Cerebras prints them. */
export function secondsToReset(window: QuotaWindow, nowMs: number): number {
  const length = WINDOW_MS[window];
  const left = length - (((nowMs % length) + length) % length);
  return Math.round(left / 10) / 100;
}

/**
 * Adds `x-ratelimit-limit-<unit>-<window>`, `x-ratelimit-remaining-…` and `x-ratelimit-reset-…` for each state to
 * `headers` (decimal strings, resets in float seconds).
 */
export function addQuotaHeaders(headers: Record<string, string>, states: readonly QuotaState[]): void {
  for (const state of states) {
    const suffix = `${state.unit}-${state.window}`;
    headers[`x-ratelimit-limit-${suffix}`] = String(state.limit);
    headers[`x-ratelimit-remaining-${suffix}`] = String(state.remaining);
    headers[`x-ratelimit-reset-${suffix}`] = String(state.resetSeconds);
  }
}
