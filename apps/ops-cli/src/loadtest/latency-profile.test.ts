import { describe, expect, it } from 'vitest';
import { UsageError } from '../cli/usage-error.ts';
import { parseLatencyProfile } from './latency-profile.ts';

describe('parseLatencyProfile', () => {
  it('parses none, fixed and seeded profiles with their options', () => {
    expect(parseLatencyProfile('none', 1)).toEqual({ kind: 'none' });
    expect(parseLatencyProfile('fixed:40', 1)).toEqual({ kind: 'fixed', ms: 40 });
    expect(parseLatencyProfile('seeded:5-25:ttft=10:tps=2000', 3)).toEqual({
      kind: 'seeded',
      minMs: 5,
      maxMs: 25,
      seed: 3,
      timeToFirstTokenMs: 10,
      tokensPerSecond: 2000,
    });
  });

  it.each(['', 'slow', 'fixed', 'fixed:-1', 'seeded:9-3', 'seeded:5', 'none:1', 'fixed:5:tps=0', 'fixed:5:x=1'])(
    'rejects %j with a usage error',
    (spec) => {
      expect(() => parseLatencyProfile(spec, 0)).toThrow(UsageError);
    },
  );
});
