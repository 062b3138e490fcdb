import { AcptConfigError } from '@acpt/config';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { FAULT_KINDS, type FaultRule } from './fault-rule.ts';
import { createFaultSchedule } from './fault-schedule.ts';
import { parseFaultSpec } from './parse-fault-spec.ts';

const firing = (rules: readonly FaultRule[], count: number): (string | undefined)[] => {
  const schedule = createFaultSchedule(rules);
  return Array.from({ length: count }, (_, index) => schedule.faultAt(index)?.kind);
};

describe('createFaultSchedule', () => {
  it('fires every k-th request, on listed indexes, and the first matching rule wins', () => {
    expect(firing([{ kind: 'server-error', every: 3 }], 7)).toEqual([
      undefined,
      undefined,
      'server-error',
      undefined,
      undefined,
      'server-error',
      undefined,
    ]);
    expect(
      firing(
        [
          { kind: 'forbidden', at: [0, 4] },
          { kind: 'not-found', every: 2 },
        ],
        5,
      ),
    ).toEqual(['forbidden', 'not-found', undefined, 'not-found', 'forbidden']);
    expect(firing([{ kind: 'connection-reset' }], 3)).toEqual([
      'connection-reset',
      'connection-reset',
      'connection-reset',
    ]);
  });

  it('fires a seeded probability at that rate, identically on every run', () => {
    fc.assert(
      fc.property(
        fc.double({ min: 0, max: 1, noNaN: true }),
        fc.integer({ min: 0, max: 1000 }),
        (probability, seed) => {
          const rule: FaultRule = { kind: 'service-unavailable', probability, seed };
          const hits = firing([rule], 4000).filter(Boolean).length;
          expect(firing([rule], 4000).filter(Boolean).length).toBe(hits);
          expect(Math.abs(hits / 4000 - probability)).toBeLessThan(0.05);
        },
      ),
      { numRuns: 50 },
    );
    expect(firing([{ kind: 'server-error', probability: 0.5, seed: 1 }], 64)).not.toEqual(
      firing([{ kind: 'server-error', probability: 0.5, seed: 2 }], 64),
    );
  });

  it('rejects malformed rules with every problem listed', () => {
    const error = (() => {
      try {
        createFaultSchedule([{ kind: 'server-error', every: 0, probability: 2 }, { kind: 'nope' as 'server-error' }]);
      } catch (caught) {
        return caught;
      }
    })();
    expect(AcptConfigError.isInstance(error)).toBe(true);
    expect((error as AcptConfigError).issues.map((issue) => issue.path)).toEqual([
      'faults[0].every',
      'faults[0].probability',
      'faults[1].kind',
    ]);
  });
});

describe('parseFaultSpec', () => {
  it('parses the compact CLI form', () => {
    expect(
      parseFaultSpec(
        'rate-limit-tokens:every=5, service-unavailable:p=0.1:seed=3,connection-reset:at=1/4/9,headers-timeout:delay=250',
      ),
    ).toEqual([
      { kind: 'rate-limit-tokens', every: 5 },
      { kind: 'service-unavailable', probability: 0.1, seed: 3 },
      { kind: 'connection-reset', at: [1, 4, 9] },
      { kind: 'headers-timeout', delayMs: 250 },
    ]);
    expect(parseFaultSpec('')).toEqual([]);
  });

  it('round-trips any rule written in the compact form', () => {
    const rule = fc.record(
      {
        kind: fc.constantFrom(...FAULT_KINDS),
        every: fc.integer({ min: 1, max: 100 }),
        at: fc.array(fc.nat(1000), { minLength: 1, maxLength: 4 }),
        probability: fc.double({ min: 0, max: 1, noNaN: true }),
        seed: fc.integer({ min: -1000, max: 1000 }),
        delayMs: fc.nat(100_000),
      },
      { requiredKeys: ['kind'] },
    );
    fc.assert(
      fc.property(fc.array(rule, { minLength: 1, maxLength: 4 }), (rules) => {
        const spec = rules
          .map((entry) =>
            [
              entry.kind,
              entry.every === undefined ? '' : `every=${entry.every}`,
              entry.at === undefined ? '' : `at=${entry.at.join('/')}`,
              entry.probability === undefined ? '' : `p=${entry.probability}`,
              entry.seed === undefined ? '' : `seed=${entry.seed}`,
              entry.delayMs === undefined ? '' : `delay=${entry.delayMs}`,
            ]
              .filter(Boolean)
              .join(':'),
          )
          .join(',');
        expect(parseFaultSpec(spec)).toEqual(rules);
      }),
    );
  });

  it('explains what is wrong', () => {
    expect(() => parseFaultSpec('meteor')).toThrow(/unknown fault kind "meteor"/);
    expect(() => parseFaultSpec('server-error:often=2')).toThrow(/unknown option "often"/);
    expect(() => parseFaultSpec('server-error:every=x')).toThrow(/"every" needs a number/);
    expect(() => parseFaultSpec('server-error:p=1.5')).toThrow(/probability/);
  });
});
