import { afterEach, describe, expect, it } from 'vitest';
import { type FixtureServer, pause, startFixtureServer } from './__fixtures__/fixture-server.ts';
import { testConfig } from './__fixtures__/test-config.ts';
import { completionBody } from './__fixtures__/wire-fixtures.ts';
import { type CerebrasTransport, createCerebrasTransport } from './create-cerebras-transport.ts';
import { USER_AGENT } from './settings/resolve-transport-settings.ts';

let server: FixtureServer | undefined;
let transport: CerebrasTransport | undefined;

afterEach(async () => {
  await transport?.close();
  await server?.close();
  transport = undefined;
  server = undefined;
});

const hello = { messages: [{ role: 'user' as const, content: 'Hi' }] };

async function until(condition: () => boolean): Promise<void> {
  while (!condition()) await pause(2);
}

describe('connection management', () => {
  it('warm() sends GET /v1/tcp_warming without the key, and the next request reuses its socket', async () => {
    server = await startFixtureServer((request, response) => {
      response.writeHead(200, { 'content-type': 'application/json' });
      response.end(request.url === '/v1/tcp_warming' ? '' : completionBody({ content: 'ok' }));
    });
    const fixture = server;
    transport = createCerebrasTransport({ config: testConfig({ baseUrl: fixture.url }) });
    transport.warm();
    await until(() => fixture.requests.length === 1);
    expect(fixture.requests[0]).toMatchObject({ method: 'GET', url: '/v1/tcp_warming' });
    expect(fixture.requests[0]?.headers.authorization).toBeUndefined();
    expect(fixture.requests[0]?.headers['user-agent']).toBe(USER_AGENT);
    await pause(5);
    await transport.complete(hello);
    expect(fixture.connections).toBe(1);
  });

  it('warm() gives up silently on a server that never answers', async () => {
    server = await startFixtureServer(() => {});
    const fixture = server;
    transport = createCerebrasTransport({ config: testConfig({ baseUrl: fixture.url }) });
    expect(() => transport?.warm()).not.toThrow();
    await fixture.socketsClosed(1);
  });

  it('close() ends every socket of the pool, and warm() after close() sends nothing', async () => {
    server = await startFixtureServer((_request, response) => {
      response.writeHead(200, { 'content-type': 'application/json' });
      response.end(completionBody({ content: 'ok' }));
    });
    const fixture = server;
    transport = createCerebrasTransport({ config: testConfig({ baseUrl: fixture.url }) });
    await Promise.all([transport.complete(hello), transport.complete(hello), transport.complete(hello)]);
    const opened = fixture.connections;
    expect(opened).toBeGreaterThanOrEqual(1);
    await transport.close();
    await fixture.socketsClosed(opened);
    transport.warm();
    await pause(20);
    expect(fixture.requests).toHaveLength(3);
  });

  it('keeps a base path and drops a trailing /v1 from the base URL', async () => {
    server = await startFixtureServer((_request, response) => {
      response.writeHead(200, { 'content-type': 'application/json' });
      response.end(completionBody({ content: 'ok' }));
    });
    transport = createCerebrasTransport({ config: testConfig({ baseUrl: `${server.url}/proxy/v1/` }) });
    await transport.complete(hello);
    expect(server.requests[0]?.url).toBe('/proxy/v1/chat/completions');
  });
});
