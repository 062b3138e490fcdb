/**
 * A test program run in a child process, so `startTelemetry` reads a real environment: it starts the SDK from the
 * `OTEL_*` variables it was given, instruments a real adapter over mock transports, makes `TEST_REQUESTS` requests
 * (the first one retried once after a 503), prints `{"event":"ready",…}`, optionally waits for its stdin to close
 * (`TEST_HOLD=1`, so Prometheus can scrape, or a signal can arrive: `TEST_SHUTDOWN_ON_EXIT=1` installs the hooks), then shuts the telemetry down and prints `{"event":"shutdown",…}`.
 */
import { createAdapter } from '@acpt/adapter';
import { parseConfig } from '@acpt/config';
import { createMockTransport } from '@acpt/transport-mock';
import { instrumentAdapter } from '../index.ts';
import { startTelemetry } from '../sdk/index.ts';
import { asLiveTransport } from './virtual-time-adapter.ts';

const requests = Number(process.env['TEST_REQUESTS'] ?? '3');
const telemetry = startTelemetry({
  serviceName: 'acpt-telemetry-test',
  serviceVersion: '1.2.3',
  shutdownTimeoutMs: Number(process.env['TEST_SHUTDOWN_TIMEOUT_MS'] ?? '2000'),
  shutdownOnExit: process.env['TEST_SHUTDOWN_ON_EXIT'] === '1',
});
const live = createMockTransport({ seed: 1, faults: [{ kind: 'service-unavailable', at: [0] }] });
const adapter = createAdapter({
  config: parseConfig({
    apiKey: 'csk-test-secret-key-0000',
    mockMode: false,
    fallback: 'mock',
    retry: { initialBackoffMs: 1, maxBackoffMs: 1, jitter: 0 },
    batching: { batchSize: 1, maxWaitMs: 0 },
  }),
  transport: asLiveTransport(live),
  mockTransport: createMockTransport({ seed: 2 }),
});
const instrumentation = instrumentAdapter(adapter);
for (let index = 0; index < requests; index += 1) await adapter.generate(`Request ${index}`, { seed: index });
const ready = {
  event: 'ready',
  started: telemetry.started,
  plan: telemetry.plan,
  preaggregatedMetrics: telemetry.preaggregatedMetrics,
};
process.stdout.write(`${JSON.stringify(ready)}\n`);
if (process.env['TEST_HOLD'] === '1') {
  process.stdin.resume();
  await new Promise((resolve) => process.stdin.once('end', resolve));
}
instrumentation.detach();
await adapter.close();
const startedAt = performance.now();
const outcome = await telemetry.shutdown();
const shutdown = { event: 'shutdown', outcome, shutdownMs: Math.round(performance.now() - startedAt) };
process.stdout.write(`${JSON.stringify(shutdown)}\n`);
