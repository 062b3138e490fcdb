/**
 * The telemetry bench's endpoint, run in a child process so its CPU is not the client's: the mock Cerebras server of
 * `@acpt/transport-mock` with one fixed short reply, held `--latency=<ms>` before answering. Prints `{"url": …}` once
 * listening; exits when stdin closes.
 */
import { createMockCerebrasServer } from '@acpt/transport-mock';

const latencyArgument = process.argv.find((argument) => argument.startsWith('--latency='));
const latencyMs = latencyArgument === undefined ? 0 : Number(latencyArgument.slice('--latency='.length));
const server = await createMockCerebrasServer({
  apiKey: process.env['ACPT_BENCH_KEY'] ?? 'csk-telemetry-bench',
  responder: () => 'Keep RIS phase bits at 2 and move vehicle 3 to the strong NOMA layer.',
  ...(latencyMs > 0 ? { latency: { kind: 'fixed' as const, ms: latencyMs } } : {}),
});
process.stdout.write(`${JSON.stringify({ url: server.url })}\n`);
process.stdin.resume();
process.stdin.on('end', () => {
  void server.close().then(() => process.exit(0));
});
