/** Bounds the mock server puts on what a client may send, so no request can exhaust it. */
export interface MockServerLimits {
  /** Largest request body accepted on the wire, in bytes; larger ones get `413`. @defaultValue 10 MiB */
  readonly bodyBytes?: number;
  /** Largest body after `Content-Encoding: gzip` is undone, in bytes; larger ones get `413`. @defaultValue 10 MiB */
  readonly decodedBodyBytes?: number;
  /** Largest request head (request line and headers), in bytes; larger ones get `431`. @defaultValue 16 KiB */
  readonly headerBytes?: number;
  /** Time a client has to send the request head, in ms; slower ones get `408`. @defaultValue 10 000 */
  readonly headersTimeoutMs?: number;
  /** Time a client has to send the whole request, in ms; slower ones get `408`. @defaultValue 30 000 */
  readonly requestTimeoutMs?: number;
}

/** {@link MockServerLimits} with every default filled in. */
export type ResolvedServerLimits = Required<MockServerLimits>;

/** The 10 MiB payload cap reported for Cerebras requests (`cerebras-api.md` §5, 413). */
export const DEFAULT_BODY_BYTES: number = 10 * 1024 * 1024;

/** Fills in the defaults of {@link MockServerLimits}. */
export function resolveServerLimits(limits: MockServerLimits = {}): ResolvedServerLimits {
  const headersTimeoutMs = limits.headersTimeoutMs ?? 10_000;
  return {
    bodyBytes: limits.bodyBytes ?? DEFAULT_BODY_BYTES,
    decodedBodyBytes: limits.decodedBodyBytes ?? DEFAULT_BODY_BYTES,
    headerBytes: limits.headerBytes ?? 16 * 1024,
    headersTimeoutMs,
    requestTimeoutMs: Math.max(limits.requestTimeoutMs ?? 30_000, headersTimeoutMs),
  };
}
