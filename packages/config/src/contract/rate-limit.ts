/** One rate-limit window as reported by `x-ratelimit-{limit,remaining,reset}-<unit>-<window>` headers. */
export interface RateLimitWindow {
  /** The window's limit. */
  readonly limit?: number;
  /** What is left in the window. */
  readonly remaining?: number;
  /** Seconds until the window resets (float). */
  readonly resetSeconds?: number;
}

/** The windows Cerebras reports; any may be absent. */
export type RateLimitWindowName = 'second' | 'minute' | 'hour' | 'day';

/** Every `x-ratelimit-*` header of one response, parsed. */
export interface RateLimitState {
  /** Wall-clock ms (epoch) when the headers were received, to turn relative resets into instants. */
  readonly observedAtMs: number;
  /** Request windows. */
  readonly requests: Readonly<Partial<Record<RateLimitWindowName, RateLimitWindow>>>;
  /** Token windows. */
  readonly tokens: Readonly<Partial<Record<RateLimitWindowName, RateLimitWindow>>>;
}
