import {
  AuthenticationError,
  InvalidResponseError,
  ModelUnavailableError,
  NotFoundError,
  RateLimitError,
  Secret,
  TimeoutError,
  TransportHttpError,
  TransportNetworkError,
  TruncatedStreamError,
} from '@acpt/config';
import {
  createMockCerebrasServer,
  type FaultKind,
  type MockCerebrasServer,
  type MockCerebrasServerOptions,
} from '@acpt/transport-mock';
import { afterEach, describe, expect, it } from 'vitest';
import { expectNoSecret, rejectionOf } from './__fixtures__/assert-no-secret.ts';
import { TEST_KEY, testConfig } from './__fixtures__/test-config.ts';
import { type CerebrasTransport, createCerebrasTransport } from './create-cerebras-transport.ts';

let mock: MockCerebrasServer | undefined;
let transport: CerebrasTransport | undefined;

afterEach(async () => {
  await transport?.close();
  await mock?.close();
  transport = undefined;
  mock = undefined;
});

async function against(
  options: MockCerebrasServerOptions,
  overrides: Parameters<typeof testConfig>[0] = {},
): Promise<CerebrasTransport> {
  mock = await createMockCerebrasServer({ apiKey: TEST_KEY, ...options });
  transport = createCerebrasTransport({
    config: testConfig({ baseUrl: mock.url, timeouts: { headersMs: 500, idleMs: 500 }, ...overrides }),
  });
  return transport;
}

const hello = { messages: [{ role: 'user' as const, content: 'Pick RIS phase bits.' }] };

async function streamText(live: CerebrasTransport): Promise<{ text: string; finishes: number }> {
  let text = '';
  let finishes = 0;
  for await (const event of live.stream(hello)) {
    if (event.type === 'text-delta') text += event.text;
    if (event.type === 'finish') finishes++;
  }
  return { text, finishes };
}

describe('against the mock Cerebras server', () => {
  it('completes, and streams the same reply with or without [DONE]', async () => {
    for (const sendDone of [false, true]) {
      const live = await against({ sendDone });
      const response = await live.complete(hello);
      expect(response).toMatchObject({ provider: 'cerebras', finishReason: 'stop', model: 'gpt-oss-120b' });
      expect(response.usage?.totalTokens).toBeGreaterThan(0);
      expect(await streamText(live)).toEqual({ text: response.text, finishes: 1 });
      await transport?.close();
      await mock?.close();
    }
  });

  it('reports the rate-limit state of every response', async () => {
    const live = await against({ rateLimits: { requestsPerMinute: 30, tokensPerMinute: 60_000 } });
    const first = await live.complete(hello);
    const second = await live.complete(hello);
    const remaining = (response: typeof first) => response.rateLimit?.requests.minute?.remaining;
    expect(remaining(first)).toBe(29);
    expect(remaining(second)).toBe(28);
  });
});

describe('preflight', () => {
  it('lists the served models and accepts a served one', async () => {
    const live = await against({});
    expect(await live.listModels()).toEqual(['gpt-oss-120b', 'qwen-3.8-27b']);
    await expect(live.checkModel()).resolves.toBeUndefined();
    await expect(live.checkModel('qwen-3.8-27b')).resolves.toBeUndefined();
  });

  it('fails for the retired qwen-3-32b before any chat request, naming the available models', async () => {
    const live = await against({}, { model: 'qwen-3-32b' });
    const error = await rejectionOf(() => live.checkModel());
    expect(ModelUnavailableError.isInstance(error)).toBe(true);
    expect(error).toMatchObject({ model: 'qwen-3-32b', available: ['gpt-oss-120b', 'qwen-3.8-27b'] });
    expect((error as Error).message).toContain('gpt-oss-120b, qwen-3.8-27b');
    expect(mock?.requestCount).toBe(0);
    const chat = await rejectionOf(() => live.complete(hello));
    expect(NotFoundError.isInstance(chat) && chat.errorCode).toBe('model_not_found');
  });

  it('surfaces a refused key from /v1/models as AuthenticationError', async () => {
    const live = await against({}, { apiKey: new Secret('csk-wrong') });
    const error = await rejectionOf(() => live.checkModel());
    expect(AuthenticationError.isInstance(error)).toBe(true);
    expect(error).toMatchObject({ status: 401, errorCode: 'wrong_api_key' });
  });

  it('rejects listModels with signal.reason when aborted', async () => {
    const live = await against({});
    const reason = new Error('no');
    expect(await rejectionOf(() => live.listModels({ signal: AbortSignal.abort(reason) }))).toBe(reason);
  });
});

describe('mock server faults map to the typed errors', () => {
  const expectations: Record<FaultKind, (error: unknown) => void> = {
    'rate-limit-requests': (error) => expect(RateLimitError.isInstance(error) && error.kind).toBe('request_quota'),
    'rate-limit-tokens': (error) => expect(RateLimitError.isInstance(error) && error.kind).toBe('token_quota'),
    'rate-limit-queue': (error) => expect(RateLimitError.isInstance(error) && error.kind).toBe('queue'),
    'server-error': (error) => expect(error).toMatchObject({ status: 500, retryable: true }),
    'service-unavailable': (error) => expect(error).toMatchObject({ status: 503, retryable: true }),
    unauthorized: (error) => expect(AuthenticationError.isInstance(error) && error.status).toBe(401),
    forbidden: (error) => expect(AuthenticationError.isInstance(error) && error.status).toBe(403),
    'not-found': (error) => expect(NotFoundError.isInstance(error)).toBe(true),
    'connection-reset': (error) => expect(TransportNetworkError.isInstance(error) && error.retryable).toBe(true),
    'headers-timeout': (error) => expect(TimeoutError.isInstance(error) && error.phase).toBe('headers'),
    'slow-headers': (error) => expect(TimeoutError.isInstance(error) && error.phase).toBe('headers'),
    'stream-truncated': (error) => expect(TruncatedStreamError.isInstance(error)).toBe(true),
    'stream-error-event': (error) => expect(TransportHttpError.isInstance(error) && error.midStream).toBe(true),
    'malformed-json': (error) => expect(InvalidResponseError.isInstance(error)).toBe(true),
  };

  it.each(Object.keys(expectations) as FaultKind[])('%s (streamed)', async (kind) => {
    const live = await against({ faults: [{ kind, delayMs: 2000 }] });
    const error = await rejectionOf(() => streamText(live));
    expectations[kind](error);
    expectNoSecret(error);
  });

  it.each(['rate-limit-tokens', 'connection-reset', 'stream-truncated', 'malformed-json'] as const)(
    '%s (whole reply)',
    async (kind) => {
      const live = await against({ faults: [{ kind }] });
      const error = await rejectionOf(() => live.complete(hello));
      if (kind === 'stream-truncated')
        expect(error).toMatchObject({ name: /TransportNetworkError|InvalidResponseError/ });
      else if (kind === 'malformed-json') expect(InvalidResponseError.isInstance(error)).toBe(true);
      else expectations[kind](error);
      expectNoSecret(error);
    },
  );
});
