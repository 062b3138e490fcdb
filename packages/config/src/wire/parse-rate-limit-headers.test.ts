import { describe, expect, it } from 'vitest';
import { parseRateLimitHeaders } from './parse-rate-limit-headers.ts';

describe('parseRateLimitHeaders', () => {
  it('returns undefined without any x-ratelimit header', () => {
    expect(parseRateLimitHeaders({ 'content-type': 'application/json' }, 1)).toBeUndefined();
    expect(parseRateLimitHeaders({ 'x-ratelimit-remaining-tokens': '5' }, 1)).toBeUndefined();
  });

  it('parses the full {limit,remaining,reset} × {requests,tokens} × {second,minute,hour,day} matrix', () => {
    const headers: Record<string, string> = {};
    const expected = { requests: {} as Record<string, object>, tokens: {} as Record<string, object> };
    let value = 1;
    for (const unit of ['requests', 'tokens'] as const) {
      for (const window of ['second', 'minute', 'hour', 'day']) {
        const entry = { limit: value, remaining: value + 0.5, resetSeconds: value + 0.25 };
        headers[`x-ratelimit-limit-${unit}-${window}`] = String(entry.limit);
        headers[`x-ratelimit-remaining-${unit}-${window}`] = String(entry.remaining);
        headers[`x-ratelimit-reset-${unit}-${window}`] = String(entry.resetSeconds);
        expected[unit][window] = entry;
        value += 10;
      }
    }
    expect(parseRateLimitHeaders(headers, 1234)).toEqual({ observedAtMs: 1234, ...expected });
  });

  it('parses a partial set, as on a 429 with the documented headers only', () => {
    const state = parseRateLimitHeaders(
      {
        'x-ratelimit-limit-requests-day': '14400',
        'x-ratelimit-remaining-requests-day': '14399',
        'x-ratelimit-reset-requests-day': '33011.38',
        'x-ratelimit-limit-tokens-minute': '60000',
        'x-ratelimit-remaining-tokens-minute': '0',
        'x-ratelimit-reset-tokens-minute': '11.38',
      },
      0,
    );
    expect(state).toEqual({
      observedAtMs: 0,
      requests: { day: { limit: 14400, remaining: 14399, resetSeconds: 33011.38 } },
      tokens: { minute: { limit: 60000, remaining: 0, resetSeconds: 11.38 } },
    });
  });

  it('ignores values that are not numbers, empty values and unknown windows', () => {
    const state = parseRateLimitHeaders(
      {
        'x-ratelimit-remaining-requests-day': '',
        'x-ratelimit-remaining-tokens-day': ' ',
        'x-ratelimit-limit-tokens-minute': 'lots',
        'x-ratelimit-limit-tokens-week': '5',
        'x-ratelimit-limit-requests-minute': ['30', '40'],
      },
      0,
    );
    expect(state).toEqual({ observedAtMs: 0, requests: { minute: { limit: 30 } }, tokens: {} });
  });
});
