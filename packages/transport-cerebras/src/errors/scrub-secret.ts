import { inspect } from 'node:util';

const REDACTED = '[redacted]';

/** `text` with every occurrence of `secret` replaced by `[redacted]`. */
export function redactText(text: string, secret: string): string {
  return secret === '' || !text.includes(secret) ? text : text.replaceAll(secret, REDACTED);
}

/** True when `secret` occurs anywhere in `value` as `util.inspect` renders it (message, stack, properties, causes). */
export function mentionsSecret(value: unknown, secret: string): boolean {
  if (secret === '') return false;
  if (typeof value === 'string') return value.includes(secret);
  if (typeof value !== 'object' || value === null) return false;
  return inspect(value, { depth: 8, showHidden: false, breakLength: Number.POSITIVE_INFINITY }).includes(secret);
}

function copyError(error: Error, secret: string, depth: number): Error {
  const copy = new Error(redactText(error.message, secret));
  copy.name = error.name;
  copy.stack = redactText(error.stack ?? '', secret);
  for (const key of ['code', 'errno', 'syscall'] as const) {
    const value = (error as unknown as Record<string, unknown>)[key];
    if (typeof value === 'string' || typeof value === 'number') {
      Object.defineProperty(copy, key, {
        value: typeof value === 'string' ? redactText(value, secret) : value,
        enumerable: true,
      });
    }
  }
  if (error.cause !== undefined && depth < 8) copy.cause = scrubSecret(error.cause, secret, depth + 1);
  return copy;
}

/**
 * Makes an error safe to attach as a `cause`: returned as is when the key occurs nowhere in it, otherwise replaced by
 * a plain `Error` of the same name and code whose message, stack and causes have the key redacted. Some errors quote
 * request headers (undici's `MockAgent` "not matched" errors do), so anything from the HTTP layer passes through here.
 *
 * @param secret - the revealed key
 */
export function scrubSecret(error: unknown, secret: string, depth = 0): unknown {
  if (!mentionsSecret(error, secret)) return error;
  if (typeof error === 'string') return redactText(error, secret);
  if (error instanceof Error) return copyError(error, secret, depth);
  return REDACTED;
}
