import type { MockLatencyModel } from '@acpt/transport-mock';
import { UsageError } from '../cli/usage-error.ts';

/** The latency profile used when `--latency` is not given. */
export const DEFAULT_LATENCY_PROFILE = 'seeded:5-25';

const syntax = 'none | fixed:MS | seeded:MIN-MAX, then optionally :ttft=MS and :tps=TOKENS_PER_SECOND';

/**
 * Parses `--latency`: `none`, `fixed:40`, `seeded:5-25` (uniform per request, seeded), each optionally followed by
 * `:ttft=MS` (wait between headers and first token) and `:tps=N` (generation speed).
 *
 * @throws {UsageError} for anything else
 * @example parseLatencyProfile('seeded:20-80:ttft=10:tps=2000', 7)
 */
export function parseLatencyProfile(spec: string, seed: number): MockLatencyModel {
  const [shape = '', ...parts] = spec.trim().split(':');
  const fail = (): never => {
    throw new UsageError(`--latency must be ${syntax}, got "${spec}"`);
  };
  const number = (text: string | undefined): number => {
    const value = Number(text);
    return text === undefined || text.trim() === '' || !Number.isFinite(value) || value < 0 ? fail() : value;
  };
  if (shape === 'none') return parts.length === 0 ? { kind: 'none' } : fail();
  const [range, ...options] = parts;
  const extras: { timeToFirstTokenMs?: number; tokensPerSecond?: number } = {};
  for (const option of options) {
    const [name, value] = option.split('=', 2);
    if (name === 'ttft') extras.timeToFirstTokenMs = number(value);
    else if (name === 'tps' && number(value) > 0) extras.tokensPerSecond = number(value);
    else fail();
  }
  if (shape === 'fixed') return { kind: 'fixed', ms: number(range), ...extras };
  if (shape === 'seeded') {
    const [low, high] = (range ?? '').split('-', 2);
    const minMs = number(low);
    const maxMs = number(high);
    return maxMs < minMs ? fail() : { kind: 'seeded', minMs, maxMs, seed, ...extras };
  }
  return fail();
}
