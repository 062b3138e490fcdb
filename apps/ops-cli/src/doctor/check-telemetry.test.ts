import { createServer } from 'node:http';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { closedLoopbackPort, listenOnLoopback, startOtlpReceiver } from '../testing/test-servers.ts';
import { checkTelemetry } from './check-telemetry.ts';
import { resolveExporterTarget } from './exporter-target.ts';

describe('checkTelemetry', () => {
  let receiver: Awaited<ReturnType<typeof startOtlpReceiver>>;

  beforeAll(async () => {
    receiver = await startOtlpReceiver();
  });
  afterAll(() => receiver.close());

  it('passes when the OTLP receiver accepts an empty export', async () => {
    const target = resolveExporterTarget({ OTEL_EXPORTER_OTLP_ENDPOINT: receiver.url });
    const result = await checkTelemetry(target, 2_000);
    expect(result).toMatchObject({ id: 'telemetry', status: 'pass' });
    expect(receiver.exports()).toBeGreaterThan(0);
  });

  it('fails with a fix when the exporter endpoint is a closed port', async () => {
    const port = await closedLoopbackPort();
    const target = resolveExporterTarget({ OTEL_EXPORTER_OTLP_ENDPOINT: `http://127.0.0.1:${port}` });
    const result = await checkTelemetry(target, 2_000);
    expect(result.status).toBe('fail');
    expect(result.detail).toContain('ECONNREFUSED');
    expect(result.fix).toMatch(/OTEL_EXPORTER_OTLP_ENDPOINT/);
  });

  it('fails when something that is not an OTLP receiver answers', async () => {
    const server = createServer((_request, response) => response.writeHead(404).end());
    const url = await listenOnLoopback(server);
    const result = await checkTelemetry(resolveExporterTarget({ OTEL_EXPORTER_OTLP_ENDPOINT: url }), 2_000);
    server.close();
    expect(result).toMatchObject({ status: 'fail', detail: expect.stringContaining('no OTLP receiver') });
  });

  it('passes for a free Prometheus port on loopback and skips when export is off', async () => {
    const port = await closedLoopbackPort();
    const target = resolveExporterTarget({
      OTEL_METRICS_EXPORTER: 'prometheus',
      OTEL_EXPORTER_PROMETHEUS_HOST: '127.0.0.1',
      OTEL_EXPORTER_PROMETHEUS_PORT: String(port),
    });
    expect((await checkTelemetry(target, 2_000)).status).toBe('pass');
    expect((await checkTelemetry(resolveExporterTarget({ OTEL_SDK_DISABLED: 'true' }), 2_000)).status).toBe('skip');
  });

  it('warns when no exporter is configured at all', async () => {
    const result = await checkTelemetry(resolveExporterTarget({}), 2_000);
    expect(result).toMatchObject({ status: 'warn', detail: expect.stringContaining('no exporter configured') });
  });
});
