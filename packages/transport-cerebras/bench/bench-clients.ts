import { Secret } from '@acpt/config';
import Cerebras from '@cerebras/cerebras_cloud_sdk';
import { Agent } from 'undici';
import { testConfig } from '../src/__fixtures__/test-config.ts';
import { createCerebrasTransport } from '../src/index.ts';
import { BENCH_KEY, BENCH_MODEL, STREAM_PROMPT } from './bench-protocol.ts';

/** One client under test: a whole reply, a streamed reply (resolving to its time to first token, ms), and cleanup. */
export interface BenchClient {
  readonly name: string;
  complete(): Promise<undefined>;
  stream(): Promise<number>;
  close(): Promise<void>;
}

const prompt = 'Pick RIS phase bits for the next frame.';
const CONNECTIONS = 64;

/** Raw undici `request()` on its own keep-alive Agent, `JSON.stringify` body, `body.json()` / a minimal SSE split. */
export function rawUndiciClient(url: string): BenchClient {
  const agent = new Agent({ connections: CONNECTIONS, allowH2: false });
  const headers = { authorization: `Bearer ${BENCH_KEY}`, 'content-type': 'application/json' };
  const post = (content: string, stream: boolean) =>
    agent.request({
      origin: url,
      path: '/v1/chat/completions',
      method: 'POST',
      headers,
      body: JSON.stringify({
        model: BENCH_MODEL,
        max_completion_tokens: 256,
        messages: [{ role: 'user', content }],
        ...(stream ? { stream: true } : {}),
      }),
    });
  return {
    name: 'raw undici request()',
    async complete() {
      const response = await post(prompt, false);
      const json = (await response.body.json()) as { choices: { message: { content: string } }[] };
      if (typeof json.choices[0]?.message.content !== 'string') throw new Error('bad reply');
      return undefined;
    },
    async stream() {
      const start = performance.now();
      const response = await post(STREAM_PROMPT, true);
      const decoder = new TextDecoder();
      let buffer = '';
      let firstToken = Number.NaN;
      for await (const chunk of response.body as AsyncIterable<Uint8Array>) {
        buffer += decoder.decode(chunk, { stream: true });
        for (let end = buffer.indexOf('\n\n'); end !== -1; end = buffer.indexOf('\n\n')) {
          const event = buffer.slice(0, end);
          buffer = buffer.slice(end + 2);
          if (!event.startsWith('data: ') || event === 'data: [DONE]') continue;
          const json = JSON.parse(event.slice(6)) as { choices?: { delta?: { content?: string } }[] };
          if (Number.isNaN(firstToken) && json.choices?.[0]?.delta?.content) firstToken = performance.now() - start;
        }
      }
      return firstToken;
    },
    close: () => agent.close(),
  };
}

/** `@acpt/transport-cerebras` with the same pool size. */
export function transportClient(url: string): BenchClient {
  const transport = createCerebrasTransport({
    config: testConfig({
      baseUrl: url,
      apiKey: new Secret(BENCH_KEY),
      maxCompletionTokens: 256,
      connection: { connections: CONNECTIONS },
      timeouts: { connectMs: 5000, headersMs: 30_000, idleMs: 30_000 },
    }),
  });
  const whole = { model: BENCH_MODEL, messages: [{ role: 'user' as const, content: prompt }] };
  const streamed = { model: BENCH_MODEL, messages: [{ role: 'user' as const, content: STREAM_PROMPT }] };
  return {
    name: '@acpt/transport-cerebras',
    async complete() {
      await transport.complete(whole);
      return undefined;
    },
    async stream() {
      const start = performance.now();
      let firstToken = Number.NaN;
      for await (const event of transport.stream(streamed)) {
        if (event.type === 'text-delta' && Number.isNaN(firstToken)) firstToken = performance.now() - start;
      }
      return firstToken;
    },
    close: () => transport.close(),
  };
}

/** The official Node SDK 1.91.0 (node-fetch, keep-alive agent), retries off, no warm-up request. */
export function officialSdkClient(url: string): BenchClient {
  const client = new Cerebras({ apiKey: BENCH_KEY, baseURL: url, maxRetries: 0, warmTCPConnection: false });
  return {
    name: 'official SDK 1.91.0',
    async complete() {
      await client.chat.completions.create({
        model: BENCH_MODEL,
        max_completion_tokens: 256,
        messages: [{ role: 'user', content: prompt }],
      });
      return undefined;
    },
    async stream() {
      const start = performance.now();
      let firstToken = Number.NaN;
      const stream = await client.chat.completions.create({
        model: BENCH_MODEL,
        max_completion_tokens: 256,
        messages: [{ role: 'user', content: STREAM_PROMPT }],
        stream: true,
      });
      for await (const chunk of stream) {
        const choices = (chunk as { choices?: { delta?: { content?: string | null } }[] }).choices;
        if (Number.isNaN(firstToken) && choices?.[0]?.delta?.content) firstToken = performance.now() - start;
      }
      return firstToken;
    },
    close: async () => {},
  };
}
