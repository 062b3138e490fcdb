import type { RetrySettings } from '@acpt/config';

/**
 * The wait before retry number `retry` (1 for the first retry): exponential growth from `initialBackoffMs` by
 * `multiplier`, capped at `maxBackoffMs`, then jittered. With `jitter` 1 (full jitter) the wait is uniform in
 * `(0, cap]`; with `jitter` j it is uniform in `[cap·(1−j), cap]`.
 *
 * @param random - a source of uniform numbers in [0, 1)
 */
export function backoffDelayMs(retry: number, settings: RetrySettings, random: () => number): number {
  const grown = settings.initialBackoffMs * settings.multiplier ** Math.max(0, retry - 1);
  const cap = Math.min(settings.maxBackoffMs, grown);
  return cap * (1 - settings.jitter * random());
}
