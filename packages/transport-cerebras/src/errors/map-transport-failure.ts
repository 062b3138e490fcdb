import { AcptError, type Secret, TimeoutError, type TimeoutSettings, TransportNetworkError } from '@acpt/config';
import { mapProxyFailure } from '../proxy/map-proxy-failure.ts';
import { redactText, scrubSecret } from './scrub-secret.ts';

/** What a failure is mapped with: where the call went and the deadlines that applied. */
export interface FailureScope {
  /** Method and URL, for messages (never carries credentials). */
  readonly target: string;
  /** The per-attempt deadlines, to name the one that fired. */
  readonly timeouts: TimeoutSettings;
  /** The key, to keep it out of every message and cause. */
  readonly apiKey: Secret;
  /** True once the transport was closed. */
  readonly isClosed: () => boolean;
  /** The egress proxy's URL (credentials redacted), when calls go through one. */
  readonly proxy?: string;
}

/** Certificate verification failures: a retry cannot cure them, trusting the right CA does. */
const certificateCodes = new Set([
  'UNABLE_TO_VERIFY_LEAF_SIGNATURE',
  'UNABLE_TO_GET_ISSUER_CERT',
  'UNABLE_TO_GET_ISSUER_CERT_LOCALLY',
  'SELF_SIGNED_CERT_IN_CHAIN',
  'DEPTH_ZERO_SELF_SIGNED_CERT',
  'CERT_HAS_EXPIRED',
  'CERT_NOT_YET_VALID',
  'CERT_UNTRUSTED',
  'CERT_REJECTED',
  'CERT_SIGNATURE_FAILURE',
  'ERR_TLS_CERT_ALTNAME_INVALID',
]);

function errorCode(error: unknown): string | undefined {
  if (typeof error !== 'object' || error === null) return undefined;
  const code = (error as { code?: unknown }).code;
  if (typeof code === 'string') return code;
  const inner = (error as { errors?: unknown }).errors;
  return Array.isArray(inner) ? errorCode(inner[0]) : undefined;
}

function errorMessage(error: unknown): string {
  if (error instanceof Error && error.message !== '') return error.message;
  const inner = (error as { errors?: unknown } | null)?.errors;
  if (Array.isArray(inner) && inner[0] instanceof Error) return inner[0].message;
  return String(error);
}

/**
 * Turns whatever an HTTP call threw into the family's typed error. A caller abort yields `signal.reason` unchanged
 * (so a `TimeoutError` the adapter put there comes back as is); acpt errors pass through; undici's connect, headers
 * and body timeouts become `TimeoutError` with phase `connect`, `headers` and `idle`; everything else becomes a
 * `TransportNetworkError` with the undici or Node code (not retryable for certificate failures or a closed
 * transport), except failures at the egress proxy, which become a `ProxyError`. The key never appears in the result: messages are redacted and causes scrubbed.
 */
export function mapTransportFailure(error: unknown, scope: FailureScope, signal: AbortSignal | undefined): unknown {
  if (signal?.aborted) return signal.reason;
  if (AcptError.isInstance(error)) return error;
  const secret = scope.apiKey.reveal();
  const cause = scrubSecret(error, secret);
  const code = errorCode(error);
  const { timeouts } = scope;
  if (code === 'UND_ERR_CONNECT_TIMEOUT') return new TimeoutError('connect', timeouts.connectMs, { cause });
  if (code === 'UND_ERR_HEADERS_TIMEOUT') return new TimeoutError('headers', timeouts.headersMs, { cause });
  if (code === 'UND_ERR_BODY_TIMEOUT') return new TimeoutError('idle', timeouts.idleMs, { cause });
  const proxied = scope.proxy === undefined ? undefined : mapProxyFailure(cause, code, scope.target, scope.proxy);
  if (proxied !== undefined) return proxied;
  const detail = redactText(errorMessage(error), secret);
  if ((code === 'UND_ERR_DESTROYED' || code === 'UND_ERR_CLOSED') && scope.isClosed()) {
    return new TransportNetworkError(`${scope.target} failed: the transport is closed`, {
      undiciCode: code,
      cause,
      retryable: false,
    });
  }
  if (code !== undefined && certificateCodes.has(code)) {
    return new TransportNetworkError(
      `${scope.target} failed: TLS certificate verification failed (${code}: ${detail}); ` +
        'if the endpoint uses a private CA, set tls.caFile to its PEM certificate',
      { undiciCode: code, cause, retryable: false },
    );
  }
  return new TransportNetworkError(`${scope.target} failed: ${detail}${code === undefined ? '' : ` (${code})`}`, {
    undiciCode: code,
    cause,
  });
}
