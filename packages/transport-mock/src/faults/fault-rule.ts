/** Every failure the mocks can inject. The first eight are HTTP error responses, the rest break the wire. */
export const FAULT_KINDS = [
  'rate-limit-requests',
  'rate-limit-tokens',
  'rate-limit-queue',
  'server-error',
  'service-unavailable',
  'unauthorized',
  'forbidden',
  'not-found',
  'connection-reset',
  'headers-timeout',
  'slow-headers',
  'stream-truncated',
  'stream-error-event',
  'malformed-json',
] as const;

/**
 * One failure a real endpoint produces:
 * - `rate-limit-requests`, `rate-limit-tokens`, `rate-limit-queue`: the three 429 bodies, with `x-ratelimit-*` headers;
 * - `server-error` (500), `service-unavailable` (503), `unauthorized` (401 `wrong_api_key`), `forbidden`
 *   (403 `Not authenticated`), `not-found` (404 `model_not_found`);
 * - `connection-reset`: the socket is reset before any response byte;
 * - `headers-timeout`: no response at all (the in-process mock rejects with a headers `TimeoutError` after `delayMs`);
 * - `slow-headers`: the normal response, `delayMs` late;
 * - `stream-truncated`: the body ends half-way (a stream before its finish chunk, a JSON body mid-document);
 * - `stream-error-event`: half the stream, then a `{"error":…,"status_code":500}` event (a 500 when not streaming);
 * - `malformed-json`: half the stream, then an event that is not JSON (a JSON body cut in half when not streaming).
 */
export type FaultKind = (typeof FAULT_KINDS)[number];

/**
 * When a fault fires. Triggers combine with OR; a rule without any trigger fires on every request.
 * Request indexes are 0-based and count every chat-completion request the mock received.
 */
export interface FaultRule {
  /** Which failure. */
  readonly kind: FaultKind;
  /** Fires on every `every`-th request: indexes `every - 1`, `2 * every - 1`, … */
  readonly every?: number;
  /** Fires on exactly these request indexes. */
  readonly at?: readonly number[];
  /** Fires with this probability (0–1), decided by a seeded hash of the request index: the same on every run. */
  readonly probability?: number;
  /** Seed of `probability`. @defaultValue 0 */
  readonly seed?: number;
  /**
   * For `headers-timeout`: how long the in-process mock waits before its `TimeoutError` (the server holds the request
   * this long, then resets the socket). For `slow-headers`: the extra delay.
   * @defaultValue 60000 for `headers-timeout`, 1000 for `slow-headers`
   */
  readonly delayMs?: number;
}

/** The wait of a `headers-timeout` or `slow-headers` rule. */
export function faultDelayMs(rule: FaultRule): number {
  return rule.delayMs ?? (rule.kind === 'headers-timeout' ? 60_000 : 1000);
}

/** True for the faults that are HTTP error responses (status, headers and body), as opposed to wire breakage. */
export function isHttpFault(kind: FaultKind): boolean {
  const position = FAULT_KINDS.indexOf(kind);
  return position >= 0 && position < 8;
}
