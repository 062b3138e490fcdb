import { inspect } from 'node:util';
import { describe, expect, it } from 'vitest';
import type { ApiKeyEvent } from '../contract/api-key-provider.ts';
import { ApiKeyError } from '../errors/api-key-error.ts';
import { createApiKeyProvider } from './create-api-key-provider.ts';
import { Secret } from './secret.ts';

const KEY_A = 'csk-provider-key-aaaaaaaaaaaa';
const KEY_B = 'csk-provider-key-bbbbbbbbbbbb';

/** A provider over a scripted source, with a virtual clock and captured events and log lines. */
function scripted(options: { ttlMs?: number; timeoutMs?: number; initial?: string } = {}) {
  let now = 1_000;
  let answer: () => Promise<string> | string = () => KEY_A;
  const events: ApiKeyEvent[] = [];
  const lines: string[] = [];
  let loads = 0;
  const provider = createApiKeyProvider({
    source: 'provider test',
    ttlMs: options.ttlMs,
    timeoutMs: options.timeoutMs,
    initial: options.initial === undefined ? undefined : new Secret(options.initial),
    clock: () => now,
    log: (line) => lines.push(line),
    load: () => {
      loads += 1;
      return answer();
    },
  });
  provider.subscribe((event) => events.push(event));
  return {
    provider,
    events,
    lines,
    loads: () => loads,
    answer: (next: () => Promise<string> | string) => {
      answer = next;
    },
    advance: (ms: number) => {
      now += ms;
    },
  };
}

function expectNoKey(value: unknown): void {
  const text = `${inspect(value, { depth: 8 })} ${JSON.stringify(value) ?? ''}`;
  expect(text).not.toContain(KEY_A);
  expect(text).not.toContain(KEY_B);
}

function deferred<TValue>() {
  let resolve!: (value: TValue) => void;
  const promise = new Promise<TValue>((done) => {
    resolve = done;
  });
  return { promise, resolve };
}

describe('createApiKeyProvider', () => {
  it('loads once for any number of concurrent callers and then serves the cache', async () => {
    const source = scripted();
    const gate = deferred<string>();
    source.answer(() => gate.promise);
    const waiting = Array.from({ length: 20 }, () => source.provider.getKey());
    gate.resolve(KEY_A);
    const keys = await Promise.all(waiting);
    expect(keys.every((key) => key.reveal() === KEY_A)).toBe(true);
    expect((await source.provider.getKey()).reveal()).toBe(KEY_A);
    expect(source.loads()).toBe(1);
    expect(source.events).toMatchObject([{ type: 'key-loaded', reason: 'initial', changed: true }]);
  });

  it('fetches again after ttlMs, and keeps the old key (reporting why) when that fetch fails', async () => {
    const source = scripted({ ttlMs: 60_000 });
    await source.provider.getKey();
    source.advance(59_999);
    expect(source.provider.current()?.reveal()).toBe(KEY_A);
    source.advance(1);
    expect(source.provider.current()).toBeUndefined();
    source.answer(() => {
      throw new Error('secret manager unavailable');
    });
    expect((await source.provider.getKey()).reveal()).toBe(KEY_A);
    expect(source.events.at(-1)).toMatchObject({ type: 'key-load-failed', reason: 'ttl', keptPreviousKey: true });
    expect(source.lines).toEqual([expect.stringContaining('secret manager unavailable; the key in use is kept')]);
    expect(source.provider.status()).toMatchObject({ failures: 1, rotations: 0, kind: 'provider', ttlMs: 60_000 });
    source.answer(() => KEY_B);
    source.advance(1_000);
    expect((await source.provider.getKey()).reveal()).toBe(KEY_B);
    expect(source.provider.status().rotations).toBe(1);
    expectNoKey([source.events, source.lines, source.provider.status()]);
  });

  it('fails with a typed error, naming the source and never the key, when there is no earlier key', async () => {
    const source = scripted();
    source.answer(() => {
      throw new Error(`denied for ${KEY_B}`);
    });
    const failed = await source.provider.getKey().catch((error: unknown) => error);
    expect(ApiKeyError.isInstance(failed)).toBe(true);
    expect(failed).toMatchObject({ problem: 'provider-failed', source: 'provider test', retryable: true });
    source.answer(() => '   ');
    expect(await source.provider.getKey().catch((error: unknown) => error)).toMatchObject({
      problem: 'empty',
      retryable: false,
    });
    source.answer(() => `${KEY_B}\nsecond line`);
    expect(await source.provider.getKey().catch((error: unknown) => error)).toMatchObject({ problem: 'malformed' });
    source.answer(() => 42 as unknown as string);
    const malformed = await source.provider.getKey().catch((error: unknown) => error);
    expect((malformed as Error).message).toBe('provider test returned number instead of an API key string');
    expectNoKey([source.events, source.lines, source.provider.status()]);
  });

  it('never leaks a previous key through a provider error that quotes it', async () => {
    const source = scripted({ ttlMs: 10, initial: KEY_A });
    source.advance(10);
    source.answer(() => Promise.reject(new Error(`token ${KEY_A} expired`)));
    expect((await source.provider.getKey()).reveal()).toBe(KEY_A);
    expectNoKey([source.events, source.lines, source.provider.status()]);
  });

  it('bounds a hanging provider by its own timeoutMs and each caller by its signal', async () => {
    const source = scripted({ timeoutMs: 20 });
    source.answer(() => new Promise<string>(() => undefined));
    const reason = new Error('request deadline');
    const controller = new AbortController();
    const waiting = source.provider.getKey(controller.signal).catch((error: unknown) => error);
    controller.abort(reason);
    expect(await waiting).toBe(reason);
    const timedOut = await source.provider.getKey().catch((error: unknown) => error);
    expect(timedOut).toMatchObject({ code: 'ACPT_API_KEY', problem: 'provider-timeout', retryable: true });
    expect(source.loads()).toBe(1);
    source.answer(() => KEY_A);
    expect((await source.provider.getKey()).reveal()).toBe(KEY_A);
  });

  it('after a 401, loads once for every request that saw the same refused key', async () => {
    const source = scripted({ initial: KEY_A });
    const gate = deferred<string>();
    source.answer(() => gate.promise);
    const refused = new Secret(KEY_A);
    const refreshes = Array.from({ length: 8 }, () => source.provider.refreshAfterRejection(refused));
    gate.resolve(KEY_B);
    const results = await Promise.all(refreshes);
    expect(results.map((key) => key?.reveal())).toEqual(Array(8).fill(KEY_B));
    expect(source.loads()).toBe(1);
    expect((await source.provider.refreshAfterRejection(refused))?.reveal()).toBe(KEY_B);
    expect(source.loads()).toBe(1);
  });

  it('answers undefined when the refused key did not change, and re-reads at most once a second', async () => {
    const source = scripted({ initial: KEY_A });
    const refused = new Secret(KEY_A);
    expect(await source.provider.refreshAfterRejection(refused)).toBeUndefined();
    expect(await source.provider.refreshAfterRejection(refused)).toBeUndefined();
    expect(source.loads()).toBe(1);
    source.advance(1_000);
    source.answer(() => {
      throw new Error('down');
    });
    expect(await source.provider.refreshAfterRejection(refused)).toBeUndefined();
    expect(source.loads()).toBe(2);
    const controller = new AbortController();
    controller.abort('gone');
    await expect(source.provider.refreshAfterRejection(refused, controller.signal)).resolves.toBeUndefined();
  });

  it('is recognised as an ApiKeyProvider and keeps listeners that throw from breaking loads', async () => {
    const source = scripted();
    source.provider.subscribe(() => {
      throw new Error('listener bug');
    });
    expect((await source.provider.getKey()).reveal()).toBe(KEY_A);
    const { isApiKeyProvider } = await import('../contract/api-key-provider.ts');
    expect(isApiKeyProvider(source.provider)).toBe(true);
    expect(isApiKeyProvider({ getKey: () => KEY_A })).toBe(false);
  });
});
