import { type MockRateLimits, parseRateLimitSpec } from '@acpt/transport-mock';
import { UsageError } from '../cli/usage-error.ts';

/**
 * The quotas used when `--quota` is not given: far above anything a load test reaches, so they never refuse a
 * request, but present, so every response carries `x-ratelimit-*` headers as Cerebras' do. Without them, the only
 * headers the adapter's token admission sees are those of injected 429s ("0 tokens left this minute"), and it would
 * hold all traffic until the minute resets after the first one.
 */
export const DEFAULT_QUOTA_SPEC = 'rpm=100000000,tpm=100000000000';

/**
 * Parses `--quota`: `none`, or `name=N` pairs separated by commas with names `rpm`, `rph`, `rpd`, `tpm`, `tph`,
 * `tpd` (e.g. `rpm=1450,tpm=1450000`, a paid tier), read by the mock's own `parseRateLimitSpec`; every value must be
 * positive.
 *
 * @throws {UsageError} for an unknown name or a value that is not a positive integer
 */
export function parseQuotaSpec(spec: string): MockRateLimits | undefined {
  if (spec.trim() === 'none') return undefined;
  const usage = new UsageError(`--quota must be none or rpm|rph|rpd|tpm|tph|tpd=N pairs, got "${spec}"`);
  let limits: MockRateLimits;
  try {
    limits = parseRateLimitSpec(spec);
  } catch {
    throw usage;
  }
  if (Object.values(limits).some((value) => value < 1)) throw usage;
  return limits;
}
