import fc from 'fast-check';
import { Redis } from 'ioredis';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type LocalRedis, startLocalRedis } from '../redis/start-local-redis.ts';
import { RedisSpendLimiter } from './redis-spend-limiter.ts';

let server: LocalRedis;
const clients: Redis[] = [];
let counter = 0;

beforeAll(async () => {
  server = await startLocalRedis();
  for (let index = 0; index < 4; index++) clients.push(new Redis(server.url, { maxRetriesPerRequest: null }));
});
afterAll(async () => {
  for (const client of clients) client.disconnect();
  await server.stop();
});

const HOUR = 3_600_000;
const T0 = 1_800_000_000_000;

type Step =
  | { readonly kind: 'reserve'; readonly usd: number }
  | { readonly kind: 'settle'; readonly pick: number; readonly percent: number }
  | { readonly kind: 'release'; readonly pick: number };

const step: fc.Arbitrary<Step> = fc.oneof(
  {
    weight: 4,
    arbitrary: fc.record({
      kind: fc.constant('reserve' as const),
      usd: fc.integer({ min: 0, max: 400 }).map((cents) => cents / 100),
    }),
  },
  {
    weight: 3,
    arbitrary: fc.record({
      kind: fc.constant('settle' as const),
      pick: fc.nat(),
      percent: fc.integer({ min: 0, max: 100 }),
    }),
  },
  { weight: 1, arbitrary: fc.record({ kind: fc.constant('release' as const), pick: fc.nat() }) },
);

describe('RedisSpendLimiter', () => {
  // Reservations never expire here (their expiry is its own test): every one is settled or released by the model.
  it('for any processes and interleaving, settled spend plus open reservations never exceed either limit', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.integer({ min: 1, max: 4 }),
        fc.integer({ min: 100, max: 2_000 }).map((cents) => cents / 100),
        fc.integer({ min: 50, max: 1_000 }).map((cents) => cents / 100),
        fc.array(fc.tuple(fc.array(step, { minLength: 1, maxLength: 4 }), fc.integer({ min: 0, max: 1_800_000 })), {
          maxLength: 30,
        }),
        async (processes, maxUsd, maxUsdPerHour, rounds) => {
          let now = T0;
          const name = `property-${counter++}`;
          const limiters = clients
            .slice(0, processes)
            .map((redis) => new RedisSpendLimiter({ redis, name, clock: () => now, reservationTtlMs: 1e12 }));
          await limiters[0]?.setLimits({ maxUsd, maxUsdPerHour });
          const open: { id: string; usd: number }[] = [];
          const settled: { atMs: number; usd: number }[] = [];
          for (const [steps, advance] of rounds) {
            await Promise.all(
              steps.map(async (item, index) => {
                const limiter = limiters[index % processes] as RedisSpendLimiter;
                if (item.kind === 'reserve') {
                  const decision = await limiter.reserve({ requestId: 'r', model: 'm', usd: item.usd, nowMs: now });
                  if (decision.admitted) open.push({ id: decision.reservationId, usd: item.usd });
                  return;
                }
                const entry = open.splice(item.pick % Math.max(1, open.length), 1)[0];
                if (entry === undefined) return;
                if (item.kind === 'release') return limiter.release(entry.id);
                const usd = (entry.usd * item.percent) / 100;
                settled.push({ atMs: now, usd });
                return limiter.settle(entry.id, usd, now);
              }),
            );
            const reserved = open.reduce((sum, entry) => sum + entry.usd, 0);
            const spent = settled.reduce((sum, entry) => sum + entry.usd, 0);
            const lastHour = settled
              .filter((entry) => entry.atMs > now - HOUR)
              .reduce((sum, entry) => sum + entry.usd, 0);
            expect(spent + reserved).toBeLessThanOrEqual(maxUsd + 1e-9);
            expect(lastHour + reserved).toBeLessThanOrEqual(maxUsdPerHour + 1e-9);
            now += advance;
          }
        },
      ),
      { numRuns: 40 },
    );
  });

  it('refuses with the limit and figures, shares one spend across processes, and releases without spend', async () => {
    const clock = { now: T0 };
    const name = `example-${counter++}`;
    const [a, b] = clients.slice(0, 2).map((redis) => new RedisSpendLimiter({ redis, name, clock: () => clock.now }));
    if (a === undefined || b === undefined) throw new Error('clients');
    await a.setLimits({ maxUsd: 1, maxUsdPerHour: 0.6 });
    const first = await a.reserve({ requestId: '1', model: 'm', usd: 0.5, nowMs: 0 });
    expect(first.admitted).toBe(true);
    expect(await b.reserve({ requestId: '2', model: 'm', usd: 0.2, nowMs: 0 })).toMatchObject({
      admitted: false,
      limit: 'hourly',
      limitUsd: 0.6,
      spentUsd: 0,
      reservedUsd: 0.5,
      requestedUsd: 0.2,
    });
    if (!first.admitted) throw new Error('refused');
    await a.settle(first.reservationId, 0.4, 0);
    await a.settle(first.reservationId, 0.4, 0); // idempotent
    expect(b.snapshot()).toMatchObject({ spentUsd: 0, openReservations: 1 }); // b's last-known figures
    const second = await b.reserve({ requestId: '3', model: 'm', usd: 0.2, nowMs: 0 });
    expect(second.admitted).toBe(true);
    expect(b.snapshot()).toMatchObject({
      spentUsd: 0.4,
      reservedUsd: 0.2,
      openReservations: 1,
      limits: { maxUsd: 1, maxUsdPerHour: 0.6 },
    });
    if (second.admitted) await b.release(second.reservationId);
    clock.now = T0 + HOUR + 1;
    // The hour has slid past the 0.4; the total still holds it.
    expect(await a.reserve({ requestId: '4', model: 'm', usd: 0.6, nowMs: 0 })).toMatchObject({ admitted: true });
    expect(await a.reserve({ requestId: '5', model: 'm', usd: 0.01, nowMs: 0 })).toMatchObject({
      admitted: false,
      limit: 'total',
    });
  });

  it('counts a reservation its process never settled as spent once it expires', async () => {
    const clock = { now: T0 };
    const limiter = new RedisSpendLimiter({
      redis: clients[0] as Redis,
      name: `orphan-${counter++}`,
      clock: () => clock.now,
      reservationTtlMs: 1_000,
    });
    await limiter.setLimits({ maxUsd: 1 });
    expect((await limiter.reserve({ requestId: '1', model: 'm', usd: 0.7, nowMs: 0 })).admitted).toBe(true);
    clock.now = T0 + 2_000;
    expect(await limiter.reserve({ requestId: '2', model: 'm', usd: 0.5, nowMs: 0 })).toMatchObject({
      admitted: false,
      spentUsd: 0.7,
    });
    expect(limiter.snapshot()).toMatchObject({ spentUsd: 0.7, reservedUsd: 0, openReservations: 0 });
  });
});
