import { AuthenticationError, NotFoundError, RateLimitError, Secret, TransportHttpError } from '@acpt/config';
import { describe, expect, it } from 'vitest';
import { expectNoSecret, rejectionOf } from './__fixtures__/assert-no-secret.ts';
import type { FixtureHandler } from './__fixtures__/fixture-server.ts';
import { servedTransport } from './__fixtures__/served-transport.ts';
import { TEST_KEY, testConfig } from './__fixtures__/test-config.ts';
import { completionBody } from './__fixtures__/wire-fixtures.ts';
import { type CerebrasTransport, createCerebrasTransport } from './create-cerebras-transport.ts';
import { VERSION } from './version.ts';

const served = servedTransport();

const NOW = Date.parse('2026-11-20T12:00:00Z');

function serve(handler: FixtureHandler, apiVersionPatch?: number): Promise<CerebrasTransport> {
  return served.serve(handler, { apiVersionPatch }, () => NOW);
}

function reply(status: number, body: string, headers: Record<string, string> = {}): FixtureHandler {
  return (_request, response) => {
    response.writeHead(status, { 'content-type': 'application/json', ...headers });
    response.end(body);
  };
}

const hello = { messages: [{ role: 'user' as const, content: 'Pick RIS phase bits.' }] };

describe('complete() over loopback HTTP', () => {
  it('sends the chat request with auth, version patch, user agent and an explicit max_completion_tokens', async () => {
    const live = await serve(reply(200, completionBody({ content: 'ok' })), 2);
    await live.complete(hello);
    const [request] = served.server?.requests ?? [];
    expect(request?.method).toBe('POST');
    expect(request?.url).toBe('/v1/chat/completions');
    expect(request?.headers.authorization).toBe(`Bearer ${TEST_KEY}`);
    expect(request?.headers['x-cerebras-version-patch']).toBe('2');
    expect(request?.headers['user-agent']).toBe(`acpt-transport-cerebras/${VERSION} node/${process.versions.node}`);
    expect(request?.headers['content-type']).toBe('application/json');
    expect(JSON.parse(request?.body ?? '')).toEqual({
      model: 'gpt-oss-120b',
      max_completion_tokens: 256,
      messages: [{ role: 'user', content: 'Pick RIS phase bits.' }],
    });
  });

  it('parses the response with usage, time_info, request id, rate-limit state and timings', async () => {
    const live = await serve(
      reply(200, completionBody({ content: '<think>hmm</think>\n{"bits":2}' }), {
        'x-request-id': 'req_42',
        'x-ratelimit-remaining-tokens-minute': '59950',
        'x-ratelimit-reset-tokens-minute': '11.38',
      }),
    );
    const response = await live.complete(hello);
    expect(response).toMatchObject({
      id: 'chatcmpl-7f3a',
      provider: 'cerebras',
      text: '{"bits":2}',
      reasoning: 'hmm',
      finishReason: 'stop',
      serverRequestId: 'req_42',
      usage: { promptTokens: 41, completionTokens: 9, totalTokens: 50, cachedTokens: 32 },
      timeInfo: { totalTime: 0.022, created: 1761231233.44 },
      rateLimit: { observedAtMs: NOW, tokens: { minute: { remaining: 59950, resetSeconds: 11.38 } } },
    });
    expect(response.latency.totalMs).toBeGreaterThanOrEqual(response.latency.headersMs ?? Number.NaN);
    expect(live.serverAddress).toBe('127.0.0.1');
    expect(live.serverPort).toBe(Number(new URL(served.server?.url ?? '').port));
  });

  it('reuses one keep-alive connection for sequential calls', async () => {
    const live = await serve(reply(200, completionBody({ content: 'ok' })));
    for (let index = 0; index < 6; index++) await live.complete(hello);
    // undici may open a second socket while the first is being released; without keep-alive there would be six.
    expect(served.server?.connections).toBeLessThanOrEqual(2);
  });
});

describe('complete() error statuses (cerebras-api.md §5, §7)', () => {
  const cases: {
    name: string;
    status: number;
    body: string;
    headers?: Record<string, string>;
    check: (error: unknown) => void;
  }[] = [
    {
      name: '401 wrong_api_key (flat body)',
      status: 401,
      body: '{"message":"Wrong API Key","type":"invalid_request_error","param":"api_key","code":"wrong_api_key"}',
      check: (error) => {
        expect(AuthenticationError.isInstance(error)).toBe(true);
        expect(error).toMatchObject({ status: 401, errorCode: 'wrong_api_key', param: 'api_key', retryable: false });
      },
    },
    {
      name: '403 {"detail"} without auth',
      status: 403,
      body: '{"detail":"Not authenticated"}',
      check: (error) => {
        expect(AuthenticationError.isInstance(error)).toBe(true);
        expect((error as Error).message).toContain('Not authenticated');
      },
    },
    {
      name: '402 payment required',
      status: 402,
      body: '{"message":"Payment required"}',
      check: (error) => expect(AuthenticationError.isInstance(error) && !error.retryable).toBe(true),
    },
    {
      name: '404 model_not_found for the retired qwen-3-32b',
      status: 404,
      body: '{"message":"Model qwen-3-32b does not exist or you do not have access to it.","type":"not_found_error","param":"model","code":"model_not_found"}',
      check: (error) => {
        expect(NotFoundError.isInstance(error)).toBe(true);
        expect((error as Error).message).toContain('qwen-3-32b');
        expect(error).toMatchObject({ errorCode: 'model_not_found', retryable: false });
      },
    },
    {
      name: '404 with an empty text/plain body',
      status: 404,
      body: '',
      headers: { 'content-type': 'text/plain' },
      check: (error) => {
        expect(NotFoundError.isInstance(error)).toBe(true);
        expect((error as Error).message).toContain('(empty body)');
      },
    },
    {
      name: '422 FastAPI validation detail list',
      status: 422,
      body: '{"detail":[{"loc":["body","messages"],"msg":"field required","type":"value_error.missing"}]}',
      check: (error) => {
        expect(error).toMatchObject({ status: 422, retryable: false });
        expect((error as Error).message).toContain('field required');
      },
    },
    {
      name: '400 transient "please try again"',
      status: 400,
      body: '{"message":"Encountered a server error, please try again.","type":"invalid_request_error"}',
      check: (error) => expect(error).toMatchObject({ status: 400, retryable: true }),
    },
    {
      name: '400 invalid parameter',
      status: 400,
      body: '{"message":"temperature must be at most 1.5","type":"invalid_request_error","param":"temperature"}',
      check: (error) => expect(error).toMatchObject({ status: 400, retryable: false, param: 'temperature' }),
    },
    {
      name: '429 request quota per minute, wait from the reset header',
      status: 429,
      body: '{"message":"Requests per minute limit exceeded - too many requests sent.","type":"too_many_requests_error","param":"quota","code":"request_quota_exceeded"}',
      headers: { 'x-ratelimit-reset-requests-minute': '12.5', 'x-ratelimit-remaining-requests-minute': '0' },
      check: (error) => {
        expect(RateLimitError.isInstance(error)).toBe(true);
        expect(error).toMatchObject({ kind: 'request_quota', window: 'minute', retryable: true, retryAfterMs: 12_500 });
      },
    },
    {
      name: '429 token quota per day is not retryable',
      status: 429,
      body: '{"message":"Tokens per day limit exceeded - too many tokens processed.","type":"too_many_tokens_error","param":"quota","code":"token_quota_exceeded"}',
      headers: { 'x-ratelimit-reset-tokens-day': '3600' },
      check: (error) => {
        expect(error).toMatchObject({ kind: 'token_quota', window: 'day', retryable: false, retryAfterMs: 3_600_000 });
      },
    },
    {
      name: '429 queue_exceeded with retry-after-ms',
      status: 429,
      body: '{"message":"We\'re experiencing high traffic right now! Please try again soon.","type":"too_many_requests_error","param":"queue","code":"queue_exceeded"}',
      headers: { 'retry-after-ms': '250', 'retry-after': '9' },
      check: (error) => expect(error).toMatchObject({ kind: 'queue', retryable: true, retryAfterMs: 250 }),
    },
    {
      name: '503 with retry-after in seconds',
      status: 503,
      body: '',
      headers: { 'retry-after': '3' },
      check: (error) => expect(error).toMatchObject({ status: 503, retryable: true, retryAfterMs: 3000 }),
    },
    {
      name: '500 with retry-after as an HTTP date',
      status: 500,
      body: '{"message":"Internal error"}',
      headers: { 'retry-after': new Date(NOW + 7000).toUTCString() },
      check: (error) => expect(error).toMatchObject({ status: 500, retryable: true, retryAfterMs: 7000 }),
    },
    {
      name: 'x-should-retry: false overrides a 503',
      status: 503,
      body: '',
      headers: { 'x-should-retry': 'false' },
      check: (error) => expect(error).toMatchObject({ status: 503, retryable: false }),
    },
    {
      name: 'x-should-retry: true overrides a 400',
      status: 400,
      body: '{"message":"bad"}',
      headers: { 'x-should-retry': 'true' },
      check: (error) => expect(error).toMatchObject({ status: 400, retryable: true }),
    },
    {
      name: '413 payload too large',
      status: 413,
      body: '',
      check: (error) => expect(error).toMatchObject({ status: 413, retryable: false }),
    },
  ];

  it.each(cases)('$name', async ({ status, body, headers, check }) => {
    const live = await serve(reply(status, body, headers));
    const error = await rejectionOf(() => live.complete(hello));
    expect(TransportHttpError.isInstance(error)).toBe(true);
    expect(error).toMatchObject({ status, url: `${served.server?.url}/v1/chat/completions`, midStream: false });
    check(error);
    expectNoSecret(error);
  });

  it('never reveals the key, even when the server echoes it in the body and headers', async () => {
    const echo = `{"message":"Wrong API Key ${TEST_KEY}","code":"wrong_api_key"}`;
    const live = await serve(reply(401, echo, { 'x-debug': `key=${TEST_KEY}` }));
    const error = await rejectionOf(() => live.complete(hello));
    expect(AuthenticationError.isInstance(error)).toBe(true);
    expectNoSecret(error);
  });

  it('rejects a creation without a key with a configuration error', () => {
    expect(() => createCerebrasTransport({ config: testConfig({ apiKey: undefined }) })).toThrow(/apiKey/);
    expect(() => createCerebrasTransport({ config: testConfig({ apiKey: new Secret(' ') }) })).toThrow(
      /CEREBRAS_API_KEY/,
    );
  });
});
