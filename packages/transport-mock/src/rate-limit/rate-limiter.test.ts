import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { createRateLimiter } from './rate-limiter.ts';

describe('createRateLimiter', () => {
  it('never admits more than a window allows, and counts every admitted request and token', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 20 }),
        fc.integer({ min: 100, max: 5000 }),
        fc.array(fc.tuple(fc.integer({ min: 1, max: 800 }), fc.integer({ min: 0, max: 5000 })), { maxLength: 60 }),
        (requestsPerMinute, tokensPerMinute, calls) => {
          const limiter = createRateLimiter({ requestsPerMinute, tokensPerMinute });
          let now = 0;
          let admitted = 0;
          let tokens = 0;
          for (const [tokenCost, stepMs] of calls) {
            const windowBefore = Math.floor(now / 60_000);
            now += stepMs;
            if (Math.floor(now / 60_000) !== windowBefore) {
              admitted = 0;
              tokens = 0;
            }
            const verdict = limiter.admit(tokenCost, tokenCost, now);
            if (verdict.exceeded === undefined) {
              admitted += 1;
              tokens += tokenCost;
            }
            expect(admitted).toBeLessThanOrEqual(requestsPerMinute);
            expect(tokens).toBeLessThanOrEqual(tokensPerMinute);
            const byName = Object.fromEntries(verdict.states.map((state) => [state.unit, state]));
            expect(byName.requests?.remaining).toBe(requestsPerMinute - admitted);
            expect(byName.tokens?.remaining).toBe(tokensPerMinute - tokens);
            expect(byName.requests?.resetSeconds).toBeCloseTo((60_000 - (now % 60_000)) / 1000, 1);
          }
        },
      ),
    );
  });

  it('refuses on the reservation but charges what was used', () => {
    const limiter = createRateLimiter({ tokensPerMinute: 1000 });
    expect(limiter.admit(1200, 10, 0).exceeded).toMatchObject({ unit: 'tokens', window: 'minute', remaining: 1000 });
    expect(limiter.admit(900, 10, 0).states[0]?.remaining).toBe(990);
  });
});
