import { TransportHttpError } from '@acpt/config';
import { sendBuffered } from '../call/buffered-call.ts';
import type { CallScope } from '../call/call-scope.ts';
import { mapTransportFailure } from '../errors/map-transport-failure.ts';

/** How long the warm-up may take before it is given up. */
export const WARM_TIMEOUT_MS = 1000;

const warmDeadlines = { headersMs: WARM_TIMEOUT_MS, idleMs: WARM_TIMEOUT_MS };

function noop(): void {}

/**
 * Fire-and-forget `GET /v1/tcp_warming` (no key sent: the path needs none) with a 1 s deadline, so the first real
 * request finds a connected, TLS-ready socket in the pool. Every failure is ignored.
 */
export function warmConnection(scope: CallScope): void {
  const { settings, warming } = scope;
  sendBuffered(scope.dispatcher, {
    origin: settings.origin,
    path: warming.path,
    method: 'GET',
    headers: settings.warmHeaders,
    deadlines: warmDeadlines,
    signal: AbortSignal.timeout(WARM_TIMEOUT_MS),
  }).catch(noop);
}

/**
 * Checks that the endpoint is reachable the way calls reach it (through the egress proxy, if any, with TLS verified):
 * `GET /v1/tcp_warming` without the key, bounded by `signal`. Resolves with the time to the whole answer, in ms
 * (measured); rejects with the same typed errors as a call (`ProxyError`, `TransportNetworkError`, `TimeoutError`,
 * `signal.reason`), or `TransportHttpError` for an error status.
 */
export async function probeConnection(scope: CallScope, signal: AbortSignal | undefined): Promise<number> {
  const { settings, warming } = scope;
  const deadlines = { headersMs: settings.timeouts.headersMs, idleMs: settings.timeouts.idleMs };
  try {
    const response = await sendBuffered(scope.dispatcher, {
      origin: settings.origin,
      path: warming.path,
      method: 'GET',
      headers: settings.warmHeaders,
      deadlines,
      signal,
    });
    if (response.status >= 400) {
      throw new TransportHttpError(`GET ${warming.url} answered HTTP ${response.status}`, {
        status: response.status,
        url: warming.url,
      });
    }
    return response.totalMs;
  } catch (error) {
    throw mapTransportFailure(error, warming.failure, signal);
  }
}
