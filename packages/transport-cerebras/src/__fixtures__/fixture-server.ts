import { once } from 'node:events';
import { createServer as createHttpServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import { createServer as createHttpsServer } from 'node:https';
import type { AddressInfo, Socket } from 'node:net';

/** A request as the fixture server received it. */
export interface RecordedRequest {
  readonly method: string;
  readonly url: string;
  readonly headers: IncomingMessage['headers'];
  readonly body: string;
  readonly httpVersion: string;
}

/** Handles one request; `body` is the whole request body. */
export type FixtureHandler = (request: IncomingMessage, response: ServerResponse, body: string) => void | Promise<void>;

/** A running fixture server on 127.0.0.1. */
export interface FixtureServer {
  /** `http://127.0.0.1:<port>` (or `https://`). */
  readonly url: string;
  /** Every request received, in order. */
  readonly requests: RecordedRequest[];
  /** Resolves when `count` sockets have closed since the server started. */
  socketsClosed(count: number): Promise<void>;
  /** Number of sockets opened so far. */
  readonly connections: number;
  /** Destroys every socket and stops listening. */
  close(): Promise<void>;
}

/**
 * Starts a `node:http` (or `node:https`) server on 127.0.0.1 with a random port. Handlers write exact bytes and
 * control flushing themselves, which is what the wire-quirk tests need.
 */
export async function startFixtureServer(
  handler: FixtureHandler,
  options: { readonly tls?: { readonly key: string; readonly cert: string } } = {},
): Promise<FixtureServer> {
  const requests: RecordedRequest[] = [];
  const sockets = new Set<Socket>();
  let opened = 0;
  let closed = 0;
  const waiters: { count: number; resolve: () => void }[] = [];
  const onRequest = (request: IncomingMessage, response: ServerResponse): void => {
    const parts: Buffer[] = [];
    request.on('data', (part: Buffer) => parts.push(part));
    request.on('end', () => {
      const body = Buffer.concat(parts).toString('utf8');
      const { method = '', url = '', headers, httpVersion } = request;
      requests.push({ method, url, headers, body, httpVersion });
      Promise.resolve(handler(request, response, body)).catch((error: unknown) => {
        response.destroy(error as Error);
      });
    });
  };
  const server: Server = options.tls ? createHttpsServer(options.tls, onRequest) : createHttpServer(onRequest);
  server.keepAliveTimeout = 60_000;
  server.on(options.tls ? 'secureConnection' : 'connection', (socket: Socket) => {
    opened++;
    sockets.add(socket);
    socket.once('close', () => {
      sockets.delete(socket);
      closed++;
      for (const waiter of waiters.filter((entry) => closed >= entry.count)) waiter.resolve();
    });
  });
  server.listen(0, '127.0.0.1');
  await once(server, 'listening');
  const { port } = server.address() as AddressInfo;
  return {
    url: `${options.tls ? 'https' : 'http'}://127.0.0.1:${port}`,
    requests,
    get connections() {
      return opened;
    },
    socketsClosed(count) {
      if (closed >= count) return Promise.resolve();
      return new Promise((resolve) => waiters.push({ count, resolve }));
    },
    async close() {
      for (const socket of sockets) socket.destroy();
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}

/** One step of a scripted response: bytes to write, or something to wait for before the next step. */
export type ScriptStep = string | Uint8Array | (() => Promise<void>);

/** A promise the test resolves from outside, to hold a server step until the client has seen something. */
export interface Gate {
  /** Waits until opened (or until `fallbackMs`, so a broken client cannot hang the test). */
  readonly wait: () => Promise<void>;
  /** Opens the gate. */
  readonly open: () => void;
  /** True once opened by `open()` (not by the fallback). */
  readonly opened: () => boolean;
}

/** Creates a {@link Gate}. */
export function createGate(fallbackMs = 3000): Gate {
  let release: () => void = () => {};
  let openedByTest = false;
  const promise = new Promise<void>((resolve) => {
    release = resolve;
  });
  return {
    wait: () =>
      Promise.race([
        promise,
        new Promise<void>((resolve) => {
          setTimeout(resolve, fallbackMs).unref();
        }),
      ]),
    open: () => {
      openedByTest = true;
      release();
    },
    opened: () => openedByTest,
  };
}

/**
 * A handler that answers with `status` and SSE headers, then runs `steps` in order: each string or byte array is
 * written (and flushed) on its own, each function is awaited. Ends the response after the last step unless
 * `end: false`.
 */
export function scriptedResponse(
  steps: readonly ScriptStep[],
  options: { readonly status?: number; readonly headers?: Record<string, string>; readonly end?: boolean } = {},
): FixtureHandler {
  return async (_request, response) => {
    response.writeHead(options.status ?? 200, {
      'content-type': 'text/event-stream; charset=utf-8',
      ...options.headers,
    });
    response.flushHeaders();
    for (const step of steps) {
      if (typeof step === 'function') await step();
      else response.write(step);
    }
    if (options.end !== false) response.end();
  };
}

/** Resolves after `ms` (to let the client read what was written before the next write). */
export function pause(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms));
}
