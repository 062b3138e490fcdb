import { sendBuffered } from '../call/buffered-call.ts';
import type { CallScope } from '../call/call-scope.ts';

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
