import { describe, expect, it } from 'vitest';
import { driveLoad, type ResolvedKind, type Settlement } from './load-driver.ts';

const tick = (): Promise<void> => new Promise((resolve) => setImmediate(resolve));

describe('driveLoad', () => {
  it('submits exactly maxRequests, never exceeds the concurrency, and accounts for each outcome', async () => {
    let inFlight = 0;
    let peak = 0;
    const settlements: Settlement[] = [];
    const driver = driveLoad({
      concurrency: 8,
      maxRequests: 100,
      settleTimeoutMs: 5_000,
      isTypedError: (error) => error instanceof RangeError,
      onSettle: (settlement) => settlements.push(settlement),
      runRequest: async (index): Promise<ResolvedKind> => {
        inFlight += 1;
        peak = Math.max(peak, inFlight);
        await tick();
        inFlight -= 1;
        if (index % 10 === 3) throw new RangeError('typed');
        if (index % 25 === 7) throw new Error('untyped');
        return index % 5 === 0 ? 'fellBack' : 'succeeded';
      },
    });
    const result = await driver.done;
    expect(peak).toBe(8);
    expect(result.settleTimedOut).toBe(false);
    expect(result.counts).toEqual({
      submitted: 100,
      succeeded: 66,
      fellBack: 20,
      failed: 14,
      untypedErrors: 4,
      outstanding: 0,
    });
    expect(settlements).toHaveLength(100);
  });

  it('stops waiting at the settle deadline and leaves hung requests outstanding', async () => {
    const driver = driveLoad({
      concurrency: 4,
      maxRequests: 6,
      settleTimeoutMs: 50,
      isTypedError: () => true,
      runRequest: (index) => (index < 4 ? Promise.resolve('succeeded') : new Promise<ResolvedKind>(() => {})),
    });
    const result = await driver.done;
    expect(result.settleTimedOut).toBe(true);
    expect(result.counts).toMatchObject({ submitted: 6, succeeded: 4, outstanding: 2 });
  });

  it('turns a synchronous throw into a counted failure', async () => {
    const driver = driveLoad({
      concurrency: 2,
      maxRequests: 3,
      settleTimeoutMs: 1_000,
      isTypedError: () => false,
      runRequest: () => {
        throw new TypeError('boom');
      },
    });
    expect((await driver.done).counts).toMatchObject({ submitted: 3, failed: 3, untypedErrors: 3 });
  });

  it('stops submitting after the duration and at stop()', async () => {
    const driver = driveLoad({
      concurrency: 2,
      durationMs: 30,
      settleTimeoutMs: 1_000,
      isTypedError: () => true,
      runRequest: async () => {
        await new Promise((resolve) => setTimeout(resolve, 5));
        return 'succeeded';
      },
    });
    const result = await driver.done;
    expect(result.counts.submitted).toBeGreaterThan(0);
    expect(result.counts.submitted).toBe(result.counts.succeeded);

    const stopped = driveLoad({
      concurrency: 1,
      settleTimeoutMs: 1_000,
      isTypedError: () => true,
      runRequest: async () => {
        await tick();
        return 'succeeded';
      },
    });
    await tick();
    stopped.stop();
    expect((await stopped.done).counts.outstanding).toBe(0);
  });

  it('lets timers run while requests resolve without any I/O', async () => {
    let timerFiredBeforeEnd = false;
    let ended = false;
    setTimeout(() => {
      timerFiredBeforeEnd = !ended;
    }, 1);
    const driver = driveLoad({
      concurrency: 64,
      maxRequests: 20_000,
      settleTimeoutMs: 5_000,
      isTypedError: () => true,
      runRequest: async () => 'fellBack',
    });
    const result = await driver.done;
    ended = true;
    expect(result.counts.fellBack).toBe(20_000);
    expect(timerFiredBeforeEnd).toBe(true);
  });

  it('paces submissions at the target rate', async () => {
    const driver = driveLoad({
      concurrency: 50,
      ratePerSecond: 200,
      maxRequests: 10,
      settleTimeoutMs: 1_000,
      isTypedError: () => true,
      runRequest: async () => 'succeeded',
    });
    const result = await driver.done;
    expect(result.counts.succeeded).toBe(10);
    // 10 requests at 200/s cannot all be submitted before the 10th slot opens at 45 ms.
    expect(result.submitMs).toBeGreaterThanOrEqual(40);
  });
});
