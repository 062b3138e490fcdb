import { chmod, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createMockCerebrasServer, type MockCerebrasServer } from '@acpt/transport-mock';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { closedLoopbackPort, makeSelfSignedCertificate, startOtlpReceiver } from '../testing/test-servers.ts';
import type { CheckId, CheckRow } from './check-row.ts';
import { runDoctor } from './run-doctor.ts';

const key = 'sk-doctor-test-7f3a9c1e5b';
const statusOf = (rows: readonly CheckRow[], id: CheckId): string | undefined =>
  rows.find((entry) => entry.id === id)?.status;
const rowOf = (rows: readonly CheckRow[], id: CheckId): CheckRow => rows.find((entry) => entry.id === id) as CheckRow;

describe('runDoctor against the mock Cerebras server', () => {
  let server: MockCerebrasServer;
  let receiver: Awaited<ReturnType<typeof startOtlpReceiver>>;
  let directory: string;
  let env: Record<string, string>;

  beforeAll(async () => {
    server = await createMockCerebrasServer({
      apiKey: key,
      rateLimits: { requestsPerDay: 14_400, tokensPerMinute: 60_000 },
    });
    receiver = await startOtlpReceiver();
    directory = await mkdtemp(join(tmpdir(), 'acpt-doctor-'));
    env = { CEREBRAS_API_KEY: key, CEREBRAS_BASE_URL: server.url, OTEL_EXPORTER_OTLP_ENDPOINT: receiver.url };
  });

  afterAll(async () => {
    await server.close();
    await receiver.close();
    await rm(directory, { recursive: true, force: true });
  });

  const doctor = (overrides: Record<string, string | undefined>, options: { model?: string } = {}) =>
    runDoctor({ env: { ...env, ...overrides }, samples: 2, timeoutMs: 3_000, ...options });

  it('passes every row (TLS skipped on http://loopback) and never prints the key', async () => {
    const rows = await doctor({});
    expect(rows.map((entry) => [entry.id, entry.status])).toEqual([
      ['config', 'pass'],
      ['key-source', 'pass'],
      ['key-rotation', 'pass'],
      ['proxy', 'pass'],
      ['dns', 'pass'],
      ['tcp', 'pass'],
      ['tls', 'skip'],
      ['authentication', 'pass'],
      ['model', 'pass'],
      ['latency', 'pass'],
      ['rate-limit', 'pass'],
      ['pricing', 'pass'],
      ['spend', 'pass'],
      ['telemetry', 'pass'],
    ]);
    expect(rowOf(rows, 'pricing').detail).toBe(
      'gpt-oss-120b: $0.35 input, $0.35 cached input, $0.75 output per million tokens (served catalogue)',
    );
    // The application runs in mock mode by default: nothing is billed, no limit is needed yet.
    expect(rowOf(rows, 'spend').detail).toBe('mock mode: nothing is billed (set spend.maxUsd before going live)');
    expect(rowOf(rows, 'key-source').detail).toMatch(/^env CEREBRAS_API_KEY; key not shown/);
    expect(rowOf(rows, 'rate-limit').detail).toMatch(/requests\/day 14\d\d\d\/14400 left/);
    expect(JSON.stringify(rows)).not.toContain(key);
  });

  it('fails the authentication row with a wrong key, skips what depends on it, and never prints either key', async () => {
    const rows = await doctor({ CEREBRAS_API_KEY: 'sk-wrong-key-0000' });
    expect(rowOf(rows, 'authentication')).toMatchObject({
      status: 'fail',
      detail: 'key refused: HTTP 401 wrong_api_key',
    });
    expect(rowOf(rows, 'authentication').fix).toMatch(/new key/);
    expect(['model', 'latency', 'rate-limit'].map((id) => statusOf(rows, id as CheckId))).toEqual([
      'skip',
      'skip',
      'skip',
    ]);
    expect(JSON.stringify(rows)).not.toContain('sk-wrong-key-0000');
    expect(JSON.stringify(rows)).not.toContain(key);
  });

  it('fails the model row for the retired qwen-3-32b, naming the available models', async () => {
    const rows = await doctor({}, { model: 'qwen-3-32b' });
    const model = rowOf(rows, 'model');
    expect(model.status).toBe('fail');
    expect(model.detail).toBe(
      'qwen-3-32b is not served by this endpoint (retired or misspelt); available: gpt-oss-120b, qwen-3.8-27b',
    );
    expect(model.fix).toBe('Set CEREBRAS_MODEL (or "model" in the config file) to one of: gpt-oss-120b, qwen-3.8-27b.');
    expect(statusOf(rows, 'latency')).toBe('skip');
  });

  it('passes the spend row with a limit, and names a configured price as such', async () => {
    const rows = await doctor({
      ACPT_SPEND_MAX_USD: '25',
      ACPT_SPEND_MAX_USD_PER_HOUR: '5',
      ACPT_PRICING:
        '{"gpt-oss-120b":{"inputUsdPerMillion":0.3,"outputUsdPerMillion":0.7,"effectiveFrom":"2026-12-01"}}',
    });
    expect(rowOf(rows, 'spend')).toMatchObject({
      status: 'pass',
      detail: 'spend.maxUsd $25, spend.maxUsdPerHour $5; refused requests fall back or fail',
    });
    expect(rowOf(rows, 'pricing').detail).toBe(
      'gpt-oss-120b: $0.3 input, $0.3 cached input, $0.7 output per million tokens (configuration)',
    );
  });

  it('warns when the application runs live without a spend limit', async () => {
    const rows = await doctor({ ACPT_MOCK_MODE: 'false' });
    expect(rowOf(rows, 'spend')).toMatchObject({
      status: 'warn',
      detail: 'no spend limit is set for live mode: nothing stops a runaway bill',
      fix: expect.stringContaining('ACPT_SPEND_MAX_USD'),
    });
  });

  it('warns on a model nothing prices', async () => {
    const rows = await doctor({}, { model: 'qwen-3.8-27b' });
    expect(rowOf(rows, 'pricing')).toMatchObject({
      status: 'warn',
      detail: expect.stringContaining('qwen-3.8-27b has no price'),
      fix: expect.stringContaining('ACPT_PRICING'),
    });
  });

  it('falls back to the built-in price, saying so, when the endpoint is unreachable', async () => {
    const rows = await doctor({ CEREBRAS_BASE_URL: `http://127.0.0.1:${await closedLoopbackPort()}` });
    expect(rowOf(rows, 'pricing')).toMatchObject({
      status: 'pass',
      detail:
        'gpt-oss-120b: $0.35 input, $0.35 cached input, $0.75 output per million tokens (built-in list price of ' +
        '2026-06-15); served catalogue not checked (the endpoint is not reachable)',
    });
  });

  it('fails the telemetry row when the exporter endpoint is a closed port', async () => {
    const port = await closedLoopbackPort();
    const rows = await doctor({ OTEL_EXPORTER_OTLP_ENDPOINT: `http://127.0.0.1:${port}` });
    expect(rowOf(rows, 'telemetry')).toMatchObject({ status: 'fail', detail: expect.stringContaining('ECONNREFUSED') });
    expect(statusOf(rows, 'authentication')).toBe('pass');
  });

  it('reads the key from a mounted file, and fails the key-source row when that file is world-readable', async () => {
    const keyFile = join(directory, 'cerebras-api-key');
    await writeFile(keyFile, `${key}\n`);
    await chmod(keyFile, 0o600);
    const safe = await doctor({ CEREBRAS_API_KEY: undefined, CEREBRAS_API_KEY_FILE: keyFile });
    expect(rowOf(safe, 'key-source')).toMatchObject({
      status: 'pass',
      detail: expect.stringMatching(/^file .* \(mode 0600, owner uid \d+\); key not shown$/),
    });
    expect(statusOf(safe, 'authentication')).toBe('pass');

    await chmod(keyFile, 0o644);
    const open = await doctor({ CEREBRAS_API_KEY: undefined, CEREBRAS_API_KEY_FILE: keyFile });
    const keySource = rowOf(open, 'key-source');
    expect(keySource.status).toBe('fail');
    expect(keySource.detail).toContain('readable by every user');
    expect(keySource.fix).toBe(`chmod 600 ${keyFile} (Kubernetes: defaultMode: 0400 on the secret volume).`);
    expect(statusOf(open, 'dns')).toBe('pass');
    expect(statusOf(open, 'authentication')).toBe('skip');
    expect(JSON.stringify(open)).not.toContain(key);
    expect(await readFile(keyFile, 'utf8')).toContain(key);
  });

  it('warns on a group-readable key file and fails without any key', async () => {
    const keyFile = join(directory, 'group-readable-key');
    await writeFile(keyFile, key);
    await chmod(keyFile, 0o640);
    const group = await doctor({ CEREBRAS_API_KEY: undefined, CEREBRAS_API_KEY_FILE: keyFile });
    expect(rowOf(group, 'key-source')).toMatchObject({
      status: 'warn',
      fix: `chmod 600 ${keyFile} (Kubernetes: defaultMode: 0400 on the secret volume).`,
    });
    const none = await doctor({ CEREBRAS_API_KEY: undefined });
    expect(rowOf(none, 'key-source')).toMatchObject({
      status: 'fail',
      fix: expect.stringContaining('CEREBRAS_API_KEY_FILE'),
    });
  });

  it('fails the latency row when the sample is slower than the budget', async () => {
    const slow = await createMockCerebrasServer({ apiKey: key, latency: { kind: 'fixed', ms: 60 } });
    try {
      const rows = await doctor({ CEREBRAS_BASE_URL: slow.url, ACPT_LATENCY_BUDGET_MS: '20' });
      expect(rowOf(rows, 'latency')).toMatchObject({ status: 'fail', detail: expect.stringMatching(/budget 20 ms$/) });
      expect(statusOf(rows, 'rate-limit')).toBe('skip');
    } finally {
      await slow.close();
    }
  });

  it('fails the rate-limit row when a quota is used up', async () => {
    const tight = await createMockCerebrasServer({ apiKey: key, rateLimits: { requestsPerDay: 2 } });
    try {
      const rows = await doctor({ CEREBRAS_BASE_URL: tight.url });
      expect(rowOf(rows, 'rate-limit')).toMatchObject({
        status: 'fail',
        detail: expect.stringContaining('requests/day 0/2 left'),
      });
    } finally {
      await tight.close();
    }
  });
});

describe('runDoctor against a self-signed HTTPS mock server', () => {
  it('fails the TLS row without the CA and passes with ACPT_TLS_CA_FILE', async () => {
    const certificate = await makeSelfSignedCertificate();
    const server = await createMockCerebrasServer({
      apiKey: key,
      tls: { key: await readFile(certificate.keyFile), cert: await readFile(certificate.certFile) },
    });
    try {
      const env = { CEREBRAS_API_KEY: key, CEREBRAS_BASE_URL: server.url, OTEL_SDK_DISABLED: 'true' };
      const untrusted = await runDoctor({ env, samples: 1, timeoutMs: 3_000 });
      expect(rowOf(untrusted, 'tls')).toMatchObject({
        status: 'fail',
        detail: expect.stringContaining('DEPTH_ZERO_SELF_SIGNED_CERT'),
      });
      expect(rowOf(untrusted, 'tls').fix).toContain('ACPT_TLS_CA_FILE');
      expect(statusOf(untrusted, 'authentication')).toBe('skip');

      const trusted = await runDoctor({
        env: { ...env, ACPT_TLS_CA_FILE: certificate.certFile },
        samples: 1,
        timeoutMs: 3_000,
      });
      expect(rowOf(trusted, 'tls')).toMatchObject({
        status: 'pass',
        detail: expect.stringContaining('subject CN=acpt-test-endpoint'),
      });
      expect(statusOf(trusted, 'authentication')).toBe('pass');
      expect(statusOf(trusted, 'telemetry')).toBe('skip');
    } finally {
      await server.close();
      await certificate.remove();
    }
  });
});
