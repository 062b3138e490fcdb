import type { AdmissionTicket } from '@acpt/config';
import fc from 'fast-check';
import { Redis } from 'ioredis';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type LocalRedis, startLocalRedis } from '../redis/start-local-redis.ts';
import type { QuotaLimits } from './quota-limits.ts';
import { RedisAdmission } from './redis-admission.ts';

let server: LocalRedis;
const clients: Redis[] = [];
const WORKERS = 6;

beforeAll(async () => {
  server = await startLocalRedis();
  for (let index = 0; index < WORKERS; index++) clients.push(new Redis(server.url, { maxRetriesPerRequest: null }));
});
afterAll(async () => {
  for (const client of clients) client.disconnect();
  await server.stop();
});

/** One step of one worker: ask for tokens, settle one of its open tickets, or let time pass. */
type Step =
  | { readonly kind: 'admit'; readonly tokens: number }
  | { readonly kind: 'settle'; readonly pick: number; readonly usedPercent: number; readonly charged: boolean }
  | { readonly kind: 'observe'; readonly remainingPercent: number; readonly resetMs: number };

const stepArbitrary: fc.Arbitrary<Step> = fc.oneof(
  {
    weight: 5,
    arbitrary: fc.record({ kind: fc.constant('admit' as const), tokens: fc.integer({ min: 0, max: 4_000 }) }),
  },
  {
    weight: 3,
    arbitrary: fc.record({
      kind: fc.constant('settle' as const),
      pick: fc.nat(),
      usedPercent: fc.integer({ min: 0, max: 100 }),
      charged: fc.boolean(),
    }),
  },
  {
    weight: 1,
    arbitrary: fc.record({
      kind: fc.constant('observe' as const),
      remainingPercent: fc.integer({ min: 0, max: 100 }),
      resetMs: fc.integer({ min: 0, max: 60_000 }),
    }),
  },
);

interface Admitted {
  readonly ticket: AdmissionTicket;
  readonly minute: number;
  readonly hour: number;
  charge: number;
  requests: number;
  open: boolean;
}

describe('RedisAdmission (property)', () => {
  it('for any number of workers and any arrival pattern, what is admitted per window never exceeds the quota', async () => {
    let run = 0;
    await fc.assert(
      fc.asyncProperty(
        fc.integer({ min: 1, max: WORKERS }),
        fc.record({
          requestsPerMinute: fc.integer({ min: 1, max: 30 }),
          tokensPerMinute: fc.integer({ min: 1_000, max: 20_000 }),
          tokensPerHour: fc.integer({ min: 5_000, max: 80_000 }),
        }),
        fc.array(
          fc.tuple(
            fc.array(stepArbitrary, { minLength: 1, maxLength: WORKERS }),
            fc.oneof(fc.integer({ min: 0, max: 3_000 }), fc.integer({ min: 20_000, max: 65_000 })),
          ),
          {
            minLength: 1,
            maxLength: 40,
          },
        ),
        fc.integer({ min: 0, max: 3_600_000 }),
        async (workers, quota: QuotaLimits, rounds, startOffset) => {
          let now = 1_800_000_000_000 + startOffset;
          const prefix = `property:${run++}`;
          const admissions = clients
            .slice(0, workers)
            .map((redis) => new RedisAdmission({ redis, quota, prefix, clock: () => now, pollMs: 50 }));
          const admitted: Admitted[] = [];
          for (const [steps, advanceMs] of rounds) {
            await Promise.all(
              steps.map(async (step, index) => {
                const admission = admissions[index % workers] as RedisAdmission;
                if (step.kind === 'admit') {
                  const verdict = await admission.admit({ tokens: step.tokens, model: 'm', nowMs: now });
                  if (verdict.admit && verdict.ticket !== undefined) {
                    admitted.push({
                      ticket: verdict.ticket,
                      minute: Math.floor(now / 60_000),
                      hour: Math.floor(now / 3_600_000),
                      charge: step.tokens,
                      requests: 1,
                      open: true,
                    });
                  } else expect(verdict.admit).toBe(false);
                } else if (step.kind === 'settle') {
                  const open = admitted.filter((entry) => entry.open);
                  const entry = open[step.pick % Math.max(1, open.length)];
                  if (entry === undefined) return;
                  entry.open = false;
                  const usedTokens = Math.floor((entry.ticket.tokens * step.usedPercent) / 100);
                  entry.charge = step.charged ? usedTokens : 0;
                  entry.requests = step.charged ? 1 : 0;
                  admission.settle(entry.ticket, { charged: step.charged, usedTokens });
                  await admission.flush();
                } else {
                  const limit = quota.tokensPerMinute ?? 0;
                  const remaining = Math.floor((limit * step.remainingPercent) / 100);
                  admission.observe(
                    {
                      observedAtMs: now,
                      requests: {},
                      tokens: { minute: { limit, remaining, resetSeconds: step.resetMs / 1000 } },
                    },
                    'm',
                  );
                  await admission.flush();
                }
              }),
            );
            now += advanceMs;
          }
          const sum = (key: 'minute' | 'hour', field: 'charge' | 'requests'): Map<number, number> => {
            const totals = new Map<number, number>();
            for (const entry of admitted) totals.set(entry[key], (totals.get(entry[key]) ?? 0) + entry[field]);
            return totals;
          };
          for (const total of sum('minute', 'charge').values())
            expect(total).toBeLessThanOrEqual(quota.tokensPerMinute ?? 0);
          for (const total of sum('hour', 'charge').values())
            expect(total).toBeLessThanOrEqual(quota.tokensPerHour ?? 0);
          for (const total of sum('minute', 'requests').values())
            expect(total).toBeLessThanOrEqual(quota.requestsPerMinute ?? 0);
        },
      ),
      { numRuns: 80 },
    );
  });
});
