import {
  ApiKeyError,
  type ApiKeyProvider,
  AuthenticationError,
  createApiKeyProvider,
  parseConfig,
  TimeoutError,
} from '@acpt/config';
import { createMockCerebrasServer, type MockCerebrasServer } from '@acpt/transport-mock';
import { afterEach, describe, expect, it } from 'vitest';
import { expectNoSecret, rejectionOf } from '../__fixtures__/assert-no-secret.ts';
import { testConfig } from '../__fixtures__/test-config.ts';
import { type CerebrasTransport, createCerebrasTransport } from '../create-cerebras-transport.ts';

const KEY_1 = 'csk-provider-one-7d3f0a9b2c6e';
const KEY_2 = 'csk-provider-two-1e8b4c7a0f3d';
const hello = { messages: [{ role: 'user' as const, content: 'Hi' }] };

let server: MockCerebrasServer | undefined;
let transport: CerebrasTransport | undefined;
afterEach(async () => {
  await transport?.close();
  await server?.close();
  transport = server = undefined;
});

/** A transport whose key comes from `provider`, in front of a mock server that accepts `KEY_1`. */
async function serve(provider: ApiKeyProvider): Promise<CerebrasTransport> {
  server = await createMockCerebrasServer({ apiKey: KEY_1 });
  const config = { ...testConfig({ baseUrl: server.url }), apiKey: undefined, apiKeyProvider: provider };
  transport = createCerebrasTransport({ config, env: {} });
  return transport;
}

/** A scripted key source: `answers` are returned (or thrown) in turn, the last one repeated. */
function scripted(
  answers: ReadonlyArray<string | Error | 'hang'>,
  options: { ttlMs?: number; timeoutMs?: number } = {},
) {
  let calls = 0;
  let now = 0;
  const provider = createApiKeyProvider({
    source: 'provider scripted',
    ttlMs: options.ttlMs,
    timeoutMs: options.timeoutMs,
    clock: () => now,
    log: () => undefined,
    load: () => {
      const answer = answers[Math.min(calls, answers.length - 1)];
      calls += 1;
      if (answer === 'hang') return new Promise<string>(() => undefined);
      if (answer instanceof Error) throw answer;
      return answer as string;
    },
  });
  return { provider, calls: () => calls, advance: (ms: number) => (now += ms) };
}

describe('key providers in the transport', () => {
  it('fetches the key once for concurrent first requests, then uses the cache', async () => {
    const source = scripted([KEY_1]);
    const live = await serve(source.provider);
    const replies = await Promise.all(Array.from({ length: 8 }, () => live.complete(hello)));
    expect(replies).toHaveLength(8);
    await live.checkModel();
    expect(source.calls()).toBe(1);
    expect(live.keyStatus()).toMatchObject({ kind: 'provider', source: 'provider scripted', failures: 0 });
  });

  it('after a 401, refetches once for every request refused with the same key and retries each once', async () => {
    const source = scripted([KEY_1, KEY_2]);
    const live = await serve(source.provider);
    await live.complete(hello);
    server?.setApiKey(KEY_2);
    const requestsBefore = server?.requestCount ?? 0;
    const replies = await Promise.all(Array.from({ length: 6 }, () => live.complete(hello)));
    expect(replies).toHaveLength(6);
    expect(source.calls()).toBe(2);
    expect((server?.requestCount ?? 0) - requestsBefore).toBe(12);
    expect(live.keyStatus().rotations).toBe(1);
  });

  it('refetches after ttlMs, and keeps going on the old key while the provider flaps', async () => {
    const source = scripted([KEY_1, new Error('vault sealed'), KEY_1], { ttlMs: 1_000 });
    const live = await serve(source.provider);
    await live.complete(hello);
    source.advance(1_000);
    expect((await live.complete(hello)).text).toMatch(/^Mock reply/);
    expect(source.calls()).toBe(2);
    expect(live.keyStatus()).toMatchObject({
      failures: 1,
      lastProblem: { problem: expect.stringContaining('vault sealed') },
    });
    source.advance(1_000);
    await live.complete(hello);
    expect(source.calls()).toBe(3);
  });

  it('fails with ApiKeyError when the provider throws, or returns an empty or malformed key', async () => {
    for (const [answer, problem] of [
      [new Error(`denied: ${KEY_2}`), 'provider-failed'],
      ['  ', 'empty'],
      [`${KEY_2} extra`, 'malformed'],
    ] as const) {
      const live = await serve(scripted([answer]).provider);
      const error = await rejectionOf(() => live.complete(hello));
      expect(ApiKeyError.isInstance(error)).toBe(true);
      expect(error).toMatchObject({ problem, code: 'ACPT_API_KEY' });
      expectNoSecret(error, [KEY_1, KEY_2]);
      expect(server?.requestCount).toBe(0);
      await transport?.close();
      await server?.close();
    }
  });

  it('bounds a hanging provider by the request deadline (its reason) and by the provider time limit', async () => {
    const live = await serve(scripted(['hang'], { timeoutMs: 50 }).provider);
    const controller = new AbortController();
    const deadline = new TimeoutError('total', 20);
    const pending = rejectionOf(() => live.complete(hello, { signal: controller.signal }));
    controller.abort(deadline);
    expect(await pending).toBe(deadline);
    const streamed = await rejectionOf(async () => {
      for await (const _event of live.stream(hello)) break;
    });
    expect(streamed).toMatchObject({ code: 'ACPT_API_KEY', problem: 'provider-timeout', retryable: true });
    expect(server?.requestCount).toBe(0);
  });

  it('lets the 401 stand, without a second send, when the provider has no other key', async () => {
    const live = await serve(scripted([KEY_1]).provider);
    server?.setApiKey(KEY_2);
    const error = await rejectionOf(() => live.complete(hello));
    expect(AuthenticationError.isInstance(error)).toBe(true);
    expect(server?.requestCount).toBe(1);
    expectNoSecret(error, [KEY_1, KEY_2]);
  });

  it('accepts the provider forms of apiKey through parseConfig', async () => {
    server = await createMockCerebrasServer({ apiKey: KEY_1 });
    const config = parseConfig({
      baseUrl: server.url,
      mockMode: false,
      apiKey: { get: async () => KEY_1, ttlMs: 60_000 },
    });
    transport = createCerebrasTransport({ config, env: {} });
    expect((await transport.complete(hello)).text).toMatch(/^Mock reply/);
    expect(transport.keyStatus()).toMatchObject({ source: 'provider', ttlMs: 60_000 });
  });
});
