import { createServer as createHttpServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import { createServer as createHttpsServer } from 'node:https';
import type { AddressInfo } from 'node:net';
import { createMockEngine } from '../engine/mock-engine.ts';
import { createCapacityQueue } from '../load/capacity-queue.ts';
import { createModelsCatalogue } from './models-catalogue.ts';
import { type RouterContext, routeRequest } from './route-request.ts';
import { resolveServerLimits } from './server-limits.ts';
import { DEFAULT_SERVER_MODELS, type MockCerebrasServerOptions } from './server-options.ts';
import { createTimerSet } from './timers.ts';

/** A running mock Cerebras endpoint. */
export interface MockCerebrasServer {
  /** Base URL without `/v1`, e.g. `http://127.0.0.1:40123` (what the SDK's `baseURL` and our config take). */
  readonly url: string;
  /** The port it listens on. */
  readonly port: number;
  /** How many `POST /v1/chat/completions` requests it has received (the fault schedule's index). */
  readonly requestCount: number;
  /** With a load model: requests in service, waiting for a slot, and refused with `429 queue_exceeded` so far. */
  readonly load: { readonly busy: number; readonly waiting: number; readonly refused: number } | undefined;
  /**
   * Accepts only `key` from now on (a key rotation at the provider: the old key is revoked), or no authentication
   * with `undefined`. Requests already past the check are not affected.
   */
  setApiKey(key: string | undefined): void;
  /** Stops listening, ends every connection and pending timer. Idempotent. */
  close(): Promise<void>;
}

/**
 * Starts a mock Cerebras endpoint on loopback (HTTPS when given `tls`) that speaks the wire format of
 * `cerebras-api.md`: chat completions as JSON or SSE, the model lists, `tcp_warming`, the real error bodies and
 * headers, bounded request sizes and times (`limits`: 413 over 10 MiB raw or decoded, 431 for huge heads, 408 for
 * slow clients; any URL, header or body gets an answer and never stops the server), quotas counting down in `x-ratelimit-*` headers, and the same replies and fault schedule as
 * `createMockTransport` with the same options.
 *
 * @throws {AcptConfigError} when the fault rules are malformed
 * @example
 * const server = await createMockCerebrasServer({ apiKey: 'test-key', faults: parseFaultSpec('rate-limit-tokens:every=5') });
 * // point a client at server.url, then:
 * await server.close();
 */
export async function createMockCerebrasServer(options: MockCerebrasServerOptions = {}): Promise<MockCerebrasServer> {
  const models = options.models ?? DEFAULT_SERVER_MODELS;
  const engine = createMockEngine({ ...options, models });
  const timers = createTimerSet();
  const limits = resolveServerLimits(options.limits);
  const clock = options.clock;
  let count = 0;
  let expectedAuthorization = options.apiKey === undefined ? undefined : `Bearer ${options.apiKey}`;
  const context: RouterContext = {
    engine,
    sendDone: options.sendDone ?? false,
    timers,
    now: clock === undefined ? Date.now : () => clock.now(),
    get expectedAuthorization(): string | undefined {
      return expectedAuthorization;
    },
    catalogue: createModelsCatalogue(models, options.prices),
    limits,
    nextIndex: () => count++,
    capacity: options.load === undefined ? undefined : createCapacityQueue(options.load),
  };
  const handler = (request: IncomingMessage, response: ServerResponse): void =>
    routeRequest(context, request, response);
  const serverOptions = {
    maxHeaderSize: limits.headerBytes,
    headersTimeout: limits.headersTimeoutMs,
    requestTimeout: limits.requestTimeoutMs,
    // Node checks both timeouts only this often (default 30 s); check often enough to honour them.
    connectionsCheckingInterval: Math.max(50, Math.min(1000, Math.floor(limits.headersTimeoutMs / 4))),
  };
  const server: Server = options.tls
    ? createHttpsServer({ ...serverOptions, key: options.tls.key, cert: options.tls.cert }, handler)
    : createHttpServer(serverOptions, handler);
  const host = options.host ?? '127.0.0.1';
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port ?? 0, host, () => {
      server.off('error', reject);
      resolve();
    });
  });
  const port = (server.address() as AddressInfo).port;
  const urlHost = host.includes(':') ? `[${host}]` : host;
  let closing: Promise<void> | undefined;
  return {
    url: `${options.tls ? 'https' : 'http'}://${urlHost}:${port}`,
    port,
    get requestCount(): number {
      return count;
    },
    get load() {
      const capacity = context.capacity;
      return capacity === undefined
        ? undefined
        : { busy: capacity.busy, waiting: capacity.waiting, refused: capacity.refused };
    },
    setApiKey(key: string | undefined): void {
      expectedAuthorization = key === undefined ? undefined : `Bearer ${key}`;
    },
    close(): Promise<void> {
      closing ??= new Promise<void>((resolve) => {
        timers.clear();
        server.close(() => resolve());
        server.closeAllConnections();
      });
      return closing;
    },
  };
}
