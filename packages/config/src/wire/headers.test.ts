import { describe, expect, it } from 'vitest';
import { readHeader, redactHeaders } from './headers.ts';

describe('readHeader', () => {
  it('reads one value, joins repeated ones and gives undefined when absent', () => {
    const headers = { 'content-type': 'application/json', via: ['a', 'b'] };
    expect(readHeader(headers, 'content-type')).toBe('application/json');
    expect(readHeader(headers, 'via')).toBe('a, b');
    expect(readHeader(headers, 'retry-after')).toBeUndefined();
  });
});

describe('redactHeaders', () => {
  it('drops every header that can carry credentials, whatever its case, and keeps the rest', () => {
    const safe = redactHeaders({
      Authorization: 'Bearer csk-secret',
      'proxy-authorization': 'Basic x',
      cookie: 'a=b',
      'Set-Cookie': ['s=1', 's=2'],
      'x-api-key': 'csk-secret',
      'api-key': 'csk-secret',
      'X-RateLimit-Remaining-Tokens-Minute': '100',
      via: ['1.1 a', '1.1 b'],
      'x-empty': undefined,
    });
    expect(safe).toEqual({ 'x-ratelimit-remaining-tokens-minute': '100', via: '1.1 a, 1.1 b' });
    expect(JSON.stringify(safe)).not.toContain('csk-secret');
  });
});
