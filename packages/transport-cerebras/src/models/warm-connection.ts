import type { CallScope } from '../call/call-scope.ts';

/** How long the warm-up may take before it is given up. */
export const WARM_TIMEOUT_MS = 1000;

function noop(): void {}

/**
 * Fire-and-forget `GET /v1/tcp_warming` (no key sent: the path needs none) with a 1 s deadline, so the first real
 * request finds a connected, TLS-ready socket in the pool. Every failure is ignored.
 */
export function warmConnection(scope: CallScope): void {
  const { settings, warming } = scope;
  scope.dispatcher
    .request({
      origin: settings.origin,
      path: warming.path,
      method: 'GET',
      headers: settings.warmHeaders,
      signal: AbortSignal.timeout(WARM_TIMEOUT_MS),
      headersTimeout: WARM_TIMEOUT_MS,
      bodyTimeout: WARM_TIMEOUT_MS,
    })
    .then((response) => response.body.dump())
    .catch(noop);
}
