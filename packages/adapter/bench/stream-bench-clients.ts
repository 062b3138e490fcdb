import { parseConfig, type StreamDeltaMode } from '@acpt/config';
import { createCerebrasTransport } from '@acpt/transport-cerebras';
import { createMockTransport } from '@acpt/transport-mock';
import { rawUndiciClient as rawUndici } from '../../transport-cerebras/bench/bench-clients.ts';
import { BENCH_KEY, BENCH_MODEL, STREAM_PROMPT } from '../../transport-cerebras/bench/bench-protocol.ts';
import { ADAPTER_EVENT_NAMES, createAdapter } from '../src/index.ts';

/** One client under test: a streamed reply resolving to its time to first token (ms), and cleanup. */
export interface StreamClient {
  readonly name: string;
  stream(): Promise<number>;
  close(): Promise<void>;
  /** Adapter events its listeners received (0 for the others). */
  readonly events: () => number;
}

const MODEL = BENCH_MODEL;
const CONNECTIONS = 64;
const PROMPT = STREAM_PROMPT;

/**
 * Raw undici `request()` on its own keep-alive Agent with a minimal SSE split and `JSON.parse` of every event: the
 * transport bench's baseline client, so both benches compare against the same code.
 */
export function rawUndiciClient(url: string): StreamClient {
  const raw = rawUndici(url);
  return { name: raw.name, stream: () => raw.stream(), close: () => raw.close(), events: () => 0 };
}

function benchConfig(url: string) {
  // Library defaults except the pool size (and the mock-mode switch the bench must not hit).
  return parseConfig({
    baseUrl: url,
    apiKey: BENCH_KEY,
    mockMode: false,
    model: MODEL,
    maxCompletionTokens: 256,
    connection: { connections: CONNECTIONS },
  });
}

/** `@acpt/transport-cerebras` alone, with the same pool size. */
export function transportClient(url: string, deltas: StreamDeltaMode): StreamClient {
  const transport = createCerebrasTransport({ config: benchConfig(url) });
  const request = { model: MODEL, messages: [{ role: 'user' as const, content: PROMPT }] };
  return {
    name: `transport (${deltas})`,
    async stream() {
      const start = performance.now();
      let firstToken = Number.NaN;
      let text = '';
      for await (const event of transport.stream(request, { deltas })) {
        if (event.type !== 'text-delta') continue;
        if (Number.isNaN(firstToken)) firstToken = performance.now() - start;
        text += event.text;
      }
      if (text.length === 0) throw new Error('bad stream');
      return firstToken;
    },
    close: () => transport.close(),
    events: () => 0,
  };
}

/** `CerebrasLLMAdapter` over the transport, library defaults except connections, a listener on every event. */
export function adapterClient(url: string, deltas: StreamDeltaMode): StreamClient {
  const config = benchConfig(url);
  const adapter = createAdapter({
    config,
    transport: createCerebrasTransport({ config }),
    mockTransport: createMockTransport({ seed: 1 }),
  });
  let events = 0;
  const count = (): void => {
    events++;
  };
  for (const name of ADAPTER_EVENT_NAMES) adapter.on(name, count);
  return {
    name: `adapter, events on (${deltas})`,
    async stream() {
      const start = performance.now();
      let firstToken = Number.NaN;
      let text = '';
      for await (const event of adapter.stream(PROMPT, { deltas })) {
        if (event.type === 'finish') {
          if (event.response.fallback !== undefined) throw new Error('the bench must not fall back');
          continue;
        }
        if (event.type !== 'text-delta') continue;
        if (Number.isNaN(firstToken)) firstToken = performance.now() - start;
        text += event.text;
      }
      if (text.length === 0) throw new Error('bad stream');
      return firstToken;
    },
    close: () => adapter.close(),
    events: () => events,
  };
}
