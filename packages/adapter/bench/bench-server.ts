/**
 * The adapter bench's endpoint, in a child process so its CPU is not the client's: the mock Cerebras server of
 * `@acpt/transport-mock` with a fixed short reply. `--latency=<ms>` holds every response that long.
 * Prints `{"url": …}` once listening; exits when stdin closes.
 */
import { createMockCerebrasServer } from '@acpt/transport-mock';

const latencyArgument = process.argv.find((argument) => argument.startsWith('--latency='));
const latencyMs = latencyArgument === undefined ? 0 : Number(latencyArgument.slice('--latency='.length));
const server = await createMockCerebrasServer({
  apiKey: process.env.ACPT_BENCH_KEY ?? 'csk-adapter-bench',
  responder: () => 'Hold RIS phase bits at 2 on elements 1-16 and keep vehicle 3 on the strong NOMA layer.',
  ...(latencyMs > 0 ? { latency: { kind: 'fixed' as const, ms: latencyMs } } : {}),
});
process.stdout.write(`${JSON.stringify({ url: server.url })}\n`);
process.stdin.resume();
process.stdin.on('end', () => {
  void server.close().then(() => process.exit(0));
});
