import { describe, expect, it } from 'vitest';
import { createVirtualClock } from './virtual-clock.ts';

describe('createVirtualClock', () => {
  it('wakes sleepers in time order as time advances, letting them start new sleeps', async () => {
    const clock = createVirtualClock({ startMs: 1000 });
    const log: string[] = [];
    void clock.sleep(300).then(() => log.push(`b@${clock.now()}`));
    void clock.sleep(100).then(async () => {
      log.push(`a@${clock.now()}`);
      await clock.sleep(100);
      log.push(`c@${clock.now()}`);
    });
    await clock.advance(250);
    expect(log).toEqual(['a@1100', 'c@1200']);
    expect(clock.now()).toBe(1250);
    await clock.advance(50);
    expect(log).toEqual(['a@1100', 'c@1200', 'b@1300']);
    expect(clock.pendingSleeps).toBe(0);
  });

  it('auto-advances to the next wake time when everything waits', async () => {
    const clock = createVirtualClock({ autoAdvance: true });
    const order: number[] = [];
    await Promise.all([500, 100, 300].map((ms) => clock.sleep(ms).then(() => order.push(clock.now()))));
    expect(order).toEqual([100, 300, 500]);
  });

  it('rejects with the abort reason and forgets the sleeper', async () => {
    const clock = createVirtualClock();
    const controller = new AbortController();
    const sleeping = clock.sleep(1000, controller.signal);
    controller.abort(new Error('stop'));
    await expect(sleeping).rejects.toThrow('stop');
    expect(clock.pendingSleeps).toBe(0);
    await expect(clock.sleep(1, AbortSignal.abort(new Error('early')))).rejects.toThrow('early');
  });
});
