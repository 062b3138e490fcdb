import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { baseUrlProblem, isLoopbackHost, normalizeBaseUrl } from './base-url.ts';

describe('isLoopbackHost', () => {
  it.each(['localhost', 'LOCALHOST', 'localhost.', '127.0.0.1', '127.1.2.3', '127.255.255.255', '[::1]'])(
    'accepts %s',
    (host) => expect(isLoopbackHost(host)).toBe(true),
  );

  it.each([
    '128.0.0.1',
    '10.0.0.1',
    '127.0.0.256',
    'example.com',
    'localhost.example.com',
    '127.0.0.1.nip.io',
    '[::2]',
  ])('refuses %s', (host) => expect(isLoopbackHost(host)).toBe(false));

  it('accepts exactly 127.0.0.0/8 among IPv4 addresses', () => {
    const octet = fc.integer({ min: 0, max: 255 });
    fc.assert(
      fc.property(octet, octet, octet, octet, (a, b, c, d) => {
        expect(isLoopbackHost(`${a}.${b}.${c}.${d}`)).toBe(a === 127);
      }),
    );
  });
});

describe('baseUrlProblem', () => {
  it.each([
    'https://api.cerebras.ai',
    'https://gateway.internal:8443/cerebras',
    'http://localhost:8080',
    'http://127.0.0.1:3000',
    'http://127.1',
    'http://[::1]:9000',
  ])('accepts %s', (url) => expect(baseUrlProblem(url)).toBeUndefined());

  it.each([
    ['not a url', /^an absolute URL/],
    ['http://api.cerebras.ai', /http:\/\/ is allowed only for loopback/],
    ['http://10.0.0.8:8080', /http:\/\/ is allowed only for loopback/],
    ['ftp://localhost', /^an https:\/\/ URL \(or http/],
    ['https://user:pw@api.cerebras.ai', /without user:password/],
    ['https://api.cerebras.ai?x=1', /without \?query/],
    ['https://api.cerebras.ai/v1', /without the \/v1 suffix/],
    ['https://api.cerebras.ai/v1/', /without the \/v1 suffix/],
  ])('refuses %s', (url, problem) => expect(baseUrlProblem(url)).toMatch(problem));
});

describe('normalizeBaseUrl', () => {
  it('drops trailing slashes and normalises the host', () => {
    expect(normalizeBaseUrl('https://API.cerebras.ai/')).toBe('https://api.cerebras.ai');
    expect(normalizeBaseUrl('https://gw.internal/cerebras//')).toBe('https://gw.internal/cerebras');
    expect(normalizeBaseUrl('http://127.1:80/')).toBe('http://127.0.0.1');
  });
});
