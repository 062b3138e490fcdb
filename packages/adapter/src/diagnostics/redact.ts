import { describeError, type EventError, type Secret } from '@acpt/config';

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
