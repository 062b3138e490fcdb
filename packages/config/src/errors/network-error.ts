import { AcptError, hasMarker, markError } from './acpt-error.ts';

const marker = Symbol.for('acpt.error.TransportNetworkError');

/** The connection failed (DNS, refused, reset, TLS) before a complete response arrived. Retryable by default. */
export class TransportNetworkError extends AcptError {
  /** undici's or Node's error code (`UND_ERR_SOCKET`, `ECONNREFUSED`, `CERT_HAS_EXPIRED`, …), when known. */
  readonly undiciCode: string | undefined;

  constructor(
    message: string,
    options: { readonly undiciCode?: string; readonly cause?: unknown; readonly retryable?: boolean } = {},
  ) {
    super('ACPT_NETWORK', message, { cause: options.cause, retryable: options.retryable ?? true });
    this.name = 'TransportNetworkError';
    this.undiciCode = options.undiciCode;
    markError(this, marker);
  }

  /** True for any `TransportNetworkError`, across duplicate installs. */
  static override isInstance(error: unknown): error is TransportNetworkError {
    return hasMarker(error, marker);
  }
}
