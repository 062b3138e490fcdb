import { createServer } from 'node:net';
import { type CheckRow, errorCode, errorText, row } from './check-row.ts';
import { endpointHost, endpointPort } from './endpoint-port.ts';
import type { ExporterTarget } from './exporter-target.ts';
import { tcpConnect } from './tcp-connect.ts';

const unreachableFix =
  'Start the collector (or fix OTEL_EXPORTER_OTLP_ENDPOINT), or export by scrape with OTEL_METRICS_EXPORTER=prometheus, ' +
  'or run without export with OTEL_SDK_DISABLED=true.';

/** POSTs an empty OTLP export (a valid, empty protobuf message) and classifies the answer. */
async function probeOtlpHttp(
  target: Extract<ExporterTarget, { kind: 'otlp-http' }>,
  timeoutMs: number,
): Promise<CheckRow> {
  const where = `OTLP/HTTP ${target.signal} endpoint ${target.url.href}`;
  let status: number;
  try {
    const response = await fetch(target.url, {
      method: 'POST',
      headers: { ...target.headers, 'content-type': 'application/x-protobuf' },
      body: new Uint8Array(0),
      signal: AbortSignal.timeout(timeoutMs),
    });
    await response.body?.cancel();
    status = response.status;
  } catch (error) {
    return row('telemetry', 'fail', `${where} unreachable (${errorCode(error) ?? errorText(error)})`, unreachableFix);
  }
  if (status >= 200 && status < 300) return row('telemetry', 'pass', `${where} accepted an empty export (${status})`);
  if (status === 401 || status === 403) {
    return row(
      'telemetry',
      'fail',
      `${where} refused the export (${status})`,
      'Set the credentials in OTEL_EXPORTER_OTLP_HEADERS.',
    );
  }
  if (status === 404 || status === 405) {
    return row(
      'telemetry',
      'fail',
      `${where} answered ${status}: something listens there, but no OTLP receiver`,
      'Point OTEL_EXPORTER_OTLP_ENDPOINT at the collector base URL (the SDK appends /v1/metrics); Prometheus 2.x has no OTLP receiver.',
    );
  }
  if (status >= 500)
    return row('telemetry', 'fail', `${where} failed the export (${status})`, 'Check the collector logs.');
  return row(
    'telemetry',
    'warn',
    `${where} is reachable but rejected the probe (${status})`,
    'Check the collector logs.',
  );
}

/** True when `host:port` can be bound now. */
function canBind(host: string, port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const server = createServer();
    server.once('error', () => resolve(false));
    server.listen({ host, port, exclusive: true }, () => server.close(() => resolve(true)));
  });
}

/** Checks the Prometheus pull endpoint: serving `/metrics` already (the app runs), or free for the app to bind. */
async function probePrometheus(
  target: Extract<ExporterTarget, { kind: 'prometheus' }>,
  timeoutMs: number,
): Promise<CheckRow> {
  const probeHost = target.host === '0.0.0.0' || target.host === '::' ? '127.0.0.1' : target.host;
  const url = `http://${probeHost.includes(':') ? `[${probeHost}]` : probeHost}:${target.port}/metrics`;
  const exposure =
    target.host === '0.0.0.0' || target.host === '::'
      ? row(
          'telemetry',
          'warn',
          `Prometheus exporter would bind every interface on port ${target.port}`,
          'Set OTEL_EXPORTER_PROMETHEUS_HOST=127.0.0.1 (or the pod IP your scraper uses).',
        )
      : undefined;
  try {
    const response = await fetch(url, { signal: AbortSignal.timeout(timeoutMs) });
    const text = await response.text();
    if (response.ok && /^# (HELP|TYPE) /m.test(text))
      return exposure ?? row('telemetry', 'pass', `${url} is serving metrics`);
    return row(
      'telemetry',
      'fail',
      `${url} answered ${response.status} without Prometheus metrics: the port is taken`,
      'Free the port or set OTEL_EXPORTER_PROMETHEUS_PORT.',
    );
  } catch (error) {
    if (errorCode(error) !== 'ECONNREFUSED') {
      return row(
        'telemetry',
        'fail',
        `${url} did not answer (${errorCode(error) ?? errorText(error)})`,
        'Free the port or set OTEL_EXPORTER_PROMETHEUS_PORT.',
      );
    }
  }
  if (!(await canBind(target.host, target.port))) {
    return row(
      'telemetry',
      'fail',
      `cannot bind ${target.host}:${target.port} for the Prometheus exporter`,
      'Free the port or set OTEL_EXPORTER_PROMETHEUS_PORT.',
    );
  }
  return (
    exposure ??
    row(
      'telemetry',
      'pass',
      `${target.host}:${target.port} is free for the Prometheus exporter; point the scrape job at it`,
    )
  );
}

/** Checks that the configured telemetry exporter can be reached (or, for Prometheus, served). */
export async function checkTelemetry(target: ExporterTarget, timeoutMs: number): Promise<CheckRow> {
  switch (target.kind) {
    case 'disabled':
      return row('telemetry', 'skip', `telemetry export is off (${target.reason})`);
    case 'unconfigured':
      return row(
        'telemetry',
        'warn',
        'no exporter configured: the application exports no spans or metrics',
        'Set OTEL_EXPORTER_OTLP_ENDPOINT (collector) or OTEL_METRICS_EXPORTER=prometheus, or OTEL_SDK_DISABLED=true to opt out.',
      );
    case 'local':
      return row('telemetry', 'pass', `the ${target.exporter} exporter writes locally: nothing to reach`);
    case 'otlp-http':
      return probeOtlpHttp(target, timeoutMs);
    case 'prometheus':
      return probePrometheus(target, timeoutMs);
    case 'otlp-grpc':
      try {
        const connectMs = await tcpConnect(endpointHost(target.url), endpointPort(target.url), timeoutMs);
        return row(
          'telemetry',
          'pass',
          `OTLP/gRPC endpoint ${target.url.host} accepts TCP (${connectMs.toFixed(1)} ms)`,
        );
      } catch (error) {
        return row(
          'telemetry',
          'fail',
          `OTLP/gRPC endpoint ${target.url.host} unreachable (${errorCode(error) ?? errorText(error)})`,
          unreachableFix,
        );
      }
  }
}
