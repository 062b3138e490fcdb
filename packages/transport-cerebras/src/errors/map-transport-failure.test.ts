import { Secret, TimeoutError, TransportNetworkError } from '@acpt/config';
import { MockAgent } from 'undici';
import { afterEach, describe, expect, it } from 'vitest';
import { expectNoSecret, rejectionOf } from '../__fixtures__/assert-no-secret.ts';
import { TEST_KEY, testConfig } from '../__fixtures__/test-config.ts';
import { type CerebrasTransport, createCerebrasTransport } from '../create-cerebras-transport.ts';
import { type FailureScope, mapTransportFailure } from './map-transport-failure.ts';
import { scrubSecret } from './scrub-secret.ts';

const scope: FailureScope = {
  target: 'POST https://api.cerebras.ai/v1/chat/completions',
  timeouts: { connectMs: 1, headersMs: 2, idleMs: 3, totalMs: 4 },
  apiKey: new Secret(TEST_KEY),
  isClosed: () => false,
};

function undiciError(code: string, message = 'boom'): Error {
  return Object.assign(new Error(message), { code });
}

describe('mapTransportFailure', () => {
  it.each([
    ['UND_ERR_CONNECT_TIMEOUT', 'connect', 1],
    ['UND_ERR_HEADERS_TIMEOUT', 'headers', 2],
    ['UND_ERR_BODY_TIMEOUT', 'idle', 3],
  ])('maps undici %s to a %s TimeoutError', (code, phase, timeoutMs) => {
    const error = mapTransportFailure(undiciError(code), scope, undefined);
    expect(TimeoutError.isInstance(error)).toBe(true);
    expect(error).toMatchObject({ phase, timeoutMs, retryable: true });
  });

  it('returns the abort reason unchanged once the signal fired, whatever undici threw', () => {
    const reason = new TimeoutError('total', 10);
    expect(mapTransportFailure(undiciError('UND_ERR_ABORTED'), scope, AbortSignal.abort(reason))).toBe(reason);
  });

  it('passes acpt errors through and wraps the rest with the undici code', () => {
    const timeout = new TimeoutError('idle', 3);
    expect(mapTransportFailure(timeout, scope, undefined)).toBe(timeout);
    const error = mapTransportFailure(undiciError('ECONNRESET', 'read ECONNRESET'), scope, undefined);
    expect(TransportNetworkError.isInstance(error) && error.undiciCode).toBe('ECONNRESET');
    expect((error as Error).message).toBe(`${scope.target} failed: read ECONNRESET (ECONNRESET)`);
  });

  it('takes the code of the first error of an AggregateError (happy eyeballs)', () => {
    const aggregate = new AggregateError([undiciError('ECONNREFUSED', 'connect ECONNREFUSED ::1:443')], '');
    expect(mapTransportFailure(aggregate, scope, undefined)).toMatchObject({ undiciCode: 'ECONNREFUSED' });
  });

  it('never lets the key through, however deep it hides in the cause', () => {
    const leaky = undiciError('UND_ERR_SOCKET', `headers {"authorization":"Bearer ${TEST_KEY}"}`);
    leaky.cause = new Error(`inner ${TEST_KEY}`);
    const error = mapTransportFailure(leaky, scope, undefined);
    expectNoSecret(error);
    expect((error as Error).message).toContain('[redacted]');
    expect(((error as Error).cause as Error).name).toBe('Error');
  });
});

describe('scrubSecret', () => {
  it('returns an error that never mentions the key as is', () => {
    const clean = new Error('clean');
    expect(scrubSecret(clean, TEST_KEY)).toBe(clean);
  });

  it('redacts strings and other values', () => {
    expect(scrubSecret(`x ${TEST_KEY}`, TEST_KEY)).toBe('x [redacted]');
    expect(scrubSecret({ key: TEST_KEY }, TEST_KEY)).toBe('[redacted]');
  });
});

describe('with an injected undici MockAgent', () => {
  let transport: CerebrasTransport | undefined;
  let agent: MockAgent | undefined;
  afterEach(async () => {
    await transport?.close();
    await agent?.close();
  });

  it('uses the injected dispatcher and keeps the key out of its "not matched" errors', async () => {
    agent = new MockAgent();
    agent.disableNetConnect();
    const pool = agent.get('https://api.cerebras.ai');
    pool
      .intercept({ path: '/v1/chat/completions', method: 'POST', headers: { authorization: 'Bearer other' } })
      .reply(200, '{}');
    transport = createCerebrasTransport({
      config: testConfig({ baseUrl: 'https://api.cerebras.ai' }),
      dispatcher: agent,
    });
    const live = transport;
    const error = await rejectionOf(() => live.complete({ messages: [{ role: 'user', content: 'Hi' }] }));
    expect(TransportNetworkError.isInstance(error)).toBe(true);
    expectNoSecret(error);
    pool
      .intercept({ path: '/v1/chat/completions', method: 'POST' })
      .reply(200, '{"id":"c","model":"m","choices":[{"message":{"content":"mocked"},"finish_reason":"stop"}]}');
    expect((await live.complete({ messages: [{ role: 'user', content: 'Hi' }] })).text).toBe('mocked');
    await live.close();
    expect(await rejectionOf(() => live.complete({ messages: [] }))).toMatchObject({ retryable: false });
    pool.intercept({ path: '/still-open', method: 'GET' }).reply(204, '');
    const direct = await agent.request({ origin: 'https://api.cerebras.ai', path: '/still-open', method: 'GET' });
    expect(direct.statusCode).toBe(204);
  });
});
