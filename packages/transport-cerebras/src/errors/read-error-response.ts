import { errorFromHttpResponse, type HeaderRecord, type TransportHttpError } from '@acpt/config';
import type { Dispatcher } from 'undici';
import { redactText } from './scrub-secret.ts';

/** Largest error body read; the rest is discarded (the error keeps at most 4 KiB anyway). */
const MAX_ERROR_BODY_BYTES = 64 * 1024;

async function readBody(body: Dispatcher.ResponseData['body']): Promise<string> {
  let text = '';
  let bytes = 0;
  const decoder = new TextDecoder();
  try {
    for await (const chunk of body as AsyncIterable<Uint8Array>) {
      bytes += chunk.byteLength;
      text += decoder.decode(chunk, { stream: true });
      if (bytes >= MAX_ERROR_BODY_BYTES) break;
    }
    text += decoder.decode();
  } catch {
    // A body cut short still leaves the status to classify the error by.
  }
  return text;
}

function redactHeaderValues(headers: HeaderRecord, secret: string): HeaderRecord {
  const copy: Record<string, string | readonly string[] | undefined> = {};
  for (const [name, value] of Object.entries(headers)) {
    copy[name] = typeof value === 'string' ? redactText(value, secret) : value?.map((item) => redactText(item, secret));
  }
  return copy;
}

/** An error response as the transport received it. */
export interface ErrorResponseInput {
  /** HTTP status. */
  readonly status: number;
  /** Response headers. */
  readonly headers: HeaderRecord;
  /** The unread body. */
  readonly body: Dispatcher.ResponseData['body'];
  /** Request URL, for the error. */
  readonly url: string;
  /** Epoch ms now. */
  readonly nowMs: number;
  /** The revealed key, redacted out of the body and headers should the server echo it. */
  readonly secret: string;
}

/**
 * Reads a non-2xx response (at most 64 KiB of body) and maps it with `errorFromHttpResponse` of `@acpt/config`:
 * flat, `{detail}` and empty bodies, the three 429 kinds, `x-should-retry`, `retry-after-ms`, `retry-after` and the
 * rate-limit reset headers.
 */
export async function readErrorResponse(input: ErrorResponseInput): Promise<TransportHttpError> {
  const body = redactText(await readBody(input.body), input.secret);
  return errorFromHttpResponse({
    status: input.status,
    url: input.url,
    headers: redactHeaderValues(input.headers, input.secret),
    body,
    nowMs: input.nowMs,
  });
}
