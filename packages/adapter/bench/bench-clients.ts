/**
 * The clients the adapter bench compares: raw undici `request()`, the Cerebras transport alone, and the adapter over
 * that transport with a listener on every event. Each has a whole-reply call and a streamed call (the transport bench's
 * stream prompt) that resolves with its time to first token (ms).
 */
import { type CerebrasConfig, type CerebrasConfigInput, createPriceResolver, parseConfig } from '@acpt/config';
import { createCerebrasTransport } from '@acpt/transport-cerebras';
import { createMockTransport } from '@acpt/transport-mock';
import { rawUndiciClient } from '../../transport-cerebras/bench/bench-clients.ts';
import { STREAM_PROMPT } from '../../transport-cerebras/bench/bench-protocol.ts';
import { ADAPTER_EVENT_NAMES, createAdapter } from '../src/index.ts';
import { BENCH_KEY } from './bench-harness.ts';

/** One client under test. */
export interface Client {
  readonly name: string;
  /** A whole reply. */
  complete(): Promise<unknown>;
  /** A streamed reply; resolves with the time to its first text token, in ms. */
  stream(): Promise<number>;
  close(): Promise<void>;
  /** Adapter events received so far (0 for clients without events). */
  readonly events: () => number;
}

/** The model every client asks for. */
export const MODEL = 'gpt-oss-120b';
const prompt = 'Pick RIS phase bits for the next frame.';
const maxCompletionTokens = 256;
/** The pool size of every client (the one setting the adapter does not keep at its default). */
export const CONNECTIONS = 64;

/** Raw undici `request()` (the transport bench's client: `JSON.stringify` body, `body.json()`, a minimal SSE split). */
export function rawUndici(url: string): Client {
  return { ...rawUndiciClient(url), events: () => 0 };
}

/** The configuration of the transport and adapter clients: library defaults except the pool size. */
export function benchConfig(url: string, extra: CerebrasConfigInput = {}): CerebrasConfig {
  return parseConfig({
    ...extra,
    baseUrl: url,
    apiKey: BENCH_KEY,
    mockMode: false,
    model: MODEL,
    maxCompletionTokens,
    connection: { connections: CONNECTIONS },
  });
}

async function firstTextToken(events: AsyncIterable<{ readonly type: string }>, start: number): Promise<number> {
  let firstToken = Number.NaN;
  for await (const event of events) {
    if (Number.isNaN(firstToken) && event.type === 'text-delta') firstToken = performance.now() - start;
  }
  return firstToken;
}

/** `@acpt/transport-cerebras` alone. */
export function transportClient(url: string): Client {
  const transport = createCerebrasTransport({ config: benchConfig(url) });
  const request = { model: MODEL, messages: [{ role: 'user' as const, content: prompt }] };
  const streamed = { model: MODEL, messages: [{ role: 'user' as const, content: STREAM_PROMPT }] };
  return {
    name: 'transport alone',
    complete: () => transport.complete(request),
    stream: () => firstTextToken(transport.stream(streamed), performance.now()),
    close: () => transport.close(),
    events: () => 0,
  };
}

/** How the adapter client prices answers. */
export type CostMode = 'default' | 'off' | 'limit';

/** `CerebrasLLMAdapter` over the transport, library defaults except connections, a listener on every event. */
export function adapterClient(url: string, cost: CostMode = 'default'): Client {
  const config = benchConfig(url, cost === 'limit' ? { spend: { maxUsd: 1_000_000, maxUsdPerHour: 1_000_000 } } : {});
  const adapter = createAdapter({
    config,
    transport: createCerebrasTransport({ config }),
    mockTransport: createMockTransport({ seed: 1 }),
    // "off": no model has a price, so no cost is computed and no spend is checked.
    ...(cost === 'off' ? { prices: createPriceResolver({ defaults: {}, onWarning: () => {} }) } : {}),
  });
  let events = 0;
  const count = (): void => {
    events++;
  };
  for (const name of ADAPTER_EVENT_NAMES) adapter.on(name, count);
  const names: Record<CostMode, string> = {
    default: 'adapter (events on)',
    off: 'adapter (events on, cost off)',
    limit: 'adapter (events on, cost + spend limit)',
  };
  return {
    name: names[cost],
    async complete() {
      const response = await adapter.generate(prompt);
      if (response.fallback !== undefined) throw new Error('the bench must not fall back');
    },
    stream: () => firstTextToken(adapter.stream(STREAM_PROMPT), performance.now()),
    close: () => adapter.close(),
    events: () => events,
  };
}
