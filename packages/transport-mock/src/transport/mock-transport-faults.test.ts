import type { ChatRequest, ChatStreamEvent } from '@acpt/config';
import {
  AuthenticationError,
  InvalidResponseError,
  NotFoundError,
  RateLimitError,
  TimeoutError,
  TransportHttpError,
  TransportNetworkError,
  TruncatedStreamError,
} from '@acpt/config';
import { describe, expect, it } from 'vitest';
import { createVirtualClock } from '../clock/virtual-clock.ts';
import type { FaultKind } from '../faults/fault-rule.ts';
import { createMockTransport } from './create-mock-transport.ts';

const request: ChatRequest = { model: 'gpt-oss-120b', messages: [{ role: 'user', content: 'Rank the vehicles.' }] };
const minute = 60_000;

function faulty(kind: FaultKind, delayMs?: number) {
  const clock = createVirtualClock({ startMs: 100 * minute + 45_000, autoAdvance: true });
  const transport = createMockTransport({ clock, streamChunkTokens: 2, faults: [{ kind, at: [1], delayMs }] });
  return { clock, transport };
}

async function failure(
  kind: FaultKind,
  stream: boolean,
  delayMs?: number,
): Promise<{ error: unknown; deltas: number }> {
  const { transport } = faulty(kind, delayMs);
  await transport.complete(request);
  let deltas = 0;
  try {
    if (!stream) await transport.complete(request);
    else for await (const event of transport.stream(request)) deltas += event.type === 'text-delta' ? 1 : 0;
  } catch (error) {
    return { error, deltas };
  }
  throw new Error(`${kind} did not fail`);
}

describe('in-process faults', () => {
  it('fires only on the scheduled request index', async () => {
    const { transport } = faulty('service-unavailable');
    await transport.complete(request);
    await expect(transport.complete(request)).rejects.toSatisfy(TransportHttpError.isInstance);
    await transport.complete(request);
  });

  it.each([
    ['rate-limit-requests', 'request_quota'],
    ['rate-limit-tokens', 'token_quota'],
    ['rate-limit-queue', 'queue'],
  ] as const)('%s is a RateLimitError of kind %s', async (kind, rateLimitKind) => {
    const { error } = await failure(kind, false);
    expect(RateLimitError.isInstance(error)).toBe(true);
    expect(error).toMatchObject({ status: 429, kind: rateLimitKind, retryable: true });
    const expectedWait = kind === 'rate-limit-queue' ? undefined : 15_000;
    expect((error as RateLimitError).retryAfterMs).toBe(expectedWait);
  });

  it.each([
    ['server-error', 500, true],
    ['service-unavailable', 503, true],
  ] as const)('%s is a retryable HTTP %i', async (kind, status, retryable) => {
    const { error } = await failure(kind, true);
    expect(error).toMatchObject({ name: 'TransportHttpError', status, retryable, midStream: false });
  });

  it('unauthorized, forbidden and not-found carry the real bodies', async () => {
    const unauthorized = (await failure('unauthorized', false)).error;
    expect(AuthenticationError.isInstance(unauthorized)).toBe(true);
    expect(unauthorized).toMatchObject({ status: 401, errorCode: 'wrong_api_key' });
    expect((await failure('forbidden', false)).error).toMatchObject({
      status: 403,
      message: expect.stringContaining('Not authenticated'),
    });
    const notFound = (await failure('not-found', true)).error;
    expect(NotFoundError.isInstance(notFound)).toBe(true);
    expect(notFound).toMatchObject({ errorCode: 'model_not_found', message: expect.stringContaining('gpt-oss-120b') });
  });

  it('connection-reset is a retryable network error', async () => {
    const { error } = await failure('connection-reset', false);
    expect(TransportNetworkError.isInstance(error)).toBe(true);
    expect(error).toMatchObject({ undiciCode: 'UND_ERR_SOCKET', retryable: true });
  });

  it('headers-timeout waits the configured time on the clock, then times out', async () => {
    const { clock, transport } = faulty('headers-timeout', 2500);
    await transport.complete(request);
    const started = clock.now();
    const error = await transport.complete(request).catch((caught: unknown) => caught);
    expect(TimeoutError.isInstance(error)).toBe(true);
    expect(error).toMatchObject({ phase: 'headers', timeoutMs: 2500 });
    expect(clock.now() - started).toBe(2500);
  });

  it('slow-headers answers normally, late', async () => {
    const { clock, transport } = faulty('slow-headers', 700);
    const normal = await transport.complete(request);
    const slow = await transport.complete(request);
    expect(slow.text).toBe(normal.text);
    expect(slow.latency.headersMs).toBe(700);
    expect(clock.now()).toBe(100 * minute + 45_700);
  });

  it('stream-truncated delivers half the stream, then a TruncatedStreamError', async () => {
    const { error, deltas } = await failure('stream-truncated', true);
    expect(TruncatedStreamError.isInstance(error)).toBe(true);
    expect(deltas).toBeGreaterThan(0);
    expect(error).toMatchObject({ deliveredContent: true, retryable: false });
    const whole = await failure('stream-truncated', false);
    expect(whole.error).toMatchObject({ name: 'TransportNetworkError', undiciCode: 'UND_ERR_SOCKET' });
  });

  it('stream-error-event is a mid-stream HTTP 500, or a plain 500 when not streaming', async () => {
    const { error, deltas } = await failure('stream-error-event', true);
    expect(deltas).toBeGreaterThan(0);
    expect(error).toMatchObject({
      name: 'TransportHttpError',
      status: 500,
      midStream: true,
      message: expect.stringContaining('Encountered a server error, please try again'),
    });
    expect((await failure('stream-error-event', false)).error).toMatchObject({ status: 500, midStream: false });
  });

  it('malformed-json is an InvalidResponseError with the offending text', async () => {
    const streamed = await failure('malformed-json', true);
    expect(InvalidResponseError.isInstance(streamed.error)).toBe(true);
    expect((streamed.error as InvalidResponseError).bodySnippet).toMatch(/^\{"id":"chatcmpl-/);
    const whole = await failure('malformed-json', false);
    expect((whole.error as InvalidResponseError).bodySnippet).toMatch(
      /^\{"id":"chatcmpl-.*"object":"chat\.completion"/,
    );
    expect(() => JSON.parse((whole.error as InvalidResponseError).bodySnippet)).toThrow();
  });

  it('a stream fault on an empty reply fails before any delta', async () => {
    const transport = createMockTransport({ responder: () => '', faults: [{ kind: 'stream-truncated' }] });
    const events: ChatStreamEvent[] = [];
    const error = await (async () => {
      for await (const event of transport.stream(request)) events.push(event);
    })().catch((caught: unknown) => caught);
    expect(events).toEqual([]);
    expect(error).toMatchObject({ deliveredContent: false, retryable: true });
  });
});
