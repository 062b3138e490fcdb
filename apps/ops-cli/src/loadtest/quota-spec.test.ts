import { describe, expect, it } from 'vitest';
import { UsageError } from '../cli/usage-error.ts';
import { DEFAULT_QUOTA_SPEC, parseQuotaSpec } from './quota-spec.ts';

describe('parseQuotaSpec (--quota)', () => {
  it('reads none and name=N pairs, the default included', () => {
    expect(parseQuotaSpec('none')).toBeUndefined();
    expect(parseQuotaSpec('rpm=1450, tpm=1450000')).toEqual({ requestsPerMinute: 1450, tokensPerMinute: 1450000 });
    expect(parseQuotaSpec(DEFAULT_QUOTA_SPEC)).toEqual({ requestsPerMinute: 100000000, tokensPerMinute: 100000000000 });
  });

  it('refuses unknown names, non-integers and zero with a UsageError naming the flag', () => {
    for (const bad of ['rps=3', 'rpm=1.5', 'rpm=0', 'rpm', '']) {
      expect(() => parseQuotaSpec(bad)).toThrow(UsageError);
      expect(() => parseQuotaSpec(bad)).toThrow(/--quota must be none or rpm\|rph\|rpd\|tpm\|tph\|tpd=N pairs/);
    }
  });
});
