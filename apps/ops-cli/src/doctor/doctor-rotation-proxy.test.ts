import { chmod, readFile, rm, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import {
  createMockCerebrasServer,
  type MockCerebrasServer,
  type RunningTinyproxy,
  startTinyproxy,
} from '@acpt/transport-mock';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { closedLoopbackPort, makeSelfSignedCertificate } from '../testing/test-servers.ts';
import type { CheckId, CheckRow } from './check-row.ts';
import { runDoctor } from './run-doctor.ts';

const key = 'sk-doctor-proxy-2b7e9d4c1a';
const rowOf = (rows: readonly CheckRow[], id: CheckId): CheckRow => rows.find((entry) => entry.id === id) as CheckRow;
const statuses = (rows: readonly CheckRow[], ids: readonly CheckId[]) =>
  ids.map((id) => rows.find((entry) => entry.id === id)?.status);

describe('doctor rows for key rotation and the egress proxy (tinyproxy, self-signed HTTPS mock server)', () => {
  let certificate: Awaited<ReturnType<typeof makeSelfSignedCertificate>>;
  let server: MockCerebrasServer;
  let proxy: RunningTinyproxy;
  let env: Record<string, string>;

  beforeAll(async () => {
    certificate = await makeSelfSignedCertificate();
    server = await createMockCerebrasServer({
      apiKey: key,
      tls: { key: await readFile(certificate.keyFile), cert: await readFile(certificate.certFile) },
    });
    proxy = await startTinyproxy({ basicAuth: 'doctor pr0xy-pa55' });
    env = {
      CEREBRAS_API_KEY: key,
      CEREBRAS_BASE_URL: server.url,
      ACPT_TLS_CA_FILE: certificate.certFile,
      OTEL_SDK_DISABLED: 'true',
    };
  });

  afterAll(async () => {
    await proxy.stop();
    await server.close();
    await certificate.remove();
  });

  const doctor = (overrides: Record<string, string | undefined>) =>
    runDoctor({ env: { ...env, ...overrides }, samples: 1, timeoutMs: 3_000 });

  it('shows the proxy in use and reaches the endpoint through it; the direct checks are skipped', async () => {
    const through = `http://doctor:pr0xy-pa55@127.0.0.1:${proxy.port}`;
    const rows = await doctor({ HTTPS_PROXY: through });
    expect(rowOf(rows, 'proxy')).toMatchObject({
      status: 'pass',
      detail: expect.stringMatching(
        /^http:\/\/doctor:\[redacted\]@127\.0\.0\.1:\d+ \(env HTTPS_PROXY\); endpoint reachable through it \(CONNECT tunnel, TLS verified end to end\): GET \/v1\/tcp_warming in \d+ ms \(measured\)$/,
      ),
    });
    expect(statuses(rows, ['dns', 'tcp', 'tls'])).toEqual(['skip', 'skip', 'skip']);
    expect(rowOf(rows, 'tcp').detail).toContain('calls go through the proxy');
    expect(statuses(rows, ['authentication', 'model', 'latency'])).toEqual(['pass', 'pass', 'pass']);
    expect(proxy.log()).toContain(`CONNECT 127.0.0.1:${server.port}`);
    expect(JSON.stringify(rows)).not.toContain('pr0xy-pa55');
    expect(JSON.stringify(rows)).not.toContain(key);
  });

  it('fails the proxy row with a fix when the proxy asks for credentials or refuses the connection', async () => {
    const anonymous = await doctor({ HTTPS_PROXY: proxy.url });
    expect(rowOf(anonymous, 'proxy')).toMatchObject({
      status: 'fail',
      fix: expect.stringContaining('http://user:password@proxy:3128'),
    });
    expect(statuses(anonymous, ['authentication', 'model'])).toEqual(['skip', 'skip']);
    const closed = await doctor({ ACPT_PROXY: `http://127.0.0.1:${await closedLoopbackPort()}` });
    expect(rowOf(closed, 'proxy')).toMatchObject({
      status: 'fail',
      detail: expect.stringContaining('(connection.proxy)'),
      fix: expect.stringContaining('proxy is running'),
    });
  });

  it('says no proxy is used when NO_PROXY exempts the endpoint, and checks directly', async () => {
    const rows = await doctor({ HTTPS_PROXY: proxy.url, NO_PROXY: '127.0.0.1' });
    expect(rowOf(rows, 'proxy')).toMatchObject({
      status: 'pass',
      detail: 'none: direct connection (NO_PROXY exempts 127.0.0.1)',
    });
    expect(statuses(rows, ['tcp', 'tls', 'authentication'])).toEqual(['pass', 'pass', 'pass']);
  });

  it('shows a watched key file and when it was read, or a fixed key that needs a restart', async () => {
    const keyFile = join(certificate.directory, 'api-key');
    await writeFile(keyFile, key);
    await chmod(keyFile, 0o600);
    try {
      const rows = await doctor({ CEREBRAS_API_KEY: undefined, CEREBRAS_API_KEY_FILE: keyFile });
      expect(rowOf(rows, 'key-rotation')).toMatchObject({
        status: 'pass',
        detail: expect.stringMatching(
          new RegExp(`^file ${keyFile} is watched .*; last read \\d{4}-\\d\\d-\\d\\dT[\\d:.]+Z; key not shown$`),
        ),
      });
      const fixed = await doctor({});
      expect(rowOf(fixed, 'key-rotation').detail).toMatch(
        /^env CEREBRAS_API_KEY: a fixed key \(rotating it needs a restart/,
      );
    } finally {
      await rm(keyFile, { force: true });
    }
  });
});
