import {
  AuthenticationError,
  RateLimitError,
  type RateLimitKind,
  type RateLimitWindowName,
  TransportHttpError,
  TransportNetworkError,
} from '@acpt/config';

const url = 'http://127.0.0.1/v1/chat/completions';

/** A 500 (or any status) as the transport raises it. */
export function httpStatusError(status = 500, retryAfterMs?: number): TransportHttpError {
  return new TransportHttpError(`HTTP ${status}`, { status, url, retryAfterMs });
}

/** A 429 of the given kind and window, with the wait the server asked for. */
export function rateLimitError(
  kind: RateLimitKind,
  window?: RateLimitWindowName,
  retryAfterMs?: number,
): RateLimitError {
  return new RateLimitError(`HTTP 429 (${kind})`, { status: 429, url, kind, window, retryAfterMs });
}

/** A socket reset before the headers. */
export function networkError(): TransportNetworkError {
  return new TransportNetworkError('socket reset', { undiciCode: 'UND_ERR_SOCKET' });
}

/** A 401 that mentions a key-shaped string (to check redaction). */
export function unauthorizedError(): AuthenticationError {
  return new AuthenticationError('HTTP 401: wrong key csk-test-secret-key-0000 (Bearer csk-test-secret-key-0000)', {
    status: 401,
    url,
  });
}
