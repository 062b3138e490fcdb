import { describe, expect, it } from 'vitest';
import { isExemptFromProxy } from './no-proxy.ts';
import { redactProxyUrl } from './redact-proxy-url.ts';
import { resolveProxy } from './resolve-proxy.ts';

const endpoint = new URL('https://api.cerebras.ai');

describe('resolveProxy', () => {
  it('follows HTTPS_PROXY (lower case first), falls back to HTTP_PROXY, and honours NO_PROXY', () => {
    const env = { HTTPS_PROXY: 'http://upper:3128', https_proxy: 'http://lower:3128' };
    expect(resolveProxy({ setting: 'env', env, endpoint })).toEqual({
      url: 'http://lower:3128',
      display: 'http://lower:3128',
      reason: 'env https_proxy',
    });
    expect(resolveProxy({ setting: 'env', env: { HTTP_PROXY: 'http://p:1' }, endpoint }).reason).toBe('env HTTP_PROXY');
    const exempt = resolveProxy({ setting: 'env', env: { ...env, NO_PROXY: 'localhost,.cerebras.ai' }, endpoint });
    expect(exempt).toEqual({ url: undefined, display: 'direct', reason: 'NO_PROXY exempts api.cerebras.ai' });
    expect(resolveProxy({ setting: 'env', env: {}, endpoint }).reason).toBe('no proxy variable set');
  });

  it('uses an explicit URL always and none never, whatever the environment says', () => {
    const env = { HTTPS_PROXY: 'http://env:3128', NO_PROXY: '*' };
    const explicit = resolveProxy({ setting: 'http://alice:s3cret@proxy.corp:3128', env, endpoint });
    expect(explicit).toEqual({
      url: 'http://alice:s3cret@proxy.corp:3128',
      display: 'http://alice:[redacted]@proxy.corp:3128',
      reason: 'connection.proxy',
    });
    expect(resolveProxy({ setting: 'none', env, endpoint }).url).toBeUndefined();
  });
});

describe('isExemptFromProxy', () => {
  it.each([
    ['*', 'api.cerebras.ai', 443, true],
    ['cerebras.ai', 'api.cerebras.ai', 443, true],
    ['.cerebras.ai', 'api.cerebras.ai', 443, true],
    ['*.cerebras.ai', 'api.cerebras.ai', 443, true],
    ['api.cerebras.ai:443', 'api.cerebras.ai', 443, true],
    ['api.cerebras.ai:8443', 'api.cerebras.ai', 443, false],
    ['notcerebras.ai', 'api.cerebras.ai', 443, false],
    ['127.0.0.1 ::1', '[::1]', 80, true],
    ['[::1]:8080', '[::1]', 8080, true],
    ['', 'api.cerebras.ai', 443, false],
  ])('NO_PROXY=%j for %s:%d → %s', (noProxy, host, port, exempt) => {
    expect(isExemptFromProxy(noProxy, host, port)).toBe(exempt);
  });
});

describe('redactProxyUrl', () => {
  it('masks the password, or a lone user name used as a token, and anything that is not a URL', () => {
    expect(redactProxyUrl('http://bob:pa%24%24@proxy:8080/')).toBe('http://bob:[redacted]@proxy:8080');
    expect(redactProxyUrl('http://token@proxy:8080')).toBe('http://[redacted]@proxy:8080');
    expect(redactProxyUrl('http://proxy:8080')).toBe('http://proxy:8080');
    expect(redactProxyUrl('not a url with secret')).toBe('[redacted proxy URL]');
  });
});
