/**
 * The bench's endpoint, run in a child process so its CPU is not counted: the mock Cerebras server of
 * `@acpt/transport-mock` with fixed replies (about 25 tokens whole, 200 tokens streamed, one token per chunk).
 * `--paced` paces streams at 1000 tokens/s, so events arrive in separate reads (for time to first token).
 * Prints `{"url": …}` on stdout once listening; exits when stdin closes.
 */
import { createMockCerebrasServer } from '@acpt/transport-mock';
import { BENCH_KEY, STREAM_PROMPT } from './bench-protocol.ts';

const shortReply = 'Set the RIS phase bits to 2 on elements 1-16 and hold the beam on lane 3 for the next frame.';
const longReply = 'tok '.repeat(200);

const paced = process.argv.includes('--paced');
const server = await createMockCerebrasServer({
  apiKey: BENCH_KEY,
  streamChunkTokens: 1,
  responder: (request) => (request.messages.at(-1)?.content === STREAM_PROMPT ? longReply : shortReply),
  ...(paced ? { latency: { kind: 'fixed' as const, ms: 0, tokensPerSecond: 1000 } } : {}),
});
process.stdout.write(`${JSON.stringify({ url: server.url })}\n`);
process.stdin.resume();
process.stdin.on('end', () => {
  void server.close().then(() => process.exit(0));
});
