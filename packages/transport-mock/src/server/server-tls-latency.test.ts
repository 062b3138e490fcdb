import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { Agent as HttpsAgent } from 'node:https';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Cerebras from '@cerebras/cerebras_cloud_sdk';
import { afterAll, describe, expect, it } from 'vitest';
import { chatBody, send, sseData, testAgent } from '../__fixtures__/wire-client.ts';
import { createMockCerebrasServer } from './create-mock-cerebras-server.ts';

const directory = mkdtempSync(join(tmpdir(), 'acpt-tls-'));
afterAll(() => rmSync(directory, { recursive: true, force: true }));

function selfSignedCertificate(): { key: string; cert: string } {
  const keyPath = join(directory, 'key.pem');
  const certPath = join(directory, 'cert.pem');
  execFileSync(
    'openssl',
    [
      'req',
      '-x509',
      '-newkey',
      'ec',
      '-pkeyopt',
      'ec_paramgen_curve:prime256v1',
      '-nodes',
      '-days',
      '1',
      '-subj',
      '/CN=127.0.0.1',
      '-addext',
      'subjectAltName=IP:127.0.0.1',
      '-keyout',
      keyPath,
      '-out',
      certPath,
    ],
    { stdio: 'ignore' },
  );
  return { key: readFileSync(keyPath, 'utf8'), cert: readFileSync(certPath, 'utf8') };
}

describe('mock server over TLS', () => {
  it('serves HTTPS with the given certificate to undici and to the official SDK', async () => {
    const tls = selfSignedCertificate();
    const server = await createMockCerebrasServer({ tls, apiKey: 'tls-key' });
    try {
      expect(server.url).toMatch(/^https:\/\/127\.0\.0\.1:\d+$/);
      const agent = testAgent({ ca: tls.cert });
      const response = await send(`${server.url}/v1/chat/completions`, {
        body: chatBody(),
        headers: { authorization: 'Bearer tls-key' },
        dispatcher: agent,
      });
      expect(response.status).toBe(200);
      await agent.close();
      const untrusted = await send(`${server.url}/v1/models`).catch((error: unknown) => error);
      expect((untrusted as { code?: string }).code).toMatch(/SELF_SIGNED|UNABLE_TO_VERIFY|DEPTH_ZERO/);
      const sdk = new Cerebras({
        apiKey: 'tls-key',
        baseURL: server.url,
        maxRetries: 0,
        httpAgent: new HttpsAgent({ ca: tls.cert }),
      });
      const models = await sdk.models.list();
      expect(models.data).toHaveLength(2);
    } finally {
      await server.close();
    }
  });
});

describe('mock server latency', () => {
  it('paces a stream without changing its content', async () => {
    const latency = { kind: 'fixed', ms: 5, timeToFirstTokenMs: 5, tokensPerSecond: 20_000 } as const;
    const paced = await createMockCerebrasServer({ latency, streamChunkTokens: 2 });
    const instant = await createMockCerebrasServer({ streamChunkTokens: 2 });
    try {
      const content = async (url: string): Promise<unknown[]> =>
        sseData((await send(`${url}/v1/chat/completions`, { body: chatBody({ stream: true }) })).body).map((data) => {
          const { time_info: _timing, ...rest } = JSON.parse(data);
          return rest;
        });
      expect(await content(paced.url)).toEqual(await content(instant.url));
      const whole = JSON.parse((await send(`${paced.url}/v1/chat/completions`, { body: chatBody() })).body);
      expect(whole.time_info.prompt_time).toBe(0.005);
    } finally {
      await Promise.all([paced.close(), instant.close()]);
    }
  });

  it('closes promptly while a request hangs', async () => {
    const server = await createMockCerebrasServer({ faults: [{ kind: 'headers-timeout', delayMs: 600_000 }] });
    const pending = send(`${server.url}/v1/chat/completions`, { body: chatBody(), dispatcher: testAgent() }).catch(
      (error: unknown) => error,
    );
    while (server.requestCount === 0) await new Promise((resolve) => setImmediate(resolve));
    await server.close();
    expect(await pending).toBeInstanceOf(Error);
  });
});
