import { AcptConfigError, Secret } from '@acpt/config';
import { describe, expect, it } from 'vitest';
import { expectNoSecret } from '../__fixtures__/assert-no-secret.ts';
import { TEST_KEY, testConfig } from '../__fixtures__/test-config.ts';
import { isLoopbackHost } from './is-loopback-host.ts';
import { resolveTransportSettings } from './resolve-transport-settings.ts';

function configError(action: () => unknown): AcptConfigError {
  try {
    action();
  } catch (error) {
    if (AcptConfigError.isInstance(error)) return error;
    throw error;
  }
  throw new Error('expected an AcptConfigError');
}

describe('resolveTransportSettings', () => {
  it('derives origin, address, port and the prebuilt headers', () => {
    const settings = resolveTransportSettings(testConfig({ baseUrl: 'https://api.cerebras.ai', apiVersionPatch: 2 }));
    expect(settings).toMatchObject({
      origin: 'https://api.cerebras.ai',
      basePath: '',
      serverAddress: 'api.cerebras.ai',
      serverPort: 443,
    });
    expect(settings.jsonHeaders).toMatchObject({
      authorization: `Bearer ${TEST_KEY}`,
      'x-cerebras-version-patch': '2',
      'content-type': 'application/json',
    });
    expect(settings.streamHeaders.accept).toBe('text/event-stream');
    expect(settings.warmHeaders).not.toHaveProperty('authorization');
  });

  it('gives IPv6 loopback addresses without brackets and keeps explicit ports', () => {
    expect(resolveTransportSettings(testConfig({ baseUrl: 'http://[::1]:8080' }))).toMatchObject({
      serverAddress: '::1',
      serverPort: 8080,
    });
  });

  it('refuses plain http:// to a host that is not loopback', () => {
    const error = configError(() => resolveTransportSettings(testConfig({ baseUrl: 'http://api.cerebras.ai' })));
    expect(error.issues[0]).toMatchObject({ path: 'baseUrl' });
    expect(error.message).toContain('use https://');
  });

  it('refuses a URL with credentials, another scheme, or no URL at all', () => {
    for (const baseUrl of ['https://user:pw@api.cerebras.ai', 'ftp://api.cerebras.ai', 'not a url']) {
      const error = configError(() => resolveTransportSettings(testConfig({ baseUrl })));
      expect(error.issues[0]?.path).toBe('baseUrl');
      expect(error.message).not.toContain('pw@');
    }
  });

  it('refuses a missing or blank key with a configuration error that names the fix and no secret', () => {
    const missing = configError(() => resolveTransportSettings(testConfig({ apiKey: undefined })));
    expect(missing.issues.map((issue) => issue.path)).toEqual(['apiKey']);
    expect(missing.message).toContain('CEREBRAS_API_KEY');
    const blank = configError(() => resolveTransportSettings(testConfig({ apiKey: new Secret('  ') })));
    expect(blank.issues[0]?.received).toBe('[redacted]');
  });

  it('lists every problem at once and never the key', () => {
    const error = configError(() =>
      resolveTransportSettings({
        ...testConfig({ baseUrl: 'http://example.com', tls: { caFile: '/missing.pem' } }),
        apiKey: new Secret(TEST_KEY),
      }),
    );
    expect(error.issues.map((issue) => issue.path)).toEqual(['baseUrl', 'tls.caFile']);
    expectNoSecret(error);
  });
});

describe('isLoopbackHost', () => {
  it.each([
    ['localhost', true],
    ['api.localhost', true],
    ['127.0.0.1', true],
    ['127.12.0.9', true],
    ['[::1]', true],
    ['::1', true],
    ['::ffff:127.0.0.1', true],
    ['10.0.0.1', false],
    ['api.cerebras.ai', false],
    ['localhost.evil.com', false],
    ['[::2]', false],
  ])('%s → %s', (host, expected) => {
    expect(isLoopbackHost(host)).toBe(expected);
  });
});
