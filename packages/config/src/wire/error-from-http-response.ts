import type { RateLimitState, RateLimitWindowName } from '../contract/rate-limit.ts';
import { AuthenticationError, isRetryableStatus, NotFoundError, TransportHttpError } from '../errors/http-error.ts';
import { RateLimitError, type RateLimitKind } from '../errors/rate-limit-error.ts';
import { type HeaderRecord, readHeader, redactHeaders } from './headers.ts';
import { parseRateLimitHeaders } from './parse-rate-limit-headers.ts';
import { parseRetryAfter } from './parse-retry-after.ts';

/** An error response (or a mid-stream error event) as received. */
export interface HttpErrorResponse {
  /** Status, or the event's `status_code`. */
  readonly status: number;
  /** Request URL (no credentials). */
  readonly url: string;
  /** Lower-cased response headers. */
  readonly headers: HeaderRecord;
  /** Body text (may be empty). */
  readonly body: string;
  /** Epoch ms now, for `retry-after` dates and rate-limit resets. */
  readonly nowMs: number;
  /** True for an error event inside a stream. */
  readonly midStream?: boolean;
}

interface ErrorBody {
  readonly message?: string;
  readonly type?: string;
  readonly param?: string;
  readonly code?: string;
}

/** Reads Cerebras' flat `{message,type,param,code}`, an OpenAI-style `{error:{…}}`, or FastAPI's `{detail}`. */
function parseErrorBody(body: string): ErrorBody {
  if (body.trim() === '') return {};
  let json: unknown;
  try {
    json = JSON.parse(body);
  } catch {
    return { message: body.slice(0, 300) };
  }
  if (typeof json !== 'object' || json === null) return {};
  const record = json as Record<string, unknown>;
  const inner =
    typeof record.error === 'object' && record.error !== null ? (record.error as Record<string, unknown>) : record;
  const text = (value: unknown): string | undefined => (typeof value === 'string' ? value : undefined);
  const detail = record.detail;
  const detailMessage =
    typeof detail === 'string'
      ? detail
      : Array.isArray(detail)
        ? detail.map((entry) => text((entry as Record<string, unknown>)?.msg) ?? JSON.stringify(entry)).join('; ')
        : undefined;
  return {
    message: text(inner.message) ?? (typeof record.error === 'string' ? record.error : undefined) ?? detailMessage,
    type: text(inner.type),
    param: text(inner.param),
    code: text(inner.code),
  };
}

function rateLimitKind(body: ErrorBody): RateLimitKind {
  if (body.code === 'queue_exceeded' || body.param === 'queue') return 'queue';
  if (body.code === 'token_quota_exceeded' || body.type === 'too_many_tokens_error') return 'token_quota';
  if (body.code === 'request_quota_exceeded' || body.type === 'too_many_requests_error') return 'request_quota';
  return 'unknown';
}

function rateLimitWindow(
  message: string,
  kind: RateLimitKind,
  state: RateLimitState | undefined,
): RateLimitWindowName | undefined {
  const named = /per (second|minute|hour|day)|(second|minute|hour|day) limit/i.exec(message);
  if (/per day|day limit/i.test(message)) return 'day';
  const unit = kind === 'token_quota' ? state?.tokens : kind === 'request_quota' ? state?.requests : undefined;
  if (unit?.day?.remaining === 0) return 'day';
  const word = (named?.[1] ?? named?.[2])?.toLowerCase();
  return word as RateLimitWindowName | undefined;
}

/** The wait until the exhausted quota window resets, from the rate-limit headers (ms). */
function resetWaitMs(
  kind: RateLimitKind,
  window: RateLimitWindowName | undefined,
  state: RateLimitState | undefined,
): number | undefined {
  if (!state || kind === 'queue' || kind === 'unknown') return undefined;
  const unit = kind === 'token_quota' ? state.tokens : state.requests;
  const reset = unit[window ?? 'minute']?.resetSeconds ?? unit.minute?.resetSeconds;
  return reset === undefined ? undefined : Math.max(0, reset * 1000);
}

/**
 * Maps an error response to the family's typed errors, following `cerebras-api.md` §5 and §7:
 * 401/402/403 → `AuthenticationError`; 404 → `NotFoundError`; 429 → `RateLimitError` with its kind, window and the
 * wait the server asked for (`retry-after-ms`, `retry-after`, else the quota's reset header); everything else →
 * `TransportHttpError`, retryable for 408, 409, 5xx and the transient 400 "please try again".
 * `x-should-retry: true|false` overrides retryability.
 */
export function errorFromHttpResponse(response: HttpErrorResponse): TransportHttpError {
  const body = parseErrorBody(response.body);
  const serverMessage = body.message ?? (response.body.trim() === '' ? '(empty body)' : response.body.slice(0, 300));
  const state = parseRateLimitHeaders(response.headers, response.nowMs);
  const shouldRetry = readHeader(response.headers, 'x-should-retry');
  const retryOverride = shouldRetry === 'true' ? true : shouldRetry === 'false' ? false : undefined;
  const details = {
    status: response.status,
    url: response.url,
    responseBody: response.body.slice(0, 4096),
    responseHeaders: redactHeaders(response.headers),
    retryAfterMs: parseRetryAfter(response.headers, response.nowMs),
    errorCode: body.code,
    errorType: body.type,
    param: body.param,
    midStream: response.midStream ?? false,
    retryable: retryOverride,
  };
  const where = response.midStream ? ' (in stream)' : '';
  const { status } = response;
  if (status === 401 || status === 402 || status === 403) {
    const fix =
      status === 402 ? 'add credits or a payment method' : 'check CEREBRAS_API_KEY (or CEREBRAS_API_KEY_FILE)';
    return new AuthenticationError(`HTTP ${status}${where}: ${serverMessage}; ${fix}`, details);
  }
  if (status === 404) {
    const fix =
      body.code === 'model_not_found' ? '; set CEREBRAS_MODEL to a model the endpoint lists (GET /v1/models)' : '';
    return new NotFoundError(`HTTP 404${where}: ${serverMessage}${fix}`, details);
  }
  if (status === 429) {
    const kind = rateLimitKind(body);
    const window = rateLimitWindow(serverMessage, kind, state);
    const retryAfterMs = details.retryAfterMs ?? resetWaitMs(kind, window, state);
    return new RateLimitError(`HTTP 429${where} (${kind}${window ? `, per ${window}` : ''}): ${serverMessage}`, {
      ...details,
      retryAfterMs,
      kind,
      window,
      retryable: retryOverride ?? window !== 'day',
    });
  }
  const transient400 = status === 400 && /server error, please try again/i.test(serverMessage);
  return new TransportHttpError(`HTTP ${status}${where}: ${serverMessage}`, {
    ...details,
    retryable: retryOverride ?? (transient400 || isRetryableStatus(status)),
  });
}
