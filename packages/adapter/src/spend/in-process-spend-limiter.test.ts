import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { createSpendLimiter } from './in-process-spend-limiter.ts';

const hourMs = 3_600_000;
const tolerance = 1e-9;

describe('createSpendLimiter', () => {
  it('admits while spend plus reservations fit, and names the figures when it refuses', () => {
    const limiter = createSpendLimiter({ maxUsd: 1 });
    const first = limiter.reserve({ requestId: 'a', model: 'm', usd: 0.6, nowMs: 0 });
    expect(first.admitted).toBe(true);
    expect(limiter.reserve({ requestId: 'b', model: 'm', usd: 0.5, nowMs: 0 })).toEqual({
      admitted: false,
      limit: 'total',
      limitUsd: 1,
      spentUsd: 0,
      reservedUsd: 0.6,
      requestedUsd: 0.5,
    });
    if (first.admitted) limiter.settle(first.reservationId, 0.2, 0);
    expect(limiter.reserve({ requestId: 'c', model: 'm', usd: 0.5, nowMs: 0 }).admitted).toBe(true);
    expect(limiter.snapshot(0)).toMatchObject({ spentUsd: 0.2, reservedUsd: 0.5, openReservations: 1 });
  });

  it('settles and releases once per reservation; unknown ids are ignored', () => {
    const limiter = createSpendLimiter({ maxUsd: 1 });
    const decision = limiter.reserve({ requestId: 'a', model: 'm', usd: 0.5, nowMs: 0 });
    if (!decision.admitted) throw new Error('expected admission');
    limiter.settle(decision.reservationId, 0.4, 0);
    limiter.settle(decision.reservationId, 0.4, 0);
    limiter.release(decision.reservationId);
    limiter.release('spend-unknown');
    expect(limiter.snapshot(0)).toMatchObject({ spentUsd: 0.4, reservedUsd: 0, openReservations: 0 });
  });

  it('lets hourly spend leave the window only after a full hour, and applies new limits at once', () => {
    const limiter = createSpendLimiter({ maxUsdPerHour: 1 });
    const decision = limiter.reserve({ requestId: 'a', model: 'm', usd: 1, nowMs: 500 });
    if (!decision.admitted) throw new Error('expected admission');
    limiter.settle(decision.reservationId, 1, 500);
    expect(limiter.reserve({ requestId: 'b', model: 'm', usd: 0.1, nowMs: hourMs }).admitted).toBe(false);
    expect(limiter.reserve({ requestId: 'b', model: 'm', usd: 0.1, nowMs: hourMs + 999 }).admitted).toBe(false);
    expect(limiter.reserve({ requestId: 'b', model: 'm', usd: 0.1, nowMs: hourMs + 1000 }).admitted).toBe(true);
    limiter.setLimits({ maxUsdPerHour: 1, maxUsd: 1.05 });
    expect(limiter.reserve({ requestId: 'c', model: 'm', usd: 0.1, nowMs: hourMs + 1000 })).toMatchObject({
      admitted: false,
      limit: 'total',
    });
  });

  it('never overshoots a limit under concurrent admission with random arrivals and costs', async () => {
    const request = fc.record({
      /** Time that passes before this arrival is processed, and before its settlement. */
      arrivalGapMs: fc.integer({ min: 0, max: 900_000 }),
      settleGapMs: fc.integer({ min: 0, max: 900_000 }),
      reservedUsd: fc.double({ min: 0.001, max: 0.5, noNaN: true }),
      /** Share of the reservation actually billed (0 = failed before billing). */
      billedShare: fc.oneof(fc.constant(0), fc.double({ min: 0, max: 1, noNaN: true })),
    });
    await fc.assert(
      fc.asyncProperty(
        fc.scheduler(),
        fc.array(request, { minLength: 1, maxLength: 60 }),
        fc.double({ min: 0.5, max: 5, noNaN: true }),
        fc.double({ min: 0.2, max: 2, noNaN: true }),
        async (scheduler, requests, maxUsd, maxUsdPerHour) => {
          const limiter = createSpendLimiter({ maxUsd, maxUsdPerHour });
          const settled: { atMs: number; usd: number }[] = [];
          let now = 0;
          const check = (): void => {
            const view = limiter.snapshot(now);
            expect(view.spentUsd + view.reservedUsd).toBeLessThanOrEqual(maxUsd + tolerance);
            expect(view.spentLastHourUsd + view.reservedUsd).toBeLessThanOrEqual(maxUsdPerHour + tolerance);
          };
          // Each request is admitted at a scheduler-chosen moment and settles at another: any interleaving, with
          // a clock that only moves forward.
          const runs = requests.map(async (entry, index) => {
            await scheduler.schedule(Promise.resolve(), `arrive ${index}`);
            now += entry.arrivalGapMs;
            const decision = limiter.reserve({
              requestId: `r${index}`,
              model: 'm',
              usd: entry.reservedUsd,
              nowMs: now,
            });
            check();
            if (!decision.admitted) return;
            await scheduler.schedule(Promise.resolve(), `settle ${index}`);
            now += entry.settleGapMs;
            const usd = entry.reservedUsd * entry.billedShare;
            if (usd === 0) limiter.release(decision.reservationId);
            else limiter.settle(decision.reservationId, usd, now);
            settled.push({ atMs: now, usd });
            check();
          });
          await scheduler.waitAll();
          await Promise.all(runs);
          const total = settled.reduce((sum, entry) => sum + entry.usd, 0);
          expect(total).toBeLessThanOrEqual(maxUsd + tolerance);
          // Every sliding hour, checked independently of the limiter's buckets.
          for (const end of settled) {
            const inHour = settled.filter((entry) => entry.atMs <= end.atMs && entry.atMs > end.atMs - hourMs);
            const hourUsd = inHour.reduce((sum, entry) => sum + entry.usd, 0);
            expect(hourUsd).toBeLessThanOrEqual(maxUsdPerHour + tolerance);
          }
          expect(limiter.snapshot(now).openReservations).toBe(0);
        },
      ),
      { numRuns: 200 },
    );
  });
});
