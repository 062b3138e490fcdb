import { createMockCerebrasServer } from '@acpt/transport-mock';
import { CHILD_KEY_VARIABLE, type ChildMessage, type MockServerSpec } from './mock-server-spec.ts';

// Entry point of the mock server child process: `node mock-server-child.mjs '<spec JSON>'`, key in the environment,
// talking to the load test over the IPC channel. It exits when told to stop or when the parent goes away.

const send = (message: ChildMessage): void => {
  process.send?.(message);
};

async function main(): Promise<void> {
  const spec = JSON.parse(process.argv[2] ?? '{}') as MockServerSpec;
  const apiKey = process.env[CHILD_KEY_VARIABLE];
  delete process.env[CHILD_KEY_VARIABLE];
  const server = await createMockCerebrasServer({ host: '127.0.0.1', port: 0, apiKey, ...spec });
  let peakRssBytes = process.memoryUsage.rss();
  const sampler = setInterval(() => {
    peakRssBytes = Math.max(peakRssBytes, process.memoryUsage.rss());
  }, 250);
  let stopping = false;
  const stop = async (): Promise<void> => {
    if (stopping) return;
    stopping = true;
    clearInterval(sampler);
    await server.close();
    send({ type: 'stopped', requestCount: server.requestCount, peakRssBytes });
    process.disconnect?.();
  };
  process.on('message', (message) => {
    if ((message as { type?: unknown }).type === 'stop') void stop();
  });
  process.on('disconnect', () => void stop());
  send({ type: 'listening', url: server.url });
}

main().catch((error: unknown) => {
  send({ type: 'failed', message: error instanceof Error ? error.message : String(error) });
  process.exitCode = 1;
  process.disconnect?.();
});
