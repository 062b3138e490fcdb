import { ApiKeyError } from '../errors/api-key-error.ts';
import { Secret } from './secret.ts';

/** The longest key accepted, in characters (the configuration's `apiKey` rule). */
export const MAX_API_KEY_LENGTH = 1024;

/**
 * Checks what a key source returned: a string that, trimmed, is non-empty, at most 1024 characters and free of
 * spaces and control characters. Returns it as a `Secret`, or an {@link ApiKeyError} (`empty` or `malformed`) whose
 * message names the source and never the value.
 */
export function checkKeyText(value: unknown, source: string): Secret | ApiKeyError {
  if (Secret.isInstance(value)) return checkKeyText(value.reveal(), source);
  if (typeof value !== 'string') {
    const kind = value === null ? 'null' : typeof value;
    return new ApiKeyError('malformed', `${source} returned ${kind} instead of an API key string`, { source });
  }
  const key = value.trim();
  if (key === '') return new ApiKeyError('empty', `${source} returned an empty API key`, { source });
  if (key.length > MAX_API_KEY_LENGTH || /[\s\p{Cc}]/u.test(key)) {
    return new ApiKeyError(
      'malformed',
      `${source} returned a malformed API key (${key.length} characters; expected at most ${MAX_API_KEY_LENGTH}, ` +
        'without spaces, line breaks or control characters)',
      { source },
    );
  }
  return new Secret(key);
}
