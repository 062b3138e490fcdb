import { ProxyError, TransportNetworkError, TruncatedStreamError } from '@acpt/config';
import {
  createMockCerebrasServer,
  type MockCerebrasServer,
  type RunningTinyproxy,
  startTinyproxy,
} from '@acpt/transport-mock';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { expectNoSecret, rejectionOf } from '../__fixtures__/assert-no-secret.ts';
import { type TestConfigOverrides, testConfig } from '../__fixtures__/test-config.ts';
import { createTestCertificates, type TestCertificates } from '../__fixtures__/tls-fixture.ts';
import { type CerebrasTransport, createCerebrasTransport } from '../create-cerebras-transport.ts';

const PROXY_PASSWORD = 'pr0xy-s3cret-9f1c';
let certificates: TestCertificates;
let mock: MockCerebrasServer | undefined;
let proxy: RunningTinyproxy | undefined;
let transport: CerebrasTransport | undefined;

beforeAll(() => {
  certificates = createTestCertificates();
});
afterAll(() => certificates.remove());
afterEach(async () => {
  await transport?.close();
  await proxy?.stop();
  await mock?.close();
  transport = proxy = mock = undefined;
});

const hello = { messages: [{ role: 'user' as const, content: 'Hi' }] };

async function startTls(options: { tokensPerSecond?: number } = {}): Promise<MockCerebrasServer> {
  mock = await createMockCerebrasServer({
    tls: { key: certificates.key, cert: certificates.cert },
    ...(options.tokensPerSecond === undefined
      ? {}
      : { latency: { kind: 'fixed', ms: 0, tokensPerSecond: options.tokensPerSecond } }),
  });
  return mock;
}

function through(
  server: MockCerebrasServer,
  overrides: TestConfigOverrides,
  env: Record<string, string> = {},
): CerebrasTransport {
  const config = testConfig({ baseUrl: server.url, tls: { caFile: certificates.caFile }, ...overrides });
  transport = createCerebrasTransport({ config, env });
  return transport;
}

const tunnelTo = (server: MockCerebrasServer) => `CONNECT 127.0.0.1:${server.port} HTTP/1.1`;

describe('egress proxy (Debian tinyproxy on loopback) in front of the TLS mock server', () => {
  it('tunnels whole and streamed replies through connection.proxy, TLS verified end to end', async () => {
    const server = await startTls();
    proxy = await startTinyproxy();
    const live = through(server, { connection: { proxy: proxy.url } });
    expect(live.proxy).toEqual({ display: proxy.url, reason: 'connection.proxy' });
    const response = await live.complete(hello);
    expect(response.text).toMatch(/^Mock reply to "Hi"/);
    let text = '';
    for await (const event of live.stream(hello)) if (event.type === 'text-delta') text += event.text;
    expect(text).toBe(response.text);
    expect(await live.probe()).toBeGreaterThanOrEqual(0);
    expect(proxy.log()).toContain(tunnelTo(server));
  });

  it('tunnels a plain-http loopback endpoint too, so the proxy never sees the request or its key', async () => {
    mock = await createMockCerebrasServer();
    proxy = await startTinyproxy();
    const live = through(mock, { connection: { proxy: proxy.url }, tls: {} });
    const replies = await Promise.all(Array.from({ length: 8 }, () => live.complete(hello)));
    expect(replies).toHaveLength(8);
    expect(proxy.log()).toContain(tunnelTo(mock));
    expect(proxy.log()).not.toContain('/v1/chat/completions');
  });

  it('follows HTTPS_PROXY by default and goes direct when NO_PROXY exempts the endpoint', async () => {
    const server = await startTls();
    proxy = await startTinyproxy();
    const viaEnv = through(server, {}, { HTTPS_PROXY: proxy.url });
    expect(viaEnv.proxy.reason).toBe('env HTTPS_PROXY');
    await viaEnv.complete(hello);
    expect(proxy.log()).toContain(tunnelTo(server));
    await viaEnv.close();
    const before = proxy.log().split(tunnelTo(server)).length;
    const exempt = through(server, {}, { https_proxy: proxy.url, NO_PROXY: 'localhost,127.0.0.1' });
    expect(exempt.proxy).toEqual({ display: 'direct', reason: 'NO_PROXY exempts 127.0.0.1' });
    await exempt.complete(hello);
    expect(proxy.log().split(tunnelTo(server)).length).toBe(before);
  });

  it('still refuses a certificate from a CA it does not trust, through the tunnel', async () => {
    const server = await startTls();
    proxy = await startTinyproxy();
    transport = createCerebrasTransport({
      config: testConfig({ baseUrl: server.url, connection: { proxy: proxy.url } }),
      env: {},
    });
    const live = transport;
    const error = await rejectionOf(() => live.complete(hello));
    expect(TransportNetworkError.isInstance(error)).toBe(true);
    expect(error).toMatchObject({ retryable: false });
    expect((error as Error).message).toContain('TLS certificate verification failed');
    expect(proxy.log()).toContain(tunnelTo(server));
  });

  it('reports a proxy that refuses the connection as ProxyError refused', async () => {
    const server = await startTls();
    // Port 1 (tcpmux) has no listener: a stopped proxy's port could be taken by another test's server meanwhile.
    const url = 'http://127.0.0.1:1';
    const live = through(server, { connection: { proxy: url } });
    const error = await rejectionOf(() => live.complete(hello));
    expect(ProxyError.isInstance(error)).toBe(true);
    expect(error).toMatchObject({ code: 'ACPT_PROXY', problem: 'refused', retryable: true, proxy: url });
    expect(await rejectionOf(() => live.probe())).toMatchObject({ code: 'ACPT_PROXY', problem: 'refused' });
  });

  it('reports a proxy that cannot reach the endpoint as ProxyError tunnel-refused with its status', async () => {
    const server = await startTls();
    proxy = await startTinyproxy();
    const live = through(server, { connection: { proxy: proxy.url } });
    await server.close();
    const error = await rejectionOf(() => live.complete(hello));
    expect(ProxyError.isInstance(error)).toBe(true);
    expect(error).toMatchObject({ problem: 'tunnel-refused', proxyStatus: 500, retryable: true });
  });

  it('reports a proxy that asks for credentials as ProxyError auth-required, and passes with them', async () => {
    const server = await startTls();
    proxy = await startTinyproxy({ basicAuth: `acpt ${PROXY_PASSWORD}` });
    const anonymous = through(server, { connection: { proxy: proxy.url } });
    const error = await rejectionOf(() => anonymous.complete(hello));
    expect(ProxyError.isInstance(error)).toBe(true);
    expect(error).toMatchObject({ problem: 'auth-required', proxyStatus: 407, retryable: false });
    await anonymous.close();
    const withCredentials = `http://acpt:${PROXY_PASSWORD}@127.0.0.1:${proxy.port}`;
    const wrong = through(server, { connection: { proxy: withCredentials.replace(PROXY_PASSWORD, 'wrong') } });
    const refused = await rejectionOf(() => wrong.complete(hello));
    expect(refused).toMatchObject({ problem: 'auth-required', proxyStatus: 401 });
    await wrong.close();
    const authenticated = through(server, { connection: { proxy: withCredentials } });
    expect(authenticated.proxy.display).toBe(`http://acpt:[redacted]@127.0.0.1:${proxy.port}`);
    expect((await authenticated.complete(hello)).text).toMatch(/^Mock reply/);
    expectNoSecret([error, refused, authenticated.proxy], [PROXY_PASSWORD]);
    expect(proxy.log()).not.toContain(PROXY_PASSWORD);
  });

  it('reports a proxy that dies mid-stream as a TruncatedStreamError after the delivered content', async () => {
    const server = await startTls({ tokensPerSecond: 40 });
    proxy = await startTinyproxy();
    const running = proxy;
    const live = through(server, { connection: { proxy: running.url } });
    let deltas = 0;
    const error = await rejectionOf(async () => {
      for await (const event of live.stream({ ...hello, maxCompletionTokens: 200 })) {
        if (event.type !== 'text-delta') continue;
        deltas += 1;
        if (deltas === 1) await running.stop(true);
      }
    });
    expect(TruncatedStreamError.isInstance(error)).toBe(true);
    expect(error).toMatchObject({ deliveredContent: true });
    expect(deltas).toBeGreaterThanOrEqual(1);
  });
});
