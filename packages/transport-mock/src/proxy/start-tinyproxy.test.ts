import { request } from 'node:http';
import { afterEach, describe, expect, it } from 'vitest';
import { createMockCerebrasServer, type MockCerebrasServer } from '../server/create-mock-cerebras-server.ts';
import { type RunningTinyproxy, startTinyproxy } from './start-tinyproxy.ts';

let proxy: RunningTinyproxy | undefined;
let server: MockCerebrasServer | undefined;
afterEach(async () => {
  await proxy?.stop();
  await server?.close();
  proxy = server = undefined;
});

/** A plain-http GET through the proxy (absolute-form request target), resolving with the status. */
function getThrough(proxyPort: number, url: string, headers: Record<string, string> = {}): Promise<number> {
  return new Promise((resolve, reject) => {
    const outgoing = request({ host: '127.0.0.1', port: proxyPort, path: url, headers }, (response) => {
      response.resume();
      resolve(response.statusCode ?? 0);
    });
    outgoing.on('error', reject);
    outgoing.end();
  });
}

describe('startTinyproxy', () => {
  it('forwards to the mock server and logs each request; stop() removes it', async () => {
    server = await createMockCerebrasServer();
    proxy = await startTinyproxy();
    expect(await getThrough(proxy.port, `${server.url}/v1/tcp_warming`)).toBe(200);
    expect(proxy.log()).toContain(`GET ${server.url}/v1/tcp_warming`);
    const port = proxy.port;
    await proxy.stop();
    await expect(getThrough(port, `${server.url}/v1/tcp_warming`)).rejects.toMatchObject({ code: 'ECONNREFUSED' });
  });

  it('asks for credentials with BasicAuth and lets the right ones through', async () => {
    server = await createMockCerebrasServer();
    proxy = await startTinyproxy({ basicAuth: 'user secret-pass' });
    expect(await getThrough(proxy.port, `${server.url}/v1/tcp_warming`)).toBe(407);
    const token = Buffer.from('user:secret-pass').toString('base64');
    const status = await getThrough(proxy.port, `${server.url}/v1/tcp_warming`, {
      'proxy-authorization': `Basic ${token}`,
    });
    expect(status).toBe(200);
  });
});
