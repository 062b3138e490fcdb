import type { AdmissionVerdict } from '@acpt/config';
import { Redis } from 'ioredis';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type LocalRedis, startLocalRedis } from '../redis/start-local-redis.ts';
import { RedisAdmission, type RedisAdmissionOptions } from './redis-admission.ts';

let server: LocalRedis;
let redis: Redis;
let counter = 0;
const T0 = 1_800_000_000_000; // on a minute, hour and day boundary

beforeAll(async () => {
  server = await startLocalRedis();
  redis = new Redis(server.url, { maxRetriesPerRequest: null });
});
afterAll(async () => {
  redis.disconnect();
  await server.stop();
});

function admissionAt(clock: { now: number }, options: Partial<RedisAdmissionOptions> = {}): RedisAdmission {
  return new RedisAdmission({ redis, prefix: `example:${counter++}`, clock: () => clock.now, pollMs: 100, ...options });
}

const ask = (admission: RedisAdmission, tokens: number): Promise<AdmissionVerdict> =>
  admission.admit({ tokens, model: 'gpt-oss-120b', nowMs: 0 });

describe('RedisAdmission', () => {
  it('fills a window exactly, then waits for its end; a settlement gives the unused tokens back at once', async () => {
    const clock = { now: T0 + 10_000 };
    const admission = admissionAt(clock, { quota: { tokensPerMinute: 1_000 } });
    const first = await ask(admission, 600);
    const second = await ask(admission, 400);
    expect([first.admit, second.admit]).toEqual([true, true]);
    // Two reservations in flight: the refusal waits at most the poll interval.
    expect(await ask(admission, 100)).toEqual({
      admit: false,
      waitMs: 100,
      neededTokens: 100,
      remainingTokens: 0,
      window: 'tokens-minute',
    });
    if (!first.admit || first.ticket === undefined || !second.admit || second.ticket === undefined) throw new Error();
    admission.settle(first.ticket, { charged: true, usedTokens: 250 });
    admission.settle(second.ticket, { charged: true, usedTokens: 400 });
    await admission.flush();
    const third = await ask(admission, 350);
    if (!third.admit || third.ticket === undefined) throw new Error('not admitted');
    admission.settle(third.ticket, { charged: true, usedTokens: 350 });
    await admission.flush();
    // Nothing in flight can give tokens back any more: wait for the window's end.
    clock.now = T0 + 15_000;
    expect(await ask(admission, 1)).toMatchObject({ admit: false, waitMs: 45_000 });
    clock.now = T0 + 60_000;
    expect(await ask(admission, 1_000)).toMatchObject({ admit: true });
    expect(await admission.stats('gpt-oss-120b')).toMatchObject({ admitted: 4, refused: 2, usedTokens: 1_000 });
  });

  it('gives back the whole reservation, request included, of a 429, and carries in-flight work into the next window', async () => {
    const clock = { now: T0 + 59_000 };
    const admission = admissionAt(clock, { quota: { requestsPerMinute: 2, tokensPerMinute: 1_000 } });
    const early = await ask(admission, 700);
    const refused = await ask(admission, 200);
    if (!early.admit || early.ticket === undefined || !refused.admit || refused.ticket === undefined) throw new Error();
    admission.settle(refused.ticket, { charged: false });
    await admission.flush();
    clock.now = T0 + 61_000;
    // `early` is still in flight: it may reach the server in this window, so it counts here too.
    expect(await ask(admission, 400)).toMatchObject({ admit: false, window: 'tokens-minute' });
    admission.settle(early.ticket, { charged: true, usedTokens: 100 });
    await admission.flush();
    expect((await ask(admission, 400)).admit).toBe(true);
    // The carried request still counts in this window (it may have reached the server in it).
    expect(await ask(admission, 1)).toMatchObject({ admit: false, window: 'requests-minute' });
    expect((await admission.stats('gpt-oss-120b')).rejected).toBe(1);
  });

  it('refuses for good a request larger than a whole window', async () => {
    const admission = admissionAt({ now: T0 }, { quota: { tokensPerDay: 5_000 } });
    expect(await ask(admission, 5_001)).toMatchObject({
      admit: false,
      waitMs: Number.POSITIVE_INFINITY,
      window: 'tokens-day',
    });
  });

  it("follows the server's view: its lower limit, and its remaining count until its reset; stale reports are ignored", async () => {
    const clock = { now: T0 + 5_000 };
    const admission = admissionAt(clock, { quota: { tokensPerMinute: 10_000 } });
    const observe = (limit: number, remaining: number, resetSeconds: number): Promise<void> => {
      admission.observe(
        { observedAtMs: 0, requests: {}, tokens: { minute: { limit, remaining, resetSeconds } } },
        'gpt-oss-120b',
      );
      return admission.flush();
    };
    await observe(8_000, 500, 20);
    expect(await ask(admission, 600)).toMatchObject({ admit: false, waitMs: 20_000, remainingTokens: 500 });
    // A report from before (a lower use for a window that ended earlier) does not lower the floor.
    await observe(8_000, 7_000, 2);
    expect((await ask(admission, 600)).admit).toBe(false);
    clock.now = T0 + 25_000;
    // The server's window has reset; its lower limit (8000) still binds our own window.
    expect((await ask(admission, 7_999)).admit).toBe(true);
    expect(await ask(admission, 2)).toMatchObject({ admit: false });
    expect(await ask(admission, 10_000)).toMatchObject({ admit: false, waitMs: Number.POSITIVE_INFINITY });
  });

  it('learns an unset quota from the headers, and stops counting a reservation its dead process never settled', async () => {
    const clock = { now: T0 };
    const admission = admissionAt(clock, { ticketTtlMs: 30_000 });
    expect((await ask(admission, 10)).admit).toBe(true);
    admission.observe(
      { observedAtMs: 0, requests: { day: { limit: 3, remaining: 2, resetSeconds: 86_000 } }, tokens: {} },
      'gpt-oss-120b',
    );
    await admission.flush();
    const orphan = await ask(admission, 10);
    expect(orphan.admit).toBe(true);
    expect(await ask(admission, 10)).toMatchObject({ admit: false, window: 'requests-day', waitMs: 100 });
    expect((await admission.stats('gpt-oss-120b')).inFlight).toBe(2);
    clock.now = T0 + 31_000;
    // Both expired: their requests stay counted in the windows, but no longer as in flight on top of the floor.
    expect((await ask(admission, 10)).admit).toBe(true);
    expect(await admission.stats('gpt-oss-120b')).toMatchObject({ inFlight: 1, expired: 2 });
    expect(await ask(admission, 10)).toMatchObject({ admit: false, window: 'requests-day' });
  });

  it("runs on Redis' own clock by default, rejects an aborted request, and survives a Redis restart", async () => {
    const admission = new RedisAdmission({
      redis,
      prefix: `example:${counter++}`,
      quota: { requestsPerMinute: 1_000 },
    });
    expect((await ask(admission, 1)).admit).toBe(true);
    const controller = new AbortController();
    controller.abort(new Error('stop'));
    await expect(
      admission.admit({ tokens: 1, model: 'gpt-oss-120b', nowMs: 0, signal: controller.signal }),
    ).rejects.toThrow('stop');
    await server.kill();
    await server.start();
    // The restarted server has no cached scripts and replayed the AOF: the count goes on.
    expect((await ask(admission, 1)).admit).toBe(true);
    expect((await admission.stats('gpt-oss-120b')).admitted).toBe(2);
  });
});
