import { type HeaderRecord, readHeader } from './headers.ts';

/**
 * The wait the server asked for, in ms: `retry-after-ms`, else `retry-after` as seconds or an HTTP date.
 * Returns `undefined` when neither is present or parseable; negative waits become 0.
 *
 * @param nowMs - the current epoch ms, to turn a date into a wait
 */
export function parseRetryAfter(headers: HeaderRecord, nowMs: number): number | undefined {
  const milliseconds = readHeader(headers, 'retry-after-ms');
  if (milliseconds !== undefined && milliseconds.trim() !== '') {
    const value = Number(milliseconds);
    if (Number.isFinite(value)) return Math.max(0, value);
  }
  const retryAfter = readHeader(headers, 'retry-after');
  if (retryAfter === undefined || retryAfter.trim() === '') return undefined;
  const seconds = Number(retryAfter);
  if (Number.isFinite(seconds)) return Math.max(0, seconds * 1000);
  // Only HTTP-date shapes (`Sun, 06 Nov 1994 …`, `Sunday, 06-Nov-94 …`, `Sun Nov  6 …`): V8's Date.parse would
  // otherwise read a date out of junk such as a repeated header joined as `4, 8`.
  if (!/^[a-z]{3,9},?\s/i.test(retryAfter.trim())) return undefined;
  const date = Date.parse(retryAfter);
  return Number.isNaN(date) ? undefined : Math.max(0, date - nowMs);
}
