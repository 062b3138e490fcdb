import type { RateLimitState, RateLimitWindow, RateLimitWindowName } from '@acpt/config';
import { type CheckRow, row } from './check-row.ts';

/** Below this share of a window left, the headroom row warns. */
export const headroomWarningShare = 0.1;

const windowOrder: readonly RateLimitWindowName[] = ['second', 'minute', 'hour', 'day'];

interface Headroom {
  readonly name: string;
  readonly share: number;
  readonly text: string;
}

function headroomOf(unit: 'requests' | 'tokens', windows: RateLimitState['requests']): Headroom[] {
  const rows: Headroom[] = [];
  for (const window of windowOrder) {
    const entry: RateLimitWindow | undefined = windows[window];
    if (entry?.limit === undefined || entry.remaining === undefined || entry.limit <= 0) continue;
    const share = entry.remaining / entry.limit;
    const reset = entry.resetSeconds === undefined ? '' : `, resets in ${entry.resetSeconds.toFixed(0)} s`;
    const name = `${unit}/${window}`;
    rows.push({
      name,
      share,
      text: `${name} ${entry.remaining}/${entry.limit} left (${(share * 100).toFixed(0)} %${reset})`,
    });
  }
  return rows;
}

/**
 * Reads the `x-ratelimit-*` headers of the last sampled response: fails when a window is used up, warns below 10 %
 * left, skips when the endpoint sent none.
 */
export function checkRateLimit(state: RateLimitState | undefined): CheckRow {
  const windows =
    state === undefined ? [] : [...headroomOf('requests', state.requests), ...headroomOf('tokens', state.tokens)];
  if (windows.length === 0)
    return row('rate-limit', 'skip', 'the endpoint sent no x-ratelimit-* limit/remaining headers');
  const detail = windows.map((window) => window.text).join('; ');
  const tightest = windows.reduce((low, window) => (window.share < low.share ? window : low));
  if (tightest.share <= 0) {
    return row(
      'rate-limit',
      'fail',
      detail,
      `The ${tightest.name} quota is used up: wait for the reset, or ask Cerebras for a higher tier.`,
    );
  }
  if (tightest.share < headroomWarningShare) {
    return row(
      'rate-limit',
      'warn',
      detail,
      `Less than 10 % of ${tightest.name} left: lower max_completion_tokens (reserved at admission) or spread the load.`,
    );
  }
  return row('rate-limit', 'pass', detail);
}
