import { errorFromHttpResponse, type HeaderRecord, type TransportHttpError } from '@acpt/config';
import { redactText } from './scrub-secret.ts';

/** An error response as the transport received it. */
export interface ErrorResponseInput {
  /** HTTP status. */
  readonly status: number;
  /** Response headers. */
  readonly headers: HeaderRecord;
  /** Body text (possibly truncated). */
  readonly body: string;
  /** Request URL, for the error. */
  readonly url: string;
  /** Epoch ms now. */
  readonly nowMs: number;
  /** The revealed key, redacted out of the body and headers should the server echo it. */
  readonly secret: string;
}

function redactHeaderValues(headers: HeaderRecord, secret: string): HeaderRecord {
  const copy: Record<string, string | readonly string[] | undefined> = {};
  for (const [name, value] of Object.entries(headers)) {
    copy[name] = typeof value === 'string' ? redactText(value, secret) : value?.map((item) => redactText(item, secret));
  }
  return copy;
}

/**
 * Maps a non-2xx response with `errorFromHttpResponse` of `@acpt/config` (flat, `{detail}` and empty bodies, the
 * three 429 kinds, `x-should-retry`, `retry-after-ms`, `retry-after` and the rate-limit reset headers), after
 * redacting the key out of everything the server sent back.
 */
export function errorFromResponse(input: ErrorResponseInput): TransportHttpError {
  return errorFromHttpResponse({
    status: input.status,
    url: input.url,
    headers: redactHeaderValues(input.headers, input.secret),
    body: redactText(input.body, input.secret),
    nowMs: input.nowMs,
  });
}
