import { createFaultSchedule, parseFaultSpec } from '@acpt/transport-mock';
import { describe, expect, it } from 'vitest';
import { buildFaultMix, DEFAULT_FAULT_KINDS, describeFaultRules } from './fault-mix.ts';

describe('buildFaultMix', () => {
  it('injects the requested share in total, spread evenly over the kinds', () => {
    const schedule = createFaultSchedule(buildFaultMix({ rate: 0.2, seed: 11 }));
    const byKind = new Map<string, number>();
    const attempts = 70_000;
    for (let index = 0; index < attempts; index += 1) {
      const kind = schedule.faultAt(index)?.kind;
      if (kind !== undefined) byKind.set(kind, (byKind.get(kind) ?? 0) + 1);
    }
    const total = [...byKind.values()].reduce((sum, count) => sum + count, 0);
    expect(total / attempts).toBeGreaterThan(0.19);
    expect(total / attempts).toBeLessThan(0.21);
    expect([...byKind.keys()].sort()).toEqual([...DEFAULT_FAULT_KINDS].sort());
    for (const count of byKind.values()) expect(count / attempts).toBeCloseTo(0.2 / 7, 2);
  });

  it('injects nothing at rate 0 and sets the slow-headers delay when given', () => {
    expect(buildFaultMix({ rate: 0, seed: 1 })).toEqual([]);
    const rules = buildFaultMix({ rate: 0.1, seed: 1, kinds: ['slow-headers'], slowHeadersMs: 250 });
    expect(rules).toEqual([{ kind: 'slow-headers', probability: 0.1, seed: 1, delayMs: 250 }]);
  });

  it('renders rules in the spec form the mock parses back', () => {
    const rules = buildFaultMix({ rate: 0.2, seed: 5 });
    expect(parseFaultSpec(describeFaultRules(rules))).toEqual(
      rules.map((rule) => ({ ...rule, probability: Number(rule.probability?.toFixed(6)) })),
    );
  });
});
