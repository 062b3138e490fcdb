/**
 * One bench client alone in this process, for profiling the real path (the adapter over the real Cerebras transport
 * against the mock server) without the other clients sharing the heap and the JIT:
 *
 *   flock /work/main/.git/acpt-bench.lock node --conditions=@acpt/source --cpu-prof bench/_real-path.ts \
 *     [raw | off | always-on | ratio-0.1 | metrics-only | spans-only] [requests=40000] [--latency=<ms>]
 *
 * Prints req/s and CPU µs per request of a warm-up of 6,000 requests and of the measured run.
 */
import { adapterClient, type BenchClient, rawUndici, type TelemetryMode } from './_clients.ts';
import { pinSelf, startServer } from './_server.ts';

const [which = 'always-on', countArgument = '40000'] = process.argv.slice(2).filter((arg) => !arg.startsWith('--'));
const latencyArgument = process.argv.find((argument) => argument.startsWith('--latency='));
const latencyMs = latencyArgument === undefined ? 0 : Number(latencyArgument.slice('--latency='.length));
const server = await startServer(latencyMs, pinSelf());
const client: BenchClient = which === 'raw' ? rawUndici(server.url) : adapterClient(server.url, which as TelemetryMode);

async function run(label: string, count: number): Promise<void> {
  let next = 0;
  const worker = async (): Promise<void> => {
    while (next++ < count) await client.complete();
  };
  const cpu = process.cpuUsage();
  const start = performance.now();
  await Promise.all(Array.from({ length: 64 }, worker));
  const wallMs = performance.now() - start;
  const used = process.cpuUsage(cpu);
  const perRequest = ((used.user + used.system) / count).toFixed(1);
  console.log(`${client.name}, ${label}: ${((count / wallMs) * 1000).toFixed(0)} req/s, ${perRequest} µs/req`);
}

try {
  await run('warm-up', 6000);
  await run('measured', Number(countArgument));
} finally {
  await client.close();
  await server.stop();
}
