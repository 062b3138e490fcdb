import { describeError, type EventError, FallbackExhaustedError, RetryExhaustedError, type Secret } from '@acpt/config';

const bearer = /(bearer\s+)[^\s"',;]+/gi;
const keyLike = /\bcsk-[A-Za-z0-9_-]{6,}/g;

/**
 * Removes credentials from a message: the configured API key wherever it appears, `Bearer …` tokens and anything
 * shaped like a Cerebras key (`csk-…`).
 */
export function redactText(text: string, apiKey: Secret | undefined): string {
  let safe = text;
  const key = apiKey?.reveal();
  if (key !== undefined && key.length >= 4 && safe.includes(key)) safe = safe.split(key).join('[redacted]');
  return safe.replace(bearer, '$1[redacted]').replace(keyLike, '[redacted]');
}

/** `describeError()` with the message redacted: what events and diagnostics carry. */
export function describeErrorSafely(error: unknown, apiKey: Secret | undefined): EventError {
  const described = describeError(error);
  const message = redactText(described.message, apiKey);
  return message === described.message ? described : { ...described, message };
}

/**
 * How a request's final error is reported: like {@link describeErrorSafely}, except that a retries-exhausted or
 * fallback-exhausted error takes the `error.type` (and status, 429 kind) of the last attempt's error, which is what
 * telemetry groups failures by; its own code and message are kept.
 */
export function describeFinalError(error: unknown, apiKey: Secret | undefined): EventError {
  const described = describeErrorSafely(error, apiKey);
  const last = RetryExhaustedError.isInstance(error)
    ? error.lastError
    : FallbackExhaustedError.isInstance(error)
      ? error.attempts.at(-1)
      : undefined;
  if (last === undefined) return described;
  const inner = describeError(last);
  return { ...described, type: inner.type, status: inner.status, rateLimitKind: inner.rateLimitKind };
}
