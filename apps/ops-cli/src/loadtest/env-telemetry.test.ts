import { afterEach, describe, expect, it, vi } from 'vitest';
import { startOtlpReceiver } from '../testing/test-servers.ts';
import { parseLoadtestOptions } from './loadtest-options.ts';
import { runLoadtest } from './run-loadtest.ts';

describe('acpt loadtest --telemetry env', () => {
  afterEach(() => {
    vi.unstubAllEnvs();
  });

  it('exports spans and metrics through startTelemetry to the OTLP endpoint of the OTEL_* variables', async () => {
    const receiver = await startOtlpReceiver();
    try {
      // The OpenTelemetry SDK reads process.env itself.
      vi.stubEnv('OTEL_EXPORTER_OTLP_ENDPOINT', receiver.url);
      vi.stubEnv('OTEL_EXPORTER_OTLP_PROTOCOL', 'http/json');
      const options = parseLoadtestOptions([
        '--requests',
        '50',
        '--concurrency',
        '8',
        '--telemetry',
        'env',
        '--in-process',
        '--progress',
        'off',
      ]);
      const report = await runLoadtest(options, {
        progress: { write: () => true },
        env: { ACPT_LATENCY_BUDGET_MODE: 'hard', ACPT_LATENCY_BUDGET_MS: '2000' },
      });
      expect(report.accounting.ok).toBe(true);
      expect(report.telemetryExport).toBe('done');
      expect(report.telemetry).toBeUndefined();
      expect(receiver.exports()).toBeGreaterThanOrEqual(2);
    } finally {
      await receiver.close();
    }
  });
});
