import { describe, expect, it } from 'vitest';
import { parseRetryAfter } from './parse-retry-after.ts';

const now = Date.parse('2026-11-02T10:00:00Z');

describe('parseRetryAfter', () => {
  it.each([
    [{ 'retry-after-ms': '1500' }, 1500],
    [{ 'retry-after-ms': '0' }, 0],
    [{ 'retry-after-ms': '-20' }, 0],
    [{ 'retry-after-ms': '250', 'retry-after': '9' }, 250],
    [{ 'retry-after-ms': 'soon', 'retry-after': '2' }, 2000],
    [{ 'retry-after': '3' }, 3000],
    [{ 'retry-after': '1.5' }, 1500],
    [{ 'retry-after': 'Mon, 02 Nov 2026 10:00:30 GMT' }, 30_000],
    [{ 'retry-after': 'Mon, 02 Nov 2026 09:59:00 GMT' }, 0],
    [{ 'retry-after': 'Monday, 02-Nov-26 10:00:05 GMT' }, 5_000],
    [{ 'retry-after': ['4', '8'] }, undefined],
    [{ 'retry-after': 'whenever' }, undefined],
    [{ 'retry-after': '  ' }, undefined],
    [{ 'retry-after-ms': '' }, undefined],
    [{}, undefined],
  ])('%j → %s', (headers, expected) => {
    expect(parseRetryAfter(headers, now)).toBe(expected);
  });

  it('accepts the obsolete asctime date shape (local time, so only its type is checked)', () => {
    expect(parseRetryAfter({ 'retry-after': 'Mon Nov  2 10:00:10 2026' }, now)).toEqual(expect.any(Number));
  });
});
