import type { RequestEndEvent } from '@acpt/config';

/**
 * `error.type` of a settled request: the error's type; `AbortError` for a caller cancel (not an error: the span status
 * stays unset, but the series stay apart from successes); `_OTHER` for an error without details.
 */
export function endErrorType(event: RequestEndEvent): string | undefined {
  if (event.error !== undefined) return event.error.type;
  if (event.outcome === 'aborted') return 'AbortError';
  return event.outcome === 'error' ? '_OTHER' : undefined;
}
