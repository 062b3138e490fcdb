import { describe, expect, it } from 'vitest';
import { describeError } from './describe-error.ts';
import { SpendLimitError } from './spend-limit-error.ts';

describe('SpendLimitError', () => {
  it('names the limit, the figures and the fix', () => {
    const error = new SpendLimitError(
      { admitted: false, limit: 'hourly', limitUsd: 2, spentUsd: 1.95, reservedUsd: 0.04, requestedUsd: 0.0125 },
      'gpt-oss-120b',
    );
    expect(error.message).toBe(
      'Spend limit spend.maxUsdPerHour ($2) would be crossed: $1.95 spent in the last hour, $0.04 reserved by ' +
        'requests in flight, and this request may cost up to $0.0125; raise spend.maxUsdPerHour or lower ' +
        'maxCompletionTokens',
    );
    expect(describeError(error)).toMatchObject({ type: 'spend_limit', code: 'ACPT_SPEND_LIMIT', retryable: false });
  });

  it('says why an unpriced model cannot be admitted under a limit', () => {
    const error = new SpendLimitError(
      { admitted: false, limit: 'unpriced', limitUsd: 0, spentUsd: 0, reservedUsd: 0, requestedUsd: 0 },
      'qwen-3.8-27b',
    );
    expect(error.message).toContain('model "qwen-3.8-27b" has no price');
    expect(error.limit).toBe('unpriced');
  });
});
