/**
 * One bench client alone in this process, for profiling the real path (the adapter over the real Cerebras transport
 * against the mock server) without the other clients sharing the heap and the JIT:
 *
 *   flock /work/bench.lock node --conditions=@acpt/source --cpu-prof bench/_real-path.ts \
 *     [raw | raw-otel | ai-sdk | ai-sdk-otel | off | always-on | before | ratio-0.1 | metrics-only | spans-only] [requests=40000] [--latency=<ms>]
 *
 * Prints req/s, CPU and GC pause µs per request of a warm-up of 6,000 requests and of the measured run.
 */
import { type BenchClientKind, CLIENT_NAMES, createBenchClient } from './_clients.ts';
import { measure } from './_measure.ts';
import { pinSelf, startServer } from './_server.ts';

const [which = 'always-on', countArgument = '40000'] = process.argv.slice(2).filter((arg) => !arg.startsWith('--'));
const latencyArgument = process.argv.find((argument) => argument.startsWith('--latency='));
const latencyMs = latencyArgument === undefined ? 0 : Number(latencyArgument.slice('--latency='.length));
const server = await startServer(latencyMs, pinSelf());
const kind = which as BenchClientKind;
const client = createBenchClient(kind, server.url);

async function run(label: string, count: number): Promise<void> {
  const { throughput, cpuUs, gcUs } = await measure(client, count, 64);
  const numbers = `${throughput.toFixed(0)} req/s, ${cpuUs.toFixed(1)} µs/req, GC pause ${gcUs.toFixed(1)} µs/req`;
  console.log(`${CLIENT_NAMES[kind]}, ${label}: ${numbers}`);
}

try {
  await run('warm-up', 6000);
  await run('measured', Number(countArgument));
} finally {
  await client.close();
  await server.stop();
}
