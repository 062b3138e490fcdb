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
