import {
  errorFromHttpResponse,
  InvalidResponseError,
  TimeoutError,
  type TransportHttpError,
  TransportNetworkError,
  TruncatedStreamError,
} from '@acpt/config';
import type { WireResponse } from '../wire/wire-response.ts';

/** The URL the in-process mock's errors name (it has no server). */
export const MOCK_URL = 'mock://acpt.mock/v1/chat/completions';

/** The typed error of an error response, exactly as a real transport maps the same bytes. */
export function httpError(response: WireResponse, nowMs: number, midStream = false): TransportHttpError {
  return errorFromHttpResponse({
    status: response.status,
    url: MOCK_URL,
    headers: response.headers,
    body: response.body,
    nowMs,
    midStream,
  });
}

/** The socket was reset before a complete response (undici's `UND_ERR_SOCKET`, "other side closed"). */
export function connectionResetError(what: string): TransportNetworkError {
  return new TransportNetworkError(`The mock endpoint reset the connection ${what} (other side closed)`, {
    undiciCode: 'UND_ERR_SOCKET',
  });
}

/** No response headers within `timeoutMs`. */
export function headersTimeoutError(timeoutMs: number): TimeoutError {
  return new TimeoutError('headers', timeoutMs);
}

/** A stream that ended without its finish chunk. */
export function truncatedStreamError(deliveredContent: boolean): TruncatedStreamError {
  return new TruncatedStreamError({ deliveredContent });
}

/** A 2xx body (or stream event) that is not JSON. */
export function malformedJsonError(snippet: string, inStream: boolean): InvalidResponseError {
  const where = inStream ? 'A stream event' : 'The response body';
  return new InvalidResponseError(`${where} is not valid JSON`, { bodySnippet: snippet });
}
