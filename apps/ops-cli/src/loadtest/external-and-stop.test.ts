import { createMockCerebrasServer } from '@acpt/transport-mock';
import { describe, expect, it } from 'vitest';
import { parseLoadtestOptions } from './loadtest-options.ts';
import { runLoadtest } from './run-loadtest.ts';

const quiet = { write: () => true };

describe('runLoadtest', () => {
  it('drives an endpoint given with --url, with the key from the environment', async () => {
    const key = 'sk-external-endpoint-test';
    const server = await createMockCerebrasServer({ apiKey: key });
    try {
      const options = parseLoadtestOptions([
        '--url',
        server.url,
        '--requests',
        '200',
        '--concurrency',
        '16',
        '--progress',
        'off',
      ]);
      const report = await runLoadtest(options, { progress: quiet, env: { CEREBRAS_API_KEY: key } });
      expect(report.run).toMatchObject({
        server: 'external',
        endpoint: server.url,
        faults: 'none injected (external endpoint)',
      });
      expect(report.outcomes).toMatchObject({ submitted: 200, succeeded: 200, fellBack: 0, failed: 0 });
      expect(report.server).toBeUndefined();
      expect(server.requestCount).toBe(200);
      expect(report.accounting.ok).toBe(true);
      expect(JSON.stringify(report)).not.toContain(key);
    } finally {
      await server.close();
    }
  });

  it('stops submitting on the stop signal (Ctrl-C) and still accounts for every submitted request', async () => {
    const stop = new AbortController();
    const options = parseLoadtestOptions([
      '--requests',
      '1000000',
      '--concurrency',
      '16',
      '--in-process',
      '--fault-rate',
      '0',
      '--progress',
      'off',
    ]);
    const running = runLoadtest(options, { progress: quiet, stopSignal: stop.signal, env: {} });
    setTimeout(() => stop.abort(), 300);
    const report = await running;
    expect(report.outcomes.submitted).toBeGreaterThan(0);
    expect(report.outcomes.submitted).toBeLessThan(1_000_000);
    expect(report.outcomes.succeeded).toBe(report.outcomes.submitted);
    expect(report.accounting.ok).toBe(true);
  });
});
