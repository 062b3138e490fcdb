import { once } from 'node:events';
import { createSecureServer, type Http2SecureServer } from 'node:http2';
import type { AddressInfo } from 'node:net';
import { AcptConfigError, TransportNetworkError } from '@acpt/config';
import { createMockCerebrasServer, type MockCerebrasServer } from '@acpt/transport-mock';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { expectNoSecret, rejectionOf } from './__fixtures__/assert-no-secret.ts';
import { testConfig } from './__fixtures__/test-config.ts';
import { createTestCertificates, type TestCertificates } from './__fixtures__/tls-fixture.ts';
import { chunkEvent, completionBody } from './__fixtures__/wire-fixtures.ts';
import { type CerebrasTransport, createCerebrasTransport } from './create-cerebras-transport.ts';

let certificates: TestCertificates;
let mock: MockCerebrasServer | undefined;
let h2: Http2SecureServer | undefined;
let transport: CerebrasTransport | undefined;

beforeAll(() => {
  certificates = createTestCertificates();
});
afterAll(() => certificates.remove());
afterEach(async () => {
  await transport?.close();
  await mock?.close();
  if (h2) {
    const server = h2;
    await new Promise<void>((resolve) => server.close(() => resolve()));
  }
  transport = undefined;
  mock = undefined;
  h2 = undefined;
});

const hello = { messages: [{ role: 'user' as const, content: 'Hi' }] };

describe('HTTPS with a certificate generated in the test', () => {
  it('rejects the server certificate without tls.caFile: a non-retryable TLS TransportNetworkError', async () => {
    mock = await createMockCerebrasServer({ tls: { key: certificates.key, cert: certificates.cert } });
    transport = createCerebrasTransport({ config: testConfig({ baseUrl: mock.url }) });
    const live = transport;
    const error = await rejectionOf(() => live.complete(hello));
    expect(TransportNetworkError.isInstance(error)).toBe(true);
    expect(error).toMatchObject({ retryable: false });
    expect((error as TransportNetworkError).undiciCode).toMatch(/CERT|SIGNATURE|ISSUER/);
    expect((error as Error).message).toContain('tls.caFile');
    expectNoSecret(error);
  });

  it('accepts it with tls.caFile, for whole and streamed replies', async () => {
    mock = await createMockCerebrasServer({ tls: { key: certificates.key, cert: certificates.cert } });
    transport = createCerebrasTransport({
      config: testConfig({ baseUrl: mock.url, tls: { caFile: certificates.caFile } }),
    });
    const response = await transport.complete(hello);
    expect(response.text).toMatch(/^Mock reply to "Hi"/);
    let text = '';
    for await (const event of transport.stream(hello)) if (event.type === 'text-delta') text += event.text;
    expect(text).toBe(response.text);
  });

  it('refuses an unreadable or non-PEM CA file at creation', () => {
    expect(() => createCerebrasTransport({ config: testConfig({ tls: { caFile: '/nonexistent/ca.pem' } }) })).toThrow(
      AcptConfigError,
    );
    expect(() =>
      createCerebrasTransport({ config: testConfig({ tls: { caFile: `${certificates.dir}/server.ext` } }) }),
    ).toThrow(/no PEM certificate/);
  });
});

describe('HTTP/2', () => {
  async function startH2(): Promise<{ url: string; versions: string[] }> {
    const versions: string[] = [];
    const server = createSecureServer({ key: certificates.key, cert: certificates.cert, allowHTTP1: true });
    server.on('request', (request, response) => {
      versions.push(request.httpVersion);
      request.resume();
      request.on('end', () => {
        response.writeHead(200, { 'content-type': 'application/json', 'x-ratelimit-remaining-requests-day': '9' });
        response.end(completionBody({ content: 'over h2' }));
      });
    });
    server.listen(0, '127.0.0.1');
    await once(server, 'listening');
    h2 = server;
    return { url: `https://127.0.0.1:${(server.address() as AddressInfo).port}`, versions };
  }

  it('negotiates h2 through ALPN when connection.http2 is set', async () => {
    const { url, versions } = await startH2();
    transport = createCerebrasTransport({
      config: testConfig({ baseUrl: url, tls: { caFile: certificates.caFile }, connection: { http2: true } }),
    });
    const responses = await Promise.all([transport.complete(hello), transport.complete(hello)]);
    expect(responses.map((response) => response.text)).toEqual(['over h2', 'over h2']);
    expect(responses[0]?.rateLimit?.requests.day?.remaining).toBe(9);
    expect(versions).toEqual(['2.0', '2.0']);
  });

  it('streams over h2, and an abort resets only that stream', async () => {
    const versions: string[] = [];
    const server = createSecureServer({ key: certificates.key, cert: certificates.cert });
    server.on('request', (request, response) => {
      versions.push(request.httpVersion);
      request.resume();
      request.on('end', () => {
        response.writeHead(200, { 'content-type': 'text/event-stream' });
        response.write(chunkEvent({ delta: { content: 'h2 ' } }));
        response.end(chunkEvent({ delta: { content: 'stream' }, finish_reason: 'stop' }));
      });
    });
    server.listen(0, '127.0.0.1');
    await once(server, 'listening');
    h2 = server;
    const url = `https://127.0.0.1:${(server.address() as AddressInfo).port}`;
    transport = createCerebrasTransport({
      config: testConfig({ baseUrl: url, tls: { caFile: certificates.caFile }, connection: { http2: true } }),
    });
    let text = '';
    for await (const event of transport.stream(hello)) if (event.type === 'text-delta') text += event.text;
    expect(text).toBe('h2 stream');
    const reason = new Error('stop');
    const controller = new AbortController();
    const aborted = rejectionOf(async () => {
      for await (const _event of transport?.stream(hello, { signal: controller.signal }) ?? [])
        controller.abort(reason);
    });
    expect(await aborted).toBe(reason);
    expect(versions.every((version) => version === '2.0')).toBe(true);
  });

  it('stays on HTTP/1.1 when connection.http2 is off', async () => {
    const { url, versions } = await startH2();
    transport = createCerebrasTransport({ config: testConfig({ baseUrl: url, tls: { caFile: certificates.caFile } }) });
    await transport.complete(hello);
    expect(versions).toEqual(['1.1']);
  });
});
