import { getEventListeners, once } from 'node:events';
import { type AddressInfo, createServer, type Server, type Socket } from 'node:net';
import { createReusableAbortController, TimeoutError, TransportNetworkError } from '@acpt/config';
import { afterEach, describe, expect, it } from 'vitest';
import { expectNoSecret, rejectionOf } from './__fixtures__/assert-no-secret.ts';
import {
  type FixtureHandler,
  type FixtureServer,
  pause,
  scriptedResponse,
  startFixtureServer,
} from './__fixtures__/fixture-server.ts';
import { testConfig } from './__fixtures__/test-config.ts';
import { chunkEvent, completionBody } from './__fixtures__/wire-fixtures.ts';
import { type CerebrasTransport, createCerebrasTransport } from './create-cerebras-transport.ts';

const timeouts = { connectMs: 150, headersMs: 150, idleMs: 150 };
let server: FixtureServer | undefined;
let transport: CerebrasTransport | undefined;
let silent: { server: Server; sockets: Set<Socket> } | undefined;

afterEach(async () => {
  await transport?.close();
  await server?.close();
  if (silent) {
    for (const socket of silent.sockets) socket.destroy();
    silent.server.close();
  }
  transport = undefined;
  server = undefined;
  silent = undefined;
});

async function serve(handler: FixtureHandler): Promise<CerebrasTransport> {
  server = await startFixtureServer(handler);
  transport = createCerebrasTransport({ config: testConfig({ baseUrl: server.url, timeouts }) });
  return transport;
}

/** A TCP server that accepts connections and never says a word (a TLS handshake to it never completes). */
async function startSilentServer(): Promise<number> {
  const sockets = new Set<Socket>();
  const tcp = createServer((socket) => {
    sockets.add(socket);
    socket.on('close', () => sockets.delete(socket));
  });
  tcp.listen(0, '127.0.0.1');
  await once(tcp, 'listening');
  silent = { server: tcp, sockets };
  return (tcp.address() as AddressInfo).port;
}

const hello = { messages: [{ role: 'user' as const, content: 'Hi' }] };
const never = (): Promise<void> => new Promise(() => {});

async function drain(iterable: AsyncIterable<unknown>): Promise<void> {
  for await (const _event of iterable);
}

describe('per-attempt deadlines', () => {
  it('fires the connect timeout when the TLS handshake never completes', async () => {
    const port = await startSilentServer();
    transport = createCerebrasTransport({ config: testConfig({ baseUrl: `https://127.0.0.1:${port}`, timeouts }) });
    const live = transport;
    const error = await rejectionOf(() => live.complete(hello));
    expect(TimeoutError.isInstance(error)).toBe(true);
    expect(error).toMatchObject({ phase: 'connect', timeoutMs: 150, retryable: true });
    expectNoSecret(error);
  });

  it('fires the headers timeout when the server never answers', async () => {
    const live = await serve(never);
    const error = await rejectionOf(() => live.complete(hello));
    expect(error).toMatchObject({ name: 'TimeoutError', phase: 'headers', timeoutMs: 150, retryable: true });
    const streamError = await rejectionOf(() => drain(live.stream(hello)));
    expect(streamError).toMatchObject({ name: 'TimeoutError', phase: 'headers' });
  });

  it('fires the idle timeout when a stream stalls between chunks', async () => {
    const live = await serve(scriptedResponse([chunkEvent({ delta: { content: 'a' } }), never]));
    const seen: unknown[] = [];
    const error = await rejectionOf(async () => {
      for await (const event of live.stream(hello)) seen.push(event);
    });
    expect(seen).toEqual([{ type: 'text-delta', text: 'a' }]);
    expect(TimeoutError.isInstance(error)).toBe(true);
    expect(error).toMatchObject({ phase: 'idle', timeoutMs: 150 });
  });

  it('fires the idle timeout when a whole response body stalls', async () => {
    const live = await serve(async (_request, response) => {
      response.writeHead(200, { 'content-type': 'application/json' });
      response.write('{"id":"x",');
      await never();
    });
    expect(await rejectionOf(() => live.complete(hello))).toMatchObject({ name: 'TimeoutError', phase: 'idle' });
  });

  it('keeps a stream with steady chunks alive past the idle timeout in total', async () => {
    const steps = [];
    for (let index = 0; index < 6; index++) steps.push(chunkEvent({ delta: { content: 'x' } }), () => pause(50));
    const live = await serve(scriptedResponse([...steps, chunkEvent({ delta: {}, finish_reason: 'stop' })]));
    await expect(drain(live.stream(hello))).resolves.toBeUndefined();
  });
});

describe('caller abort', () => {
  it('rejects at once with signal.reason and sends nothing when already aborted', async () => {
    const live = await serve(never);
    const reason = new Error('caller gave up');
    const error = await rejectionOf(() => live.complete(hello, { signal: AbortSignal.abort(reason) }));
    expect(error).toBe(reason);
    expect(await rejectionOf(() => drain(live.stream(hello, { signal: AbortSignal.abort(reason) })))).toBe(reason);
    expect(server?.requests).toHaveLength(0);
  });

  it('watches a reusable signal through its slot, call after call, and an abort still closes the socket', async () => {
    let calls = 0;
    const live = await serve(async (_request, response) => {
      calls++;
      if (calls > 2) return never();
      response.writeHead(200, { 'content-type': 'application/json' });
      response.end(completionBody({ content: 'ok' }));
    });
    const controller = createReusableAbortController();
    const signal = controller.signal;
    // The controller's own forwarding listener is the only one, before, during and after each call.
    expect(getEventListeners(signal, 'abort')).toHaveLength(1);
    expect((await live.complete(hello, { signal })).text).toBe('ok');
    expect((await live.complete(hello, { signal })).text).toBe('ok');
    const pending = rejectionOf(() => live.complete(hello, { signal }));
    while ((server?.requests.length ?? 0) < 3) await pause(5);
    expect(getEventListeners(signal, 'abort')).toHaveLength(1);
    // A second call on the same signal while the slot is taken falls back to its own listener.
    const second = rejectionOf(() => live.complete(hello, { signal }));
    while ((server?.requests.length ?? 0) < 4) await pause(5);
    expect(getEventListeners(signal, 'abort')).toHaveLength(2);
    const reason = new Error('stop');
    controller.abort(reason);
    expect(await pending).toBe(reason);
    expect(await second).toBe(reason);
    await server?.socketsClosed(2);
  });

  it('rejects with signal.reason unchanged while waiting for headers, and closes the socket', async () => {
    const live = await serve(never);
    const controller = new AbortController();
    const pending = rejectionOf(() => live.complete(hello, { signal: controller.signal }));
    while (server?.requests.length === 0) await pause(5);
    const reason = new Error('stop');
    controller.abort(reason);
    expect(await pending).toBe(reason);
    await server?.socketsClosed(1);
  });

  it('passes a TimeoutError reason (the adapter total deadline) through unchanged', async () => {
    const live = await serve(never);
    const reason = new TimeoutError('total', 40);
    const error = await rejectionOf(() => live.complete(hello, { signal: AbortSignal.any([AbortSignal.timeout(40)]) }));
    expect(error).toMatchObject({ name: 'TimeoutError' });
    const controller = new AbortController();
    setTimeout(() => controller.abort(reason), 40);
    expect(await rejectionOf(() => drain(live.stream(hello, { signal: controller.signal })))).toBe(reason);
  });

  it('aborts a stream mid-way with signal.reason and closes its socket', async () => {
    const live = await serve(scriptedResponse([chunkEvent({ delta: { content: 'a' } }), never]));
    const controller = new AbortController();
    const reason = new Error('enough');
    const error = await rejectionOf(async () => {
      for await (const _event of live.stream(hello, { signal: controller.signal })) controller.abort(reason);
    });
    expect(error).toBe(reason);
    await server?.socketsClosed(1);
  });
});

describe('network failures', () => {
  it('maps a refused connection to a retryable TransportNetworkError with its code', async () => {
    const port = await startSilentServer();
    silent?.server.close();
    await pause(10);
    transport = createCerebrasTransport({ config: testConfig({ baseUrl: `http://127.0.0.1:${port}`, timeouts }) });
    const live = transport;
    const error = await rejectionOf(() => live.complete(hello));
    expect(TransportNetworkError.isInstance(error)).toBe(true);
    expect(error).toMatchObject({ undiciCode: 'ECONNREFUSED', retryable: true });
    expectNoSecret(error);
  });

  it('maps a reset before the headers to a retryable TransportNetworkError', async () => {
    const live = await serve((request) => {
      request.socket.resetAndDestroy();
    });
    const error = await rejectionOf(() => live.complete(hello));
    expect(TransportNetworkError.isInstance(error)).toBe(true);
    expect(error).toMatchObject({ retryable: true });
    expect((error as TransportNetworkError).undiciCode).toMatch(/^(UND_ERR_SOCKET|ECONNRESET)$/);
  });

  it('maps a reset in the middle of a whole response body to a TransportNetworkError', async () => {
    const live = await serve(async (_request, response) => {
      response.writeHead(200, { 'content-type': 'application/json', 'content-length': '100' });
      response.write('{"id":');
      await pause(20);
      response.socket?.resetAndDestroy();
    });
    expect(TransportNetworkError.isInstance(await rejectionOf(() => live.complete(hello)))).toBe(true);
  });

  it('fails calls after close() with a non-retryable error, and close() is idempotent', async () => {
    const live = await serve(never);
    const pending = rejectionOf(() => live.complete(hello));
    while (server?.requests.length === 0) await pause(5);
    await Promise.all([live.close(), live.close()]);
    expect(await pending).toMatchObject({ name: 'TransportNetworkError', retryable: false });
    expect(await rejectionOf(() => live.complete(hello))).toMatchObject({ retryable: false });
    await server?.socketsClosed(1);
  });
});

describe('backpressure', () => {
  it('suspends the idle deadline while a slow consumer holds many events, and resumes reading after', async () => {
    const burst = Array.from({ length: 600 }, (_unused, index) => chunkEvent({ delta: { content: `${index} ` } }));
    const live = await serve(
      scriptedResponse([burst.join(''), () => pause(300), chunkEvent({ delta: {}, finish_reason: 'stop' })]),
    );
    let deltas = 0;
    let finished = false;
    // Per token: 600 events for one read, far above the high-water mark (coalesced, that read is one event).
    for await (const event of live.stream(hello, { deltas: 'per-token' })) {
      if (deltas === 0) await pause(450);
      if (event.type === 'text-delta') deltas++;
      if (event.type === 'finish') finished = true;
    }
    expect({ deltas, finished }).toEqual({ deltas: 600, finished: true });
  });
});
