import { mkdtempSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runDemoProcess } from './run-demo-process.ts';

let receiver: Server;
const received: { path: string; body: string }[] = [];

beforeAll(async () => {
  receiver = createServer((request, response) => {
    const chunks: Buffer[] = [];
    request.on('data', (chunk: Buffer) => chunks.push(chunk));
    request.on('end', () => {
      received.push({ path: request.url ?? '', body: Buffer.concat(chunks).toString('utf8') });
      response.writeHead(200, { 'content-type': 'application/json' }).end('{}');
    });
  });
  await new Promise<void>((resolve) => receiver.listen(0, '127.0.0.1', resolve));
});
afterAll(async () => {
  await new Promise<void>((resolve) => receiver.close(() => resolve()));
});

describe('--telemetry otlp', () => {
  it('exports the adapter spans and metrics over OTLP/HTTP at the end of the run', async () => {
    const { port } = receiver.address() as AddressInfo;
    const out = join(mkdtempSync(join(tmpdir(), 'ris-otlp-')), 'run');
    const result = await runDemoProcess(['--steps', '5', '--out', out, '--quiet', '--telemetry', 'otlp'], {
      OTEL_EXPORTER_OTLP_ENDPOINT: `http://127.0.0.1:${port}`,
      OTEL_EXPORTER_OTLP_PROTOCOL: 'http/json',
    });
    expect(result, result.stderr).toMatchObject({ code: 0 });
    const traces = received
      .filter((entry) => entry.path === '/v1/traces')
      .map((entry) => entry.body)
      .join('\n');
    const metrics = received
      .filter((entry) => entry.path === '/v1/metrics')
      .map((entry) => entry.body)
      .join('\n');
    expect(traces).toContain('chat gpt-oss-120b');
    expect(traces).toContain('acpt.mock');
    expect(traces).toContain('"ris-demo"');
    expect(metrics).toContain('gen_ai.client.operation.duration');
  });

  it('finishes the run even when the OTLP endpoint is down', async () => {
    const out = join(mkdtempSync(join(tmpdir(), 'ris-otlp-down-')), 'run');
    const result = await runDemoProcess(['--steps', '3', '--out', out, '--quiet', '--telemetry', 'otlp'], {
      OTEL_EXPORTER_OTLP_ENDPOINT: 'http://127.0.0.1:9',
      OTEL_EXPORTER_OTLP_TIMEOUT: '500',
    });
    expect(result, result.stderr).toMatchObject({ code: 0 });
  });
});
