import { ApiKeyError, ProxyError } from '@acpt/config';
import { describe, expect, it } from 'vitest';
import { fromRecordedError, toRecordedError } from './recorded-error.ts';

describe('recorded proxy and key errors', () => {
  it('round-trip through a cassette record as the same typed errors, with the redacted proxy URL only', () => {
    const proxy = new ProxyError('auth-required', 'the proxy http://u:[redacted]@p:3128 asked for credentials (407)', {
      proxy: 'http://u:[redacted]@p:3128',
      proxyStatus: 407,
    });
    const recorded = toRecordedError(proxy);
    expect(JSON.parse(JSON.stringify(recorded))).toEqual(recorded);
    const replayed = fromRecordedError(recorded, 0);
    expect(ProxyError.isInstance(replayed)).toBe(true);
    expect(replayed).toMatchObject({ problem: 'auth-required', proxyStatus: 407, retryable: false });

    const key = new ApiKeyError('provider-timeout', 'provider vault gave no key within 5000 ms', {
      source: 'provider vault',
    });
    const again = fromRecordedError(toRecordedError(key), 0);
    expect(ApiKeyError.isInstance(again)).toBe(true);
    expect(again).toMatchObject({ problem: 'provider-timeout', source: 'provider vault', retryable: true });
  });
});
