import { errorFromHttpResponse } from '@acpt/config';
import { afterEach, describe, expect, it } from 'vitest';
import { chatBody, send, sseData, testAgent } from '../__fixtures__/wire-client.ts';
import type { FaultKind } from '../faults/fault-rule.ts';
import { createMockTransport } from '../transport/create-mock-transport.ts';
import { fromWireRequest } from '../wire/from-wire-request.ts';
import { createMockCerebrasServer, type MockCerebrasServer } from './create-mock-cerebras-server.ts';

let server: MockCerebrasServer | undefined;
afterEach(async () => {
  await server?.close();
  server = undefined;
});

/** Starts a server whose second chat request (index 1) hits `kind`, and spends the first one. */
async function faultyChat(kind: FaultKind, delayMs?: number): Promise<string> {
  server = await createMockCerebrasServer({ streamChunkTokens: 2, faults: [{ kind, at: [1], delayMs }] });
  const chat = `${server.url}/v1/chat/completions`;
  expect((await send(chat, { body: chatBody() })).status).toBe(200);
  return chat;
}

const httpFaults: readonly [FaultKind, number, string][] = [
  ['rate-limit-requests', 429, 'request_quota_exceeded'],
  ['rate-limit-tokens', 429, 'token_quota_exceeded'],
  ['rate-limit-queue', 429, 'queue_exceeded'],
  ['server-error', 500, 'internal_server_error'],
  ['service-unavailable', 503, 'service_unavailable'],
  ['unauthorized', 401, 'wrong_api_key'],
  ['not-found', 404, 'model_not_found'],
];

describe('server faults on the wire', () => {
  it.each(httpFaults)(
    '%s sends HTTP %i with code %s, mapped as the in-process mock raises it',
    async (kind, status, code) => {
      const chat = await faultyChat(kind);
      const response = await send(chat, { body: chatBody() });
      expect(response.status).toBe(status);
      expect(JSON.parse(response.body).code).toBe(code);
      if (status === 429) expect(response.headers['x-ratelimit-limit-requests-minute']).toBe('30');
      const wireError = errorFromHttpResponse({ ...response, url: chat, nowMs: Date.now() });
      const local = createMockTransport({ faults: [{ kind, at: [1] }] });
      await local.complete(fromWireRequest(chatBody()));
      const localError = await local.complete(fromWireRequest(chatBody())).catch((error: unknown) => error);
      expect(localError).toMatchObject({
        name: wireError.name,
        code: wireError.code,
        status: wireError.status,
        errorCode: wireError.errorCode,
        retryable: wireError.retryable,
        responseBody: wireError.responseBody,
      });
    },
  );

  it('forbidden sends the FastAPI 403', async () => {
    const chat = await faultyChat('forbidden');
    expect(await send(chat, { body: chatBody() })).toMatchObject({
      status: 403,
      body: '{"detail":"Not authenticated"}',
    });
  });

  it('connection-reset resets the socket before any byte', async () => {
    const chat = await faultyChat('connection-reset');
    const error = await send(chat, { body: chatBody(), dispatcher: testAgent() }).catch((caught: unknown) => caught);
    expect((error as { code?: string }).code).toMatch(/^(UND_ERR_SOCKET|ECONNRESET)$/);
    expect((await send(chat, { body: chatBody() })).status).toBe(200);
  });

  it('headers-timeout sends no headers at all', async () => {
    const chat = await faultyChat('headers-timeout', 30_000);
    const agent = testAgent({ headersTimeout: 150 });
    const error = await send(chat, { body: chatBody(), dispatcher: agent }).catch((caught: unknown) => caught);
    expect((error as { code?: string }).code).toBe('UND_ERR_HEADERS_TIMEOUT');
    await agent.close();
  });

  it('slow-headers answers, but later than a short headers timeout', async () => {
    const chat = await faultyChat('slow-headers', 1500);
    const agent = testAgent({ headersTimeout: 100 });
    const error = await send(chat, { body: chatBody(), dispatcher: agent }).catch((caught: unknown) => caught);
    expect((error as { code?: string }).code).toBe('UND_ERR_HEADERS_TIMEOUT');
    await agent.close();
    expect((await send(chat, { body: chatBody() })).status).toBe(200);
  });

  it('stream-truncated ends the stream before the finish chunk, and cuts a JSON body short', async () => {
    const chat = await faultyChat('stream-truncated');
    const cut = sseData((await send(chat, { body: chatBody({ stream: true }) })).body);
    const whole = sseData((await send(chat, { body: chatBody({ stream: true }) })).body);
    expect(server?.requestCount).toBe(3);
    const contentEvents = whole.length - 3;
    expect(cut.length).toBe(1 + Math.floor(contentEvents / 2));
    expect(cut.some((data) => data.includes('finish_reason'))).toBe(false);
    expect(whole.at(-1)).toContain('"finish_reason":"stop"');
    await server?.close();
    const json = await faultyChat('stream-truncated');
    const error = await send(json, { body: chatBody(), dispatcher: testAgent() }).catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(Error);
  });

  it('stream-error-event sends half the stream, then the error event with status_code', async () => {
    const chat = await faultyChat('stream-error-event');
    const events = sseData((await send(chat, { body: chatBody({ stream: true }) })).body);
    // Byte for byte what Cerebras sends: status_code first, empty-string param, code and id.
    expect(events.at(-1)).toBe(
      '{"status_code":500,"error":{"message":"Encountered a server error, please try again",' +
        '"type":"server_error","param":"","code":"","id":""}}',
    );
    expect(events.length).toBeGreaterThan(2);
  });

  it('malformed-json sends an event, or a body, that is not JSON', async () => {
    const chat = await faultyChat('malformed-json');
    const events = sseData((await send(chat, { body: chatBody({ stream: true }) })).body);
    expect(() => JSON.parse(events.at(-1) as string)).toThrow();
    expect(events.at(-1)).toMatch(/^\{"id":"chatcmpl-/);
    await server?.close();
    const json = await faultyChat('malformed-json');
    const response = await send(json, { body: chatBody() });
    expect(response.status).toBe(200);
    expect(() => JSON.parse(response.body)).toThrow();
  });
});
