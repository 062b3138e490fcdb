import { AcptConfigError } from '@acpt/config';
import type { MockRateLimits } from './rate-limiter.ts';

const fieldOf: Readonly<Record<string, keyof MockRateLimits>> = {
  rpm: 'requestsPerMinute',
  rph: 'requestsPerHour',
  rpd: 'requestsPerDay',
  tpm: 'tokensPerMinute',
  tph: 'tokensPerHour',
  tpd: 'tokensPerDay',
};

/**
 * Parses the compact quota form of the CLI: `name=N` pairs separated by commas, names `rpm`, `rph`, `rpd`, `tpm`,
 * `tph`, `tpd` (requests or tokens per minute, hour, day), values whole numbers.
 *
 * @throws {AcptConfigError} for an unknown name or a value that is not a whole number
 * @example
 * parseRateLimitSpec('rpm=30,tpm=60000'); // { requestsPerMinute: 30, tokensPerMinute: 60000 }
 */
export function parseRateLimitSpec(spec: string): MockRateLimits {
  const limits: Partial<Record<keyof MockRateLimits, number>> = {};
  for (const part of spec.split(',')) {
    const [name = '', raw = ''] = part.trim().split('=', 2);
    const field = fieldOf[name];
    if (field === undefined || !/^\d+$/.test(raw)) {
      throw new AcptConfigError([
        {
          path: 'rateLimits',
          expected: 'rpm|rph|rpd|tpm|tph|tpd=N pairs, comma-separated',
          received: JSON.stringify(part),
          source: { kind: 'override' },
          message: `"${part}" is not a quota such as rpm=30`,
        },
      ]);
    }
    limits[field] = Number(raw);
  }
  return limits;
}
